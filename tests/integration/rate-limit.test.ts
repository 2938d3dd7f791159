import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
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

describe("booking rate limit", () => {
  it("allows BOOKING_RATE_LIMIT POSTs per address per 10 minutes, then 429 with Retry-After", async () => {
    resetRateLimits();
    const from = (address: string) => jsonRequest("/api/bookings", { nope: true }, { "x-vh-client-address": address });
    for (let i = 0; i < 3; i++) expect((await postBooking(from("198.51.100.7"))).status).toBe(400);
    const limited = await postBooking(from("198.51.100.7"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe("rate_limited");
    // Another address is unaffected.
    expect((await postBooking(from("198.51.100.8"))).status).toBe(400);
  });
});
