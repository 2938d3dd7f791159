import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../support/database.mjs";

/**
 * The embedded database serves one PGlite session to many connections. Without
 * prisma/pglite-socket-batches.mjs, connections querying at once interleave their extended-protocol
 * batches (electric-sql/pglite#1046): "unnamed prepared statement does not exist", or one
 * connection running another's statement.
 * This runs on its own embedded database whatever DATABASE_URL says.
 */
let embedded: Awaited<ReturnType<typeof startEmbeddedDatabase>>;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase(60_000 + (process.pid % 4000));
  pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
});
afterAll(async () => {
  await pool?.end();
  embedded?.child.kill("SIGTERM");
});

it("keeps each connection's queries apart when many run at once", async () => {
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      // Each query is its own statement (the tag is in its text), so running another's would show.
      // The large parameter makes a batch arrive in several network reads, as big inserts do.
      pool.query<{ n: number; tag: string }>(`SELECT length($1::text) AS n, 'query ${i}' AS tag`, ["x".repeat(100_000 + i)]).then(
        (result) => (result.rows[0]!.n === 100_000 + i && result.rows[0]!.tag === `query ${i}` ? i : `query ${i} got ${JSON.stringify(result.rows[0])}`),
        (error: Error) => error.message,
      ),
    ),
  );
  expect(answers).toEqual(Array.from({ length: 100 }, (_, i) => i));
});

it("answers every connection rightly when some of the queries fail", async () => {
  const answers = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      (i % 4 === 0 ? pool.query(`SELECT 1 / $1::int AS n, ${i} AS failing`, [0]) : pool.query<{ n: number }>(`SELECT $1::int AS n, ${i} AS ok`, [i])).then(
        (result) => result.rows[0]!.n,
        () => "failed",
      ),
    ),
  );
  expect(answers).toEqual(Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? "failed" : i)));
  expect((await pool.query("SELECT 42 AS n")).rows[0].n).toBe(42);
});
