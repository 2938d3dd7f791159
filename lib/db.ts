import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getServerEnv } from "@/lib/env";

/**
 * The one Prisma client. Cached on globalThis so dev-mode hot reloads do not open a new pool each time.
 *
 * The session time zone is forced to UTC: the pg adapter sends timestamps without an offset, so on a
 * server whose zone is Europe/London summer instants would be stored an hour off (prisma/orm#28629).
 * `assertDatabaseIsUtc` refuses to run if the option was ignored.
 */
function createClient() {
  const adapter = new PrismaPg({
    connectionString: getServerEnv().DATABASE_URL,
    options: "-c TimeZone=UTC",
    max: getServerEnv().DATABASE_POOL_SIZE,
  });
  return new PrismaClient({
    adapter,
    // Secrets stay out of every query result unless a query asks for them by name.
    omit: {
      staffUser: { passwordHash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { vhDb?: Db };

export const db: Db = globalForDb.vhDb ?? createClient();
globalForDb.vhDb = db;

export async function assertDatabaseIsUtc(): Promise<void> {
  const rows = await db.$queryRaw<{ TimeZone: string }[]>`SHOW TIME ZONE`;
  const zone = rows[0]?.TimeZone;
  if (zone !== "UTC" && zone !== "Etc/UTC") {
    throw new Error(`The database session time zone is ${zone}, not UTC; refusing to start (times would be stored wrongly).`);
  }
}
