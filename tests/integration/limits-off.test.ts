import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { SignInRateLimited, verifyStaffCredentials } from "@/lib/auth/accounts";
import { SIGN_IN_LIMITS, resetSignInLimits } from "@/lib/auth/sign-in-limiter";
import { resetRateLimits } from "@/lib/http/rate-limit";
import { jsonRequest, testPool } from "../support/fixtures";

// api.md: BOOKING_RATE_LIMIT=0 turns the booking limit and every other per-address limit off
// (load tests from one machine); limits that are not per address stay.
vi.hoisted(() => {
  process.env.BOOKING_RATE_LIMIT = "0";
});

let pool: pg.Pool;
beforeAll(async () => {
  pool = testPool();
  await Promise.all([resetSignInLimits(), resetRateLimits()]);
});
afterAll(async () => {
  await resetSignInLimits();
  await pool.end();
});

describe("BOOKING_RATE_LIMIT=0", () => {
  it("lets one address send any number of booking POSTs and counts nothing", async () => {
    for (let i = 0; i < 25; i++) expect((await postBooking(jsonRequest("/api/bookings", { nope: true }, { "x-vh-client-address": "198.51.100.50" }))).status).toBe(400);
    expect((await pool.query(`SELECT count(*)::int AS n FROM rate_limit_counters WHERE key LIKE 'booking-address:%'`)).rows[0].n).toBe(0);
  });

  it("turns the per-address sign-in limits off but keeps the per-account one", async () => {
    const password = process.env.TEST_STAFF_PASSWORD ?? "test-staff-password";
    // More failures from one address than its address and pair limits allow...
    for (let i = 0; i < SIGN_IN_LIMITS.address + 1; i++) await verifyStaffCredentials(`load-${i}@clinic.example`, "x", { address: "198.51.100.51" });
    for (let i = 0; i < SIGN_IN_LIMITS.pair + 1; i++) await verifyStaffCredentials("sally@clinic.example", `guess-${i}`, { address: "198.51.100.51" });
    // ...do not block it,
    expect(await verifyStaffCredentials("admin@clinic.example", password, { address: "198.51.100.51" })).toMatchObject({ staff: { email: "admin@clinic.example" } });
    // but the account's own limit for unknown browsers still holds.
    for (let i = SIGN_IN_LIMITS.pair + 1; i < SIGN_IN_LIMITS.account; i++) await verifyStaffCredentials("sally@clinic.example", `guess-${i}`, { address: "198.51.100.51" });
    await expect(verifyStaffCredentials("sally@clinic.example", password, { address: "198.51.100.52" })).rejects.toBeInstanceOf(SignInRateLimited);
  });
});
