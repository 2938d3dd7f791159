import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db, getPool } from "@/lib/db";

/**
 * Every limit of the app (bookings, manage links, sign-in) counts in PostgreSQL, through
 * rate-limiter-flexible's PostgreSQL store: one atomic upsert per hit in the table
 * `rate_limit_counters` (created by a migration, not by the library), so all app instances on one
 * database enforce one limit together. Windows are fixed: the first hit starts one.
 *
 * The store runs its queries without statement names. The library names them (prepared
 * statements), but the embedded database serves all connections from one PGlite session, where a
 * second connection preparing the same name fails, and PgBouncer in transaction mode has the same
 * problem. Keys are hashed, so the table holds no email or IP address.
 */
const TABLE = "rate_limit_counters";

type Query = { text: string; values?: unknown[] };
const unnamedQueries = {
  query: (query: Query) => getPool().query({ text: query.text, values: query.values }),
};

const globalForLimits = globalThis as unknown as { vhLimiters?: Map<string, RateLimiterPostgres> };

/** The limiter for one kind of key: `points` hits per `durationSeconds`. */
export function sharedLimiter(kind: string, points: number, durationSeconds: number): RateLimiterPostgres {
  const limiters = (globalForLimits.vhLimiters ??= new Map());
  const id = `${kind}/${points}/${durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: unnamedQueries,
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: kind,
      points,
      duration: durationSeconds,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/** A short hash of the parts, so keys fit the table and reveal nothing. */
export function limitKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32);
}

/** Counts one hit; `allowed: false` once the window already holds `points` hits. */
export async function consumeLimit(limiter: RateLimiterPostgres, key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

/** Whether the key's window already holds its limiter's `points` hits (counts nothing). */
export async function isLimitReached(limiter: RateLimiterPostgres, key: string): Promise<boolean> {
  const state = await limiter.get(key);
  return state !== null && state.consumedPoints >= limiter.points;
}

/** Counts one hit without refusing anything (failures that feed a later check). */
export async function countHit(limiter: RateLimiterPostgres, key: string): Promise<void> {
  await limiter.penalty(key, 1);
}

export async function clearHits(limiter: RateLimiterPostgres, key: string): Promise<void> {
  await limiter.delete(key);
}

/** Tests: forget every count of the given kinds (prefixes). */
export async function resetLimits(kinds: string[]): Promise<void> {
  for (const kind of kinds) await db.$executeRaw`DELETE FROM "rate_limit_counters" WHERE key LIKE ${`${kind}:%`}`;
}
