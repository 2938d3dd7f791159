// Runs `prisma generate` after `npm install`.
// The Prisma CLI insists on locating its native schema engine even though `generate` never runs it,
// and its download host is unreachable from the clinic's build machines. Pointing the variable at
// any existing executable satisfies the check; migrations use the WASM engine (prisma/migrate.mjs).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/schema.prisma"], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
