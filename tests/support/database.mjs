// A throw-away database for one test run, migrated and seeded.
// With DATABASE_URL (CI: the machine's PostgreSQL) a new database is created on that server and
// dropped afterwards; without it, an in-memory embedded PostgreSQL (PGlite) is started.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

/** An in-memory embedded PostgreSQL (prisma/embedded-db.mjs) on `port`; kill `child` to stop it. */
export function startEmbeddedDatabase(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "prisma/embedded-db.mjs")], {
      cwd: root,
      env: { ...process.env, EMBEDDED_DB_DIR: "memory://", EMBEDDED_DB_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const line = buffer.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ url: JSON.parse(line).url, child });
    });
    child.on("exit", (code) => reject(new Error(`embedded database exited with ${code}`)));
  });
}

export async function provisionTestDatabase({ seedPassword = "test-staff-password" } = {}) {
  let url;
  let teardown;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `vh_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    teardown = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error) => console.warn(`could not drop ${name}: ${error.message}`));
      await client.end();
    };
    console.log(`[test-db] created database ${name} on the server in DATABASE_URL`);
  } else {
    const port = 55000 + (process.pid % 5000);
    const embedded = await startEmbeddedDatabase(port);
    url = embedded.url;
    teardown = async () => {
      embedded.child.kill("SIGTERM");
    };
    console.log(`[test-db] started an in-memory embedded PostgreSQL on port ${port}`);
  }
  const env = { ...process.env, DATABASE_URL: url, SEED_STAFF_PASSWORD: seedPassword };
  await run(["--experimental-wasm-modules", "--no-warnings", "prisma/migrate.mjs", "deploy"], env);
  await run([path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"], env);
  return { url, seedPassword, teardown };
}
