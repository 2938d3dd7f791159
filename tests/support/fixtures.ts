import pg from "pg";
import { addLondonDays, isoWeekdayOf, londonDateOf, londonWallTimeToInstant } from "@/lib/time/london";

/** Direct SQL for arranging and checking test data (never used by the app itself). */
export function testPool(): pg.Pool {
  return new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 3, options: "-c TimeZone=UTC" });
}

/** Empties everything a test can create, leaving the seeded clinic, services and staff. */
export async function resetDiary(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE "BookingEvent", "EmailMessage", "IdempotencyRecord", "ManageToken", "Booking", "Patient", "TimeOff", "DateOverride" CASCADE`);
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

export function bookingBody(overrides: Partial<{ practitioner: string; start: string; email: string; name: string }> = {}) {
  return {
    service: "consultation",
    practitioner: overrides.practitioner ?? "sally",
    start: overrides.start,
    patient: { name: overrides.name ?? "Jo Bloggs", email: overrides.email ?? "jo@example.com", phone: "07700 900123" },
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
