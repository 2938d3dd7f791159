import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { POST as postCancel } from "@/app/api/manage/[token]/cancel/route";
import { resetRateLimits } from "@/lib/http/rate-limit";
import { jsonRequest, resetDiary, testPool } from "../support/fixtures";

// Each test file has its own module graph, so the environment is read afresh with this limit.
vi.hoisted(() => {
  process.env.BOOKING_RATE_LIMIT = "3";
});

let pool: pg.Pool;
beforeAll(async () => {
  pool = testPool();
  await resetDiary(pool);
});
afterAll(async () => {
  process.env.BOOKING_RATE_LIMIT = "0";
  await pool.end();
});

const from = (address: string, path = "/api/bookings") => jsonRequest(path, { nope: true }, { "x-vh-client-address": address });
const params = { params: Promise.resolve({ token: "x".repeat(43) }) };

describe("booking rate limit", () => {
  it("allows BOOKING_RATE_LIMIT booking and manage-link POSTs per address per 10 minutes, then 429 with Retry-After", async () => {
    await resetRateLimits();
    for (let i = 0; i < 2; i++) expect((await postBooking(from("198.51.100.7"))).status).toBe(400);
    // Manage-link POSTs share the address's allowance (this unknown link is a 404 until then).
    expect((await postCancel(from("198.51.100.7", `/api/manage/${"x".repeat(43)}/cancel`), params)).status).toBe(404);
    const limited = await postBooking(from("198.51.100.7"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(600);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await postCancel(from("198.51.100.7", `/api/manage/${"x".repeat(43)}/cancel`), params)).status).toBe(429);
    // Another address is unaffected.
    expect((await postBooking(from("198.51.100.8"))).status).toBe(400);
  });

  it("counts in the database: the count survives this process's memory", async () => {
    await resetRateLimits();
    for (let i = 0; i < 3; i++) await postBooking(from("198.51.100.9"));
    const rows = (await pool.query(`SELECT key, points FROM rate_limit_counters WHERE key LIKE 'booking-address:%'`)).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].points).toBe(3);
    // Keys are hashes: the table holds no address.
    expect(JSON.stringify(rows)).not.toContain("198.51.100.9");
  });

  it("counts a whole IPv6 /64 as one address", async () => {
    await resetRateLimits();
    for (let i = 1; i <= 3; i++) expect((await postBooking(from(`2001:db8:aa:bb::${i}`))).status).toBe(400);
    expect((await postBooking(from("2001:db8:aa:bb:1234:5678:9abc:def0"))).status).toBe(429);
    expect((await postBooking(from("2001:db8:aa:bc::1"))).status).toBe(400);
  });
});
