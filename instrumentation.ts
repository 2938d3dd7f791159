// Runs once when the Next.js server starts: check the environment and the database, then start
// the outbox delivery loop (emails queued by any instance are delivered and retried from here).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client's address (every per-address limit) is only trustworthy when lib/server/serve.mjs
  // writes it: behind plain `next start` a client could send the header itself.
  if (process.env.NODE_ENV === "production" && process.env.VH_APP_SERVER !== "1") {
    console.error("[start] Refusing to serve: start the app with `npm start` (lib/server/launch.mjs) or lib/server/serve.mjs, not `next start`, so client addresses come from the socket.");
    process.exit(1);
  }
  const { getServerEnv } = await import("@/lib/env");
  let env;
  try {
    env = getServerEnv();
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const { assertDatabaseIsUtc } = await import("@/lib/db");
  await assertDatabaseIsUtc();
  const { startOutboxWorker } = await import("@/lib/email/delivery");
  startOutboxWorker(env.OUTBOX_POLL_MS);
}
