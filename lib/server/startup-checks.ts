import "server-only";
import { getServerEnv, type ServerEnv } from "@/lib/env";

/**
 * What the server checks before it serves anything (instrumentation.ts, Node.js only). A problem
 * ends the process with a message naming what to fix, so a misconfigured instance never takes
 * traffic.
 */
export function checkStartup(): ServerEnv {
  // The client's address (every per-address limit) is only trustworthy when lib/server/serve.mjs
  // writes it: behind plain `next start` a client could send that header itself.
  if (process.env.NODE_ENV === "production" && process.env.VH_APP_SERVER !== "1") {
    refuse("start the app with `npm start` (lib/server/launch.mjs) or lib/server/serve.mjs, not `next start`, so that client addresses come from the socket");
  }
  try {
    return getServerEnv();
  } catch (error) {
    refuse(error instanceof Error ? error.message : String(error));
  }
}

function refuse(reason: string): never {
  console.error(`[start] Refusing to serve: ${reason}`);
  process.exit(1);
}
