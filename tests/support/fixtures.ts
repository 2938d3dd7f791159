import pg from "pg";
import { addLondonDays, isoWeekdayOf, londonDateOf, londonWallTimeToInstant } from "@/lib/time/london";

/** Direct SQL for arranging and checking test data (never used by the app itself). */
export function testPool(): pg.Pool {
  return new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 3, options: "-c TimeZone=UTC" });
}

/** Empties everything a test can create, leaving the seeded clinic, services and staff. */
export async function resetDiary(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE "BookingEvent", "EmailMessage", "IdempotencyRecord", "ManageToken", "Booking", "Patient", "TimeOff", "DateOverride", rate_limit_counters CASCADE`);
}

/** The first London date on the given ISO weekday at least `minDaysAhead` days after `now`. */
export function upcoming(weekday: number, minDaysAhead = 14, now = new Date()): string {
  let date = addLondonDays(londonDateOf(now), minDaysAhead);
  while (isoWeekdayOf(date) !== weekday) date = addLondonDays(date, 1);
  return date;
}

/** ISO instant of a London wall-clock time, e.g. at("2026-12-07", "10:00"). */
export function at(date: string, time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return londonWallTimeToInstant(date, h * 60 + m).toISOString();
}

/**
 * A phone number of each test patient's own: every patient (email) gets a different one, so the
 * live-requests limit per phone only meets the tests that share a phone on purpose.
 */
export function phoneFor(email: string): string {
  let hash = 7;
  for (const char of email) hash = (hash * 31 + char.charCodeAt(0)) % 100_000;
  return `07700 9${String(hash).padStart(5, "0")}`;
}

export function bookingBody(overrides: Partial<{ practitioner: string; start: string; email: string; name: string; phone: string }> = {}) {
  const email = overrides.email ?? "jo@example.com";
  return {
    service: "consultation",
    practitioner: overrides.practitioner ?? "sally",
    start: overrides.start,
    patient: { name: overrides.name ?? "Jo Bloggs", email, phone: overrides.phone ?? phoneFor(email) },
    notes: "Hairline SMP from 2019, quite dark.",
    consent: true,
  };
}

export function jsonRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(new URL(url, "http://localhost:3999"), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
