// `npm test`: every test, against a throw-away database.
//   1. provisions a database (a new one on DATABASE_URL's server, or an embedded in-memory one)
//   2. type check, lint, unit and integration tests (Vitest)
//   3. a production build with no environment at all, then the end-to-end tests in Chromium (Playwright)
// `--only e2e` skips step 2. It exits non-zero when anything fails or when the browser tests
// could not run, and prints "N passed, N failed" at the end.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { provisionTestDatabase } from "./support/database.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const onlyE2e = process.argv.includes("--only") && process.argv.includes("e2e");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const database = await provisionTestDatabase();
const env = {
  ...process.env,
  TZ: "UTC",
  NODE_ENV: "test",
  NEXT_TELEMETRY_DISABLED: "1",
  TEST_DATABASE_URL: database.url,
  TEST_STAFF_PASSWORD: database.seedPassword,
  CHROMIUM_PATH: chromium,
};
const failures = [];
try {
  if (!onlyE2e) {
    if ((await run(bin("tsc"), ["--noEmit", "-p", "."], env)) !== 0) failures.push("typecheck");
    if ((await run(bin("eslint"), ["."], env)) !== 0) failures.push("lint");
    if ((await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"], env)) !== 0) failures.push("unit/integration");
  }
  // The build gets no environment at all (no database, no secrets), as in a Docker image or a CI
  // step: api.md's "plain build". A build that needs one fails this stage.
  const buildEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" };
  if ((await run(bin("next"), ["build"], buildEnv)) !== 0) {
    failures.push("build");
  } else if ((await run(bin("playwright"), ["test"], { ...env, NODE_ENV: "production" })) !== 0) {
    failures.push("e2e");
  }
} finally {
  await database.teardown();
}

// One closing line that counts every test of the run.
const { readFile } = await import("node:fs/promises");
let passed = 0;
let failed = 0;
for (const file of ["test-results/vitest.json", "test-results/playwright.json"]) {
  try {
    const report = JSON.parse(await readFile(path.join(root, file), "utf8"));
    if (report.numPassedTests !== undefined) {
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } else if (report.stats) {
      passed += report.stats.expected ?? 0;
      failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
    }
  } catch {
    // A stage that did not run leaves no report; its failure is already in `failures`.
  }
}
console.log(failures.length ? `Failed stages: ${failures.join(", ")}` : "All test stages passed.");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
