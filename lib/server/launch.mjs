// Starts the whole app with one command:
//   node lib/server/launch.mjs start   production server (builds first if there is no build yet)
//   node lib/server/launch.mjs dev     development server with hot reload
// Without DATABASE_URL it starts the embedded PostgreSQL (prisma/embedded-db.mjs, data in .data/)
// and, when there is no .env, takes the development values from .env.example. Either way it applies
// pending migrations and fills in missing seed data before the first request is served.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { productionEnvProblems } from "./production-env.mjs";
import { serveNext } from "./serve.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (message) => console.log(`[launch] ${message}`);

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Starts the embedded database in its own process and resolves with its URL. */
export function startEmbeddedDatabase(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "prisma/embedded-db.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit", "ipc"] });
    let buffer = "";
    const timer = setTimeout(() => reject(new Error("The embedded database did not start within 60 s")), 60_000);
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const line = buffer.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      resolve({ url: JSON.parse(line).url, child });
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database stopped (exit ${code})`));
    });
  });
}

async function main() {
  const envFile = path.join(root, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const port = Number(process.env.PORT ?? 3000);

  const useEmbeddedDatabase = !process.env.DATABASE_URL;
  if (useEmbeddedDatabase && !existsSync(envFile)) {
    // A fresh clone: use the safe development values, but never the real environment's absence.
    process.loadEnvFile(path.join(root, ".env.example"));
    delete process.env.DATABASE_URL;
    log("no .env found: using the development values from .env.example");
  }
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;
  // Before anything touches the database: the seed must never create accounts with a public password.
  const problems = mode === "start" ? productionEnvProblems({ ...process.env, NODE_ENV: "production" }) : [];
  if (problems.length > 0) {
    throw new Error(`refusing to start in production on ${process.env.APP_URL}:\n  ${problems.join("\n  ")}\nSee .env.example and the README's "Running in production".`);
  }

  if (useEmbeddedDatabase) {
    log("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/pglite)");
    const embedded = await startEmbeddedDatabase(process.env);
    process.env.DATABASE_URL = embedded.url;
    const stop = () => embedded.child.kill("SIGTERM");
    process.on("exit", stop);
  }

  log("applying pending migrations");
  await run(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "prisma/migrate.mjs", "deploy"], process.env);
  log("checking seed data");
  await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"], process.env);

  if (mode === "start") {
    process.env.NODE_ENV = "production";
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
      log("no production build yet: running next build");
      await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], process.env);
    }
  } else {
    process.env.NODE_ENV = "development";
  }
  await serveNext({ dev: mode === "dev", port, dir: root });
  log(`ready on ${process.env.APP_URL}`);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

main().catch((error) => {
  console.error(`[launch] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
