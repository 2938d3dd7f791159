import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getServerEnv } from "@/lib/env";

/**
 * The one connection pool and the one Prisma client on it. Both are cached on globalThis so dev-mode
 * hot reloads do not open a new pool each time, and both are created on first use: `next build`
 * loads these modules with no environment at all (no database, no secrets) and must not need one.
 * The shared rate limits (lib/http/rate-limit-store.ts) use the same pool, so DATABASE_POOL_SIZE
 * is all the connections one app instance ever opens.
 *
 * The session time zone is forced to UTC: the pg adapter sends timestamps without an offset, so on a
 * server whose zone is Europe/London summer instants would be stored an hour off (prisma/orm#28629).
 * `assertDatabaseIsUtc` refuses to run if the option was ignored.
 */
function createPool(): pg.Pool {
  return new pg.Pool({
    connectionString: getServerEnv().DATABASE_URL,
    options: "-c TimeZone=UTC",
    max: getServerEnv().DATABASE_POOL_SIZE,
  });
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // Secrets stay out of every query result unless a query asks for them by name.
    omit: {
      staffUser: { passwordHash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { vhPool?: pg.Pool; vhDb?: Db };

export function getPool(): pg.Pool {
  return (globalForDb.vhPool ??= createPool());
}

function getClient(): Db {
  return (globalForDb.vhDb ??= createClient(getPool()));
}

/** The Prisma client, created when it is first used (methods stay bound to it). */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function assertDatabaseIsUtc(): Promise<void> {
  const rows = await db.$queryRaw<{ TimeZone: string }[]>`SHOW TIME ZONE`;
  const zone = rows[0]?.TimeZone;
  if (zone !== "UTC" && zone !== "Etc/UTC") {
    throw new Error(`The database session time zone is ${zone}, not UTC; refusing to start (times would be stored wrongly).`);
  }
}
