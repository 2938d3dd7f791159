// `npm run bench`: throughput of GET /api/availability against a route that serves the same JSON
// precomputed, in the same app and the same run, on a diary of 2 practitioners x 8 weeks holding
// 2,000 bookings. Prints p50, p99 and requests/s for both and their ratio (target: >= 0.6).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { provisionTestDatabase } from "../support/database.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 3123);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const DAY = 86_400_000;
const londonDate = (ms) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(ms));

async function seedDiary(url) {
  const pool = new pg.Pool({ connectionString: url, options: "-c TimeZone=UTC" });
  const practitioners = (await pool.query(`SELECT id, slug FROM "Practitioner" ORDER BY "sortOrder"`)).rows;
  const service = (await pool.query(`SELECT id FROM "Service" WHERE slug = 'consultation'`)).rows[0];
  // Long days, every day, so 1,000 bookings each fit and about 14 free times a day remain.
  await pool.query(`DELETE FROM "WeeklyHours"; DELETE FROM "WeeklyBreak";`);
  for (const p of practitioners) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      await pool.query(`INSERT INTO "WeeklyHours" (id, "practitionerId", weekday, "startMinute", "endMinute") VALUES ($1, $2, $3, 360, 1320)`, [`bench-${p.slug}-${weekday}`, p.id, weekday]);
    }
    await pool.query(`INSERT INTO "WeeklyBreak" (id, "practitionerId", weekday, "startMinute", "endMinute") VALUES ($1, $2, 3, 780, 810)`, [`bench-break-${p.slug}`, p.id]);
  }
  const patient = (await pool.query(`INSERT INTO "Patient" (id, name, email, phone, "updatedAt") VALUES ('bench-patient', 'Bench Patient', 'bench@example.com', '07700900000', now()) RETURNING id`)).rows[0];

  const firstDay = Date.parse(`${londonDate(Date.now() + 2 * DAY)}T00:00:00Z`);
  let made = 0;
  let seq = 0;
  for (const p of practitioners) {
    // 30-minute bookings in 18 of the 32 half hours from 06:00 to 22:00 London time, until 1,000 each.
    const values = [];
    for (let day = 0; day < 56 && values.length < 1000; day++) {
      for (let slot = 0; slot < 32 && values.length < 1000; slot++) {
        if (slot % 16 >= 9) continue;
        const minute = 360 + slot * 30;
        const base = firstDay + day * DAY;
        const offset = new Date(base).toLocaleString("en-GB", { timeZone: "Europe/London", timeZoneName: "short" }).includes("BST") ? 60 : 0;
        const start = new Date(base + (minute - offset) * 60_000);
        values.push([start, new Date(start.getTime() + 30 * 60_000)]);
      }
    }
    for (let i = 0; i < values.length; i += 250) {
      const chunk = values.slice(i, i + 250);
      const params = [];
      const rows = chunk.map(([start, end], j) => {
        seq++;
        params.push(`bench-${seq}`, `VH-B${String(seq).padStart(4, "0")}`, service.id, p.id, patient.id, start, end);
        const b = j * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, 'confirmed', now())`;
      });
      await pool.query(`INSERT INTO "Booking" (id, reference, "serviceId", "practitionerId", "patientId", "startsAt", "endsAt", status, "updatedAt") VALUES ${rows.join(",")}`, params);
    }
    made += values.length;
  }
  await pool.query("ANALYZE");
  await pool.end();
  return { bookings: made, from: londonDate(firstDay + DAY / 2), to: londonDate(firstDay + 55 * DAY + DAY / 2) };
}

function startApp(env) {
  const child = spawn(process.execPath, [path.join(root, "lib/server/launch.mjs"), "start"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("[launch] ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`app exited with ${code}`)));
  });
}

function measure(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const database = await provisionTestDatabase({ seedPassword: "bench-staff-password" });
let app;
try {
  const diary = await seedDiary(database.url);
  const precomputedFile = path.join(await mkdtemp(path.join(os.tmpdir(), "vh-bench-")), "availability.json");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) console.log("[bench] no build yet: the launcher will run next build first");
  app = await startApp({
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(PORT),
    APP_URL: `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
    SEED_STAFF_PASSWORD: database.seedPassword,
    BENCH_PRECOMPUTED_FILE: precomputedFile,
    BOOKING_RATE_LIMIT: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const query = new URLSearchParams({ service: "consultation", practitioner: "any", from: diary.from, to: diary.to });
  const liveUrl = `http://localhost:${PORT}/api/availability?${query}`;
  const baselineUrl = `http://localhost:${PORT}/api/bench/availability-precomputed?${query}`;
  const sample = await (await fetch(liveUrl)).text();
  await writeFile(precomputedFile, sample);
  const baselineSample = await (await fetch(baselineUrl)).text();
  if (baselineSample !== sample) throw new Error("the precomputed route does not serve the same JSON");
  const slots = JSON.parse(sample).slots.length;
  console.log(`[bench] diary: 2 practitioners, ${diary.bookings} bookings, ${diary.from}..${diary.to}; response: ${slots} slots, ${(sample.length / 1024).toFixed(0)} KiB`);

  // The cost of a recomputation (after any diary change), measured one request at a time.
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const cold = [];
  for (let i = 0; i < 30; i++) {
    await pool.query(`UPDATE "DiaryVersion" SET version = version + 1`);
    const started = performance.now();
    await (await fetch(liveUrl)).text();
    cold.push(performance.now() - started);
  }
  await pool.end();
  cold.sort((a, b) => a - b);
  console.log(`[bench] uncached GET /api/availability, one at a time: p50 ${cold[15].toFixed(1)} ms, max ${cold[29].toFixed(1)} ms`);

  // Warm both routes, then alternate rounds so machine noise hits both alike.
  await measure(liveUrl).catch(() => {});
  await measure(baselineUrl).catch(() => {});
  const totals = { live: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    totals.baseline.push(await measure(baselineUrl));
    totals.live.push(await measure(liveUrl));
  }
  const summarise = (results) => ({
    rps: results.reduce((sum, r) => sum + r.requests.average, 0) / results.length,
    p50: results.reduce((sum, r) => sum + r.latency.p50, 0) / results.length,
    p99: results.reduce((sum, r) => sum + r.latency.p99, 0) / results.length,
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  });
  const live = summarise(totals.live);
  const baseline = summarise(totals.baseline);
  const row = (name, s) => `${name.padEnd(34)} ${s.rps.toFixed(0).padStart(8)} req/s   p50 ${s.p50.toFixed(1).padStart(6)} ms   p99 ${s.p99.toFixed(1).padStart(6)} ms   errors ${s.errors}`;
  console.log(`\n${CONNECTIONS} connections, ${ROUNDS} x ${DURATION} s each, alternating`);
  console.log(row("GET /api/availability (live)", live));
  console.log(row("precomputed JSON (baseline)", baseline));
  const ratio = live.rps / baseline.rps;
  console.log(`throughput ratio live/precomputed: ${ratio.toFixed(2)} (target >= 0.60) ${ratio >= 0.6 ? "OK" : "BELOW TARGET"}`);
} finally {
  if (app) {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await database.teardown();
}
