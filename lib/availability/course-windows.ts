import { addLondonDays, londonDateOf, type LondonDate } from "@/lib/time/london";

/**
 * Interval and window maths of a treatment course (api.md, "Treatment courses"). Pure: dates in,
 * dates out, no clock (callers pass `today`).
 *
 * Intervals count London calendar days between session dates, not hours between instants: "six
 * weeks after Wednesday 10 March" is Wednesday 21 April whatever the clocks did in between, and a
 * session late in the evening counts on the London date it falls on, never its UTC date. So every
 * function takes a London date, or an instant that it turns into its London date.
 */

export type IntervalSettings = { minIntervalWeeks: number; maxIntervalWeeks: number };
export type PatchTestSettings = { patchTestWaitHours: number; patchTestValidMonths: number };
export type CourseSettings = IntervalSettings & PatchTestSettings;

export type PatchTest = { result: "pass" | "fail"; at: Date | number };

/** London dates a session may be on, both ends included; `latest: null` has no upper bound. */
export type CourseWindow = { earliest: LondonDate; latest: LondonDate | null };

/** A London date, or an instant standing for the London date it falls on. */
export type DateOrInstant = LondonDate | Date | number;

const HOUR = 3_600_000;
/** The recall list shows plans whose next session can be booked within this many days, or already could. */
export const RECALL_LEAD_DAYS = 14;

function toLondonDate(value: DateOrInstant): LondonDate {
  return typeof value === "string" ? value : londonDateOf(value);
}

const toEpoch = (instant: Date | number) => (typeof instant === "number" ? instant : instant.getTime());
const addWeeks = (date: DateOrInstant, weeks: number) => addLondonDays(toLondonDate(date), 7 * weeks);
const earlierOf = (a: LondonDate, b: LondonDate) => (a <= b ? a : b);

/** The first date the session after one on `previousDate` may be on: its date + min interval. */
export function earliestNextSessionDate(previousDate: DateOrInstant, minIntervalWeeks: number): LondonDate {
  return addWeeks(previousDate, minIntervalWeeks);
}

/** The date the session after one on `previousDate` is due by: its date + max interval. */
export function nextSessionDueBy(previousDate: DateOrInstant, maxIntervalWeeks: number): LondonDate {
  return addWeeks(previousDate, maxIntervalWeeks);
}

/** Whether `candidateDate` is before the previous session's date + min interval (409 `too_soon`). */
export function isTooSoon(previousDate: DateOrInstant, candidateDate: DateOrInstant, minIntervalWeeks: number): boolean {
  return toLondonDate(candidateDate) < earliestNextSessionDate(previousDate, minIntervalWeeks);
}

/** Whether `date` (a session's, or today) is after the previous session's date + max interval. */
export function isOverdue(previousDate: DateOrInstant, date: DateOrInstant, maxIntervalWeeks: number): boolean {
  return toLondonDate(date) > nextSessionDueBy(previousDate, maxIntervalWeeks);
}

/** When the session after the last one is due: from its date + min interval to its date + max interval. */
export function nextWindow(lastSessionDate: DateOrInstant, settings: IntervalSettings): { earliest: LondonDate; latest: LondonDate } {
  return {
    earliest: earliestNextSessionDate(lastSessionDate, settings.minIntervalWeeks),
    latest: nextSessionDueBy(lastSessionDate, settings.maxIntervalWeeks),
  };
}

/**
 * Where a recall stands for a plan whose last session was attended on `lastAttendedDate`: the front
 * desk lists it from `RECALL_LEAD_DAYS` before `dueFrom` onwards, so the patient can be invited in time.
 */
export function recallDue(
  lastAttendedDate: DateOrInstant,
  settings: IntervalSettings,
  today: LondonDate,
): { dueFrom: LondonDate; dueBy: LondonDate; isDueWithin14DaysOrPast: boolean; isOverdue: boolean } {
  const { earliest: dueFrom, latest: dueBy } = nextWindow(lastAttendedDate, settings);
  return {
    dueFrom,
    dueBy,
    isDueWithin14DaysOrPast: dueFrom <= addLondonDays(today, RECALL_LEAD_DAYS),
    isOverdue: today > dueBy,
  };
}

/** The first instant a session may start after a passed patch test: the wait counts real hours. */
export function patchTestReadyAt(patchTestAt: Date | number, patchTestWaitHours: number): number {
  return toEpoch(patchTestAt) + patchTestWaitHours * HOUR;
}

/**
 * The last London date a pass still counts for. A pass must be younger than `patchTestValidMonths`
 * calendar months at the session, so on the date that many months later it has run out: a pass on
 * 10 January with 6 months covers sessions up to 9 July. A day the later month lacks is clamped to
 * its last day (31 August + 6 months is 29 February), as calendar months are usually counted.
 */
export function lastPatchTestValidDate(patchTestAt: Date | number, patchTestValidMonths: number): LondonDate {
  return addLondonDays(addLondonMonths(londonDateOf(patchTestAt), patchTestValidMonths), -1);
}

/** Staff may book course sessions up to this many calendar months ahead (api.md, "Treatment courses"). */
export const COURSE_BOOKING_MONTHS_AHEAD = 12;

/** The last London date staff may book a course session on: the same day `COURSE_BOOKING_MONTHS_AHEAD` months after `today`. */
export function lastCourseBookingDate(today: LondonDate): LondonDate {
  return addLondonMonths(today, COURSE_BOOKING_MONTHS_AHEAD);
}

function addLondonMonths(date: LondonDate, months: number): LondonDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDayOfTargetMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDayOfTargetMonth))).toISOString().slice(0, 10);
}

export type PatchTestRefusal =
  | { ok: false; reason: "no_pass" }
  | { ok: false; reason: "too_recent"; readyAt: number }
  | { ok: false; reason: "expired"; lastValidDate: LondonDate };

/**
 * The patch-test gate for a session starting at `sessionStart` (409 `patch_test_required`): the
 * latest patch test must be a pass, at least the wait old at the start, and still valid that day.
 */
export function patchTestAllows(
  sessionStart: Date | number,
  patchTest: PatchTest | null,
  settings: PatchTestSettings,
): { ok: true } | PatchTestRefusal {
  if (!patchTest || patchTest.result !== "pass") return { ok: false, reason: "no_pass" };
  const readyAt = patchTestReadyAt(patchTest.at, settings.patchTestWaitHours);
  if (toEpoch(sessionStart) < readyAt) return { ok: false, reason: "too_recent", readyAt };
  const lastValidDate = lastPatchTestValidDate(patchTest.at, settings.patchTestValidMonths);
  if (londonDateOf(sessionStart) > lastValidDate) return { ok: false, reason: "expired", lastValidDate };
  return { ok: true };
}

/**
 * The dates a booked session may move to (the patient's manage link): from the previous session's
 * date + min interval to its date + max interval, and never closer than the min interval to the next
 * session. The first session has no previous one: its window opens on the date its patch test is
 * ready, and it is `null` (nowhere to go) without a pass. Nothing bounds the end of a first session
 * with nothing after it: `latest` is `null`, and the patch-test gate still applies to the move.
 * The window can be empty (`earliest` after `latest`) when a neighbour was booked too close by
 * override (api.md: an override does not change a window): `isDateInWindow` then refuses every date.
 */
export function sessionWindow(
  neighbours: { previousSessionDate: DateOrInstant | null; nextSessionDate: DateOrInstant | null; patchTest: PatchTest | null },
  settings: IntervalSettings & Pick<PatchTestSettings, "patchTestWaitHours">,
): CourseWindow | null {
  const { previousSessionDate, nextSessionDate, patchTest } = neighbours;
  const beforeNext = nextSessionDate === null ? null : addWeeks(nextSessionDate, -settings.minIntervalWeeks);
  if (previousSessionDate !== null) {
    const dueBy = nextSessionDueBy(previousSessionDate, settings.maxIntervalWeeks);
    return {
      earliest: earliestNextSessionDate(previousSessionDate, settings.minIntervalWeeks),
      latest: beforeNext === null ? dueBy : earlierOf(dueBy, beforeNext),
    };
  }
  if (!patchTest || patchTest.result !== "pass") return null;
  return { earliest: londonDateOf(patchTestReadyAt(patchTest.at, settings.patchTestWaitHours)), latest: beforeNext };
}

/** Whether a session may be on `date` under `window` (409 `outside_course_window` when not). */
export function isDateInWindow(date: DateOrInstant, window: CourseWindow | null): boolean {
  if (window === null) return false;
  const londonDate = toLondonDate(date);
  return londonDate >= window.earliest && (window.latest === null || londonDate <= window.latest);
}
