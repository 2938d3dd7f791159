import { expect } from "vitest";
import type pg from "pg";
import type { StaffUser } from "@/lib/auth/types";
import { createBookingRequest } from "@/lib/bookings/create";
import { confirmBooking, recordAttendance } from "@/lib/bookings/staff";
import { recordOutcome, recordPatchTest, type PlanDto } from "@/lib/courses/plans";
import { getBankHolidaysForYears } from "@/lib/time/bank-holidays";
import { addLondonDays, isoWeekdayOf, londonDateOf, type LondonDate } from "@/lib/time/london";
import { createBookingSchema } from "@/lib/validation/booking";
import type { OutcomeInput } from "@/lib/validation/courses";
import { at, bookingBody } from "./fixtures";

/**
 * Treatment courses for integration tests. Every domain call gets an explicit `now` chosen relative
 * to the dates of the test, so nothing depends on the time of day the suite runs; dates avoid the
 * England and Wales bank holidays (clinic closures), including the dates a course steps on to.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const instant = (date: LondonDate, time: string) => new Date(at(date, time));
export const later = (when: Date | string, ms: number) => new Date(new Date(when).getTime() + ms);

const holidays = new Set(getBankHolidaysForYears(2026, 2032).map((h) => h.date));

/**
 * The first London date on ISO `weekday` at least `minDaysAhead` days after `from` that is not a bank
 * holiday, and neither is any date `weeksLater` weeks after it (the sessions a course steps on to).
 */
export function clearDate(weekday: number, from: Date, minDaysAhead: number, weeksLater: number[] = []): LondonDate {
  let date = addLondonDays(londonDateOf(from), minDaysAhead);
  for (;;) {
    const steps = [date, ...weeksLater.map((weeks) => addLondonDays(date, 7 * weeks))];
    if (isoWeekdayOf(date) === weekday && steps.every((d) => !holidays.has(d))) return date;
    date = addLondonDays(date, 1);
  }
}

export const fullScalpOutcome: OutcomeInput = {
  suitable: true,
  area: "full",
  fitzpatrick: 5,
  estimatedSessions: 6,
  notes: "Dense dark ink at the crown; type V skin, so start at low fluence.",
};

/** A consultation requested, confirmed and attended, each step at its own plausible `now`. */
export async function attendedConsultation(
  pool: pg.Pool,
  practitioner: StaffUser,
  input: { date: LondonDate; time: string; email: string; name?: string },
): Promise<{ id: string; reference: string; start: Date }> {
  const start = instant(input.date, input.time);
  const request = createBookingSchema.parse(bookingBody({ practitioner: practitioner.practitionerSlug!, start: start.toISOString(), email: input.email, name: input.name ?? "Course Patient" }));
  const made = await createBookingRequest(request, { now: later(start, -3 * DAY), actor: { type: "patient" } });
  if (!made.ok) throw new Error(`consultation not booked: ${made.code} ${made.message}`);
  const { id } = (await pool.query(`SELECT id FROM "Booking" WHERE reference = $1`, [made.data.booking.reference])).rows[0];
  expect((await confirmBooking(practitioner, id, later(start, -2 * DAY))).ok).toBe(true);
  expect((await recordAttendance(practitioner, id, "attended", later(start, 5 * MINUTE))).ok).toBe(true);
  return { id, reference: made.data.booking.reference, start };
}

/** An attended consultation, its outcome and, unless `patchTestAt` is null, a passed patch test. */
export async function courseFor(
  pool: pg.Pool,
  practitioner: StaffUser,
  input: { date: LondonDate; time: string; email: string; name?: string; outcome?: Partial<OutcomeInput>; patchTestAt?: Date | null },
): Promise<{ plan: PlanDto; consultation: { id: string; reference: string; start: Date } }> {
  const consultation = await attendedConsultation(pool, practitioner, input);
  const recorded = await recordOutcome(practitioner, consultation.id, { ...fullScalpOutcome, ...input.outcome }, later(consultation.start, 40 * MINUTE));
  if (!recorded.ok) throw new Error(`outcome not recorded: ${recorded.code} ${recorded.message}`);
  let plan = recorded.data.plan;
  const patchTestAt = input.patchTestAt === undefined ? later(consultation.start, 45 * MINUTE) : input.patchTestAt;
  if (patchTestAt) {
    const tested = await recordPatchTest(practitioner, plan.id, { result: "pass", at: patchTestAt }, later(patchTestAt, MINUTE));
    if (!tested.ok) throw new Error(`patch test not recorded: ${tested.code} ${tested.message}`);
    plan = tested.data.plan;
  }
  return { plan, consultation };
}
