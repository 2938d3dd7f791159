import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { deliverDueEmails } from "@/lib/email/delivery";
import { at, bookingBody, jsonRequest, resetDiary, testPool, upcoming } from "../support/fixtures";

// This file's app modules send mail to a server that accepts connections and never greets.
// The greeting timeout is 4 s here (production: 10 s): long enough that a booking which waited for
// the mail server could not hide under a slow machine's noise, short enough for a quick test.
const STALLED_PORT = Number(process.env.TEST_SMTP_PORT) + 1;
vi.hoisted(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${Number(process.env.TEST_SMTP_PORT ?? 2527) + 1}`;
  process.env.SMTP_TIMEOUT_MS = "4000";
});

let pool: pg.Pool;
let stalled: net.Server;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  pool = testPool();
  await resetDiary(pool);
  stalled = net.createServer((socket) => sockets.push(socket)); // accept, then say nothing
  await new Promise<void>((resolve) => stalled.listen(STALLED_PORT, "127.0.0.1", resolve));
});
afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await new Promise((resolve) => stalled.close(resolve));
  await pool.end();
});

describe("a mail server that accepts the connection and never greets", () => {
  it("the sender gives up within its timeout and the booking's latency does not change", async () => {
    const date = upcoming(1);
    // The first request of a fresh process compiles every query plan it meets (Prisma's WASM
    // compiler), which under a loaded machine alone can take a second: warm up, then measure.
    expect((await postBooking(jsonRequest("/api/bookings", bookingBody({ start: at(date, "11:30"), email: "stall-warm-up@example.com" })))).status).toBe(201);
    const latencies: number[] = [];
    for (const [i, time] of ["09:00", "09:30", "10:00", "10:30", "11:00"].entries()) {
      const started = performance.now();
      const response = await postBooking(jsonRequest("/api/bookings", bookingBody({ start: at(date, time), email: `stall${i}@example.com` })));
      latencies.push(performance.now() - started);
      expect(response.status).toBe(201);
    }
    // Bookings do not wait for mail: each answers well inside the greeting timeout that a sender
    // waiting on this server must sit through (4 s), although no email can go.
    expect(Math.max(...latencies)).toBeLessThan(3000);

    const started = performance.now();
    const report = await deliverDueEmails({ now: new Date(Date.now() + 3_600_000), limit: 1 });
    const elapsed = performance.now() - started;
    expect(report).toMatchObject({ claimed: 1, retried: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(3900);
    expect(elapsed).toBeLessThan(20_000);
    const row = (await pool.query(`SELECT status, "lastError" FROM "EmailMessage" WHERE "lastError" IS NOT NULL ORDER BY attempts DESC LIMIT 1`)).rows[0];
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/timeout|greeting/i);
  });
});
