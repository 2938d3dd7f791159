// The settings a public production deployment must not run with. Checked by the launcher before
// it touches the database (so the seed never creates accounts with the example password), by the
// seed itself, and by lib/env.ts when the server boots. Plain JavaScript so all three can use it.

/** .env.example's development values (a unit test keeps these equal to the file). */
export const EXAMPLE_VALUES = {
  NEXTAUTH_SECRET: "development-only-secret-change-me-please",
  SEED_STAFF_PASSWORD: "victoria-house-dev",
};

export const MIN_SECRET_LENGTH = 32;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A demo or test run on this machine, where the example values are fine. No APP_URL means the local default. */
export function isLocalAppUrl(appUrl) {
  if (!appUrl) return true;
  try {
    return LOCAL_HOSTS.has(new URL(appUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * What is wrong for NODE_ENV=production on a public address, one message per problem, each
 * naming its variable. Empty when nothing is wrong (or in development, tests, or on localhost).
 */
export function productionEnvProblems(env) {
  if (env.NODE_ENV !== "production" || isLocalAppUrl(env.APP_URL)) return [];
  const problems = [];
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (!secret) problems.push(`NEXTAUTH_SECRET is not set: generate one with \`openssl rand -base64 32\``);
  else if (secret === EXAMPLE_VALUES.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is the public development value from .env.example: generate your own with `openssl rand -base64 32`");
  else if (secret.length < MIN_SECRET_LENGTH) problems.push(`NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (it has ${secret.length})`);
  if (env.SEED_STAFF_PASSWORD === EXAMPLE_VALUES.SEED_STAFF_PASSWORD) problems.push("SEED_STAFF_PASSWORD is the public development value from .env.example: choose another");
  if (!env.SMTP_URL) problems.push("SMTP_URL is not set: in production emails must go out by SMTP (the local mailbox is only for demos)");
  return problems;
}
