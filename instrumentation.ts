// Runs once when the Next.js server starts: check the environment and the database, then start
// the outbox delivery loop (emails queued by any instance are delivered and retried from here).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("@/lib/server/startup-checks");
  const env = checkStartup();
  const { assertDatabaseIsUtc } = await import("@/lib/db");
  await assertDatabaseIsUtc();
  const { startOutboxWorker } = await import("@/lib/email/delivery");
  startOutboxWorker(env.OUTBOX_POLL_MS);
}
