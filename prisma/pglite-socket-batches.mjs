// A fix for two bugs of @electric-sql/pglite-socket 0.2.17 (electric-sql/pglite#1046, open):
//   A. Its queue hands PGlite's one session the messages of all connections one by one, keeping a
//      connection's messages together only inside a transaction. An extended-protocol batch
//      (Parse/Bind/Describe/Execute ... Sync) is not in one, so two connections querying at once
//      interleave: B's Parse replaces A's unnamed statement before A's Bind ("unnamed prepared
//      statement does not exist", or worse, A runs B's statement).
//   B. A message that throws leaves the queue marked busy for ever, so every connection then hangs.
// The app always has several connections (a pool, the outbox sender, the tests), so the embedded
// database replaces the queue's scheduler with one that keeps a batch together up to its Sync and
// always carries on after an error. Remove this when the upstream fix is released.

// Frontend message types that continue an extended-protocol batch; Sync ("S") ends it.
const BATCH_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

export function keepExtendedBatchesTogether(server) {
  const queue = server.queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== "function" || !queue.db) {
    throw new Error("pglite-socket's query queue is not shaped as prisma/pglite-socket-batches.mjs expects: check the fix against this version.");
  }
  let batchOwner = null; // the connection whose batch is open, or null

  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = batchOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message is on its way; it restarts the queue
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        this.lastHandlerId = item.handlerId;
        batchOwner = BATCH_MESSAGES.has(item.message[0]) ? item.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away in the middle of a batch must not hold the queue.
  const clearTransactionIfNeeded = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId) => {
    if (batchOwner === handlerId) batchOwner = null;
    await clearTransactionIfNeeded(handlerId);
    await queue.processQueue();
  };
}
