export const EXAMPLE_VALUES: { NEXTAUTH_SECRET: string; SEED_STAFF_PASSWORD: string };
export const MIN_SECRET_LENGTH: number;
export function isLocalAppUrl(appUrl: string | undefined): boolean;
export function productionEnvProblems(env: Record<string, string | undefined>): string[];
