// The zero-setup database: PostgreSQL compiled to WASM (PGlite), served over the ordinary
// Postgres wire protocol so the app talks to it through `pg` exactly as it talks to a real server.
// It runs in its own process: a process that hosts it and then blocks its own event loop deadlocks.
//
//   node prisma/embedded-db.mjs            serves .data/pglite on 127.0.0.1:$EMBEDDED_DB_PORT (54329)
//   EMBEDDED_DB_DIR=memory:// ...          a throw-away in-memory database (tests)
//
// Prints one line `{"ready":true,"url":"postgresql://..."}` on stdout once it accepts connections.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepExtendedBatchesTogether } from "./pglite-socket-batches.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dataDir = process.env.EMBEDDED_DB_DIR ?? path.join(root, ".data", "pglite");
const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);

if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
const db = await PGlite.create({ dataDir, extensions: { btree_gist } });
// Instants are always exchanged as UTC (see lib/db.ts); make the server agree.
await db.exec("SET TIME ZONE 'UTC'");

const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 100 });
keepExtendedBatchesTogether(server);
server.addEventListener("error", (event) => console.error("[embedded-db]", event.detail ?? event));
try {
  await server.start();
} catch (error) {
  console.error(`[embedded-db] could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : error}`);
  console.error("[embedded-db] Is another copy of the app running? Set EMBEDDED_DB_PORT to use another port.");
  process.exit(1);
}
console.log(JSON.stringify({ ready: true, url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable` }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// Started by the launcher or the tests over an IPC channel: stop with the parent.
if (process.connected) process.on("disconnect", stop);
