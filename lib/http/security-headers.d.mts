export function newNonce(): string;
export function contentSecurityPolicy(options: { nonce?: string; https?: boolean; dev?: boolean }): string;
export function securityHeaders(options: { pathname: string; appUrl: string | undefined; nonce?: string; dev?: boolean }): [string, string][];
