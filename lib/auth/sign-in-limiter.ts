import "server-only";
import { getServerEnv } from "@/lib/env";
import { addressForLimits } from "@/lib/http/client-address";
import { clearHits, countHit, isLimitReached, limitKey, resetLimits, sharedLimiter } from "@/lib/http/rate-limit-store";

/**
 * Slows password guessing without letting an attacker lock staff out, as OWASP's "device cookies"
 * describe: a browser that has signed in to an account before carries a signed device cookie
 * (lib/auth/device-cookie.ts) and meets only the limit of its own failures. Failures from
 * anywhere else therefore never block it. Browsers the account has never used (no valid device
 * cookie) meet the per-account limit, and also the per-address and per-account-and-address ones.
 * Every count lasts one 15-minute window and lives in PostgreSQL, shared by all app instances.
 * BOOKING_RATE_LIMIT=0 turns the per-address counts off (as it does every per-address limit).
 */
const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { device: 10, account: 20, address: 30, pair: 5 } as const;
type Kind = keyof typeof SIGN_IN_LIMITS;

/** Who is trying: the client's address and, when its device cookie is valid for this account, that device. */
export type SignInClient = { address: string; deviceId: string | null };

const limiter = (kind: Kind) => sharedLimiter(`signin-${kind}`, SIGN_IN_LIMITS[kind], WINDOW_SECONDS);

function countsFor(email: string, client: SignInClient): [Kind, string][] {
  if (client.deviceId) return [["device", limitKey(email, client.deviceId)]];
  const counts: [Kind, string][] = [["account", limitKey(email)]];
  if (getServerEnv().BOOKING_RATE_LIMIT !== 0) {
    const address = addressForLimits(client.address);
    counts.push(["address", limitKey(address)], ["pair", limitKey(email, address)]);
  }
  return counts;
}

export async function isSignInBlocked(email: string, client: SignInClient): Promise<boolean> {
  const reached = await Promise.all(countsFor(email, client).map(([kind, key]) => isLimitReached(limiter(kind), key)));
  return reached.some(Boolean);
}

export async function recordSignInFailure(email: string, client: SignInClient): Promise<void> {
  await Promise.all(countsFor(email, client).map(([kind, key]) => countHit(limiter(kind), key)));
}

/** The right password from this address: its own guesses no longer count against it. */
export async function recordSignInSuccess(email: string, client: SignInClient): Promise<void> {
  await Promise.all(
    countsFor(email, client)
      .filter(([kind]) => kind === "pair" || kind === "device")
      .map(([kind, key]) => clearHits(limiter(kind), key)),
  );
}

/** Tests: forget every sign-in count. */
export async function resetSignInLimits(): Promise<void> {
  await resetLimits((Object.keys(SIGN_IN_LIMITS) as Kind[]).map((kind) => `signin-${kind}`));
}
