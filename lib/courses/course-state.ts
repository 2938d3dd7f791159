import {
  isDateInWindow,
  isTooSoon,
  lastCourseBookingDate,
  patchTestAllows,
  recallDue,
  sessionWindow,
  type CourseSettings,
  type CourseWindow,
  type PatchTest,
} from "@/lib/availability/course-windows";
import { formatLondonDateTimeWithZone, formatLondonLongDate, londonDateOf, type LondonDate } from "@/lib/time/london";
import type { ErrorCode } from "@/lib/result";
import { COUNTED_SESSION_STATUSES } from "./session-position";

/**
 * Where a treatment course stands, worked out from its sessions each time it is read (so nothing
 * stored can disagree with the sessions), and the timing rules for booking or moving a session.
 * Pure: plain values in, no database, no clock (callers pass `today` or the session's start).
 */
export type PlanStatus = "proposed" | "in_progress" | "completed" | "not_suitable";

export type CourseSession = { id: string; start: Date; end: Date; status: string };

const counts = (session: CourseSession) => (COUNTED_SESSION_STATUSES as readonly string[]).includes(session.status);
const byStart = (a: CourseSession, b: CourseSession) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id);

/** The sessions that still count (not cancelled, declined or missed), in course order. */
export function countedSessions<S extends CourseSession>(sessions: readonly S[]): S[] {
  return sessions.filter(counts).sort(byStart);
}

export type CourseState = {
  status: PlanStatus;
  /** Sessions booked or done that count towards the estimate. */
  counted: number;
  attended: number;
  /** Sessions still to book: the estimate less the counted ones (never below 0). */
  toBook: number;
  /** The latest counted session, the one the next follows. */
  last: CourseSession | null;
  /** When the next session to book may be (London dates); null when none is to book or no pass allows one. */
  nextWindow: CourseWindow | null;
  /** Today is past the next window's last date. */
  overdue: boolean;
};

export function describeCourse(input: {
  suitable: boolean;
  estimatedSessions: number;
  sessions: readonly CourseSession[];
  patchTest: PatchTest | null;
  settings: CourseSettings;
  today: LondonDate;
}): CourseState {
  const counted = countedSessions(input.sessions);
  const attended = counted.filter((s) => s.status === "attended").length;
  const toBook = Math.max(0, input.estimatedSessions - counted.length);
  const last = counted.at(-1) ?? null;
  const status: PlanStatus = !input.suitable ? "not_suitable" : attended >= input.estimatedSessions ? "completed" : counted.length > 0 ? "in_progress" : "proposed";
  const nextWindow =
    input.suitable && toBook > 0 ? sessionWindow({ previousSessionDate: last ? last.start : null, nextSessionDate: null, patchTest: input.patchTest }, input.settings) : null;
  const overdue = Boolean(nextWindow?.latest && input.today > nextWindow.latest);
  return { status, counted: counted.length, attended, toBook, last, nextWindow, overdue };
}

/**
 * A recall is due for a course with sessions left whose latest counted session was attended (so
 * nothing is booked) and whose next window opens within 14 days or already has.
 */
export function recallFor(state: CourseState, settings: CourseSettings, today: LondonDate): { lastSessionDate: LondonDate; dueFrom: LondonDate; dueBy: LondonDate; overdue: boolean } | null {
  if (state.status !== "in_progress" || state.toBook === 0 || !state.last || state.last.status !== "attended") return null;
  const lastSessionDate = londonDateOf(state.last.start);
  const due = recallDue(lastSessionDate, settings, today);
  return due.isDueWithin14DaysOrPast ? { lastSessionDate, dueFrom: due.dueFrom, dueBy: due.dueBy, overdue: due.isOverdue } : null;
}

export type TimingRefusal = { code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

/**
 * The timing rules for a session at [start, end) between its neighbours in the course:
 * - staff: at most 12 months ahead (400, first: it is about the input, not the course);
 * - the patch-test gate (409 patch_test_required);
 * - the course order: after the previous session, before the next (409 too_soon);
 * - staff: at least the minimum interval after the previous session and before the next, unless
 *   they give a reason (409 too_soon);
 * - patients: inside the session's window (409 outside_course_window); never an override.
 */
export function checkSessionTiming(input: {
  start: Date;
  end: Date;
  previous: CourseSession | null;
  next: CourseSession | null;
  patchTest: PatchTest | null;
  settings: CourseSettings;
  audience: "public" | "staff";
  overrideReason?: string;
  today: LondonDate;
}): TimingRefusal | null {
  const { start, end, previous, next, settings } = input;
  if (input.audience === "staff" && londonDateOf(start) > lastCourseBookingDate(input.today)) {
    return { code: "invalid_request", message: "Please check the highlighted fields.", fieldErrors: { start: "Course sessions can be booked up to 12 months ahead." } };
  }
  const gate = patchTestAllows(start, input.patchTest, settings);
  if (!gate.ok) {
    const message =
      gate.reason === "no_pass"
        ? "A passed patch test is needed before a laser session. Record the patch test first."
        : gate.reason === "too_recent"
          ? `The patch test must be at least ${settings.patchTestWaitHours} hours old at the session's start: the first possible start is ${formatLondonDateTimeWithZone(gate.readyAt)}.`
          : `The patch test covers sessions up to ${formatLondonLongDate(gate.lastValidDate)}. Record a new patch test for later sessions.`;
    return { code: "patch_test_required", message };
  }
  if (previous && start.getTime() < previous.end.getTime()) {
    return { code: "too_soon", message: `This session must come after the one on ${formatLondonDateTimeWithZone(previous.start)}.` };
  }
  if (next && end.getTime() > next.start.getTime()) {
    return { code: "too_soon", message: `This session must come before the next one, on ${formatLondonDateTimeWithZone(next.start)}.` };
  }
  if (input.audience === "public") {
    const window = sessionWindow({ previousSessionDate: previous?.start ?? null, nextSessionDate: next?.start ?? null, patchTest: input.patchTest }, settings);
    if (!isDateInWindow(start, window)) {
      const range = window ? (window.latest ? `between ${formatLondonLongDate(window.earliest)} and ${formatLondonLongDate(window.latest)}` : `from ${formatLondonLongDate(window.earliest)}`) : "";
      return { code: "outside_course_window", message: `This session needs to stay ${range} so that your skin can recover between sessions. Please choose a date in that range, or call the clinic.` };
    }
    return null;
  }
  if (!input.overrideReason) {
    if (previous && isTooSoon(previous.start, start, settings.minIntervalWeeks)) {
      return { code: "too_soon", message: `This is less than ${settings.minIntervalWeeks} weeks after the session on ${formatLondonLongDate(previous.start)}. Give a reason to book it anyway.` };
    }
    if (next && isTooSoon(start, next.start, settings.minIntervalWeeks)) {
      return { code: "too_soon", message: `The next session, on ${formatLondonLongDate(next.start)}, would be less than ${settings.minIntervalWeeks} weeks after this one. Give a reason to book it anyway.` };
    }
  }
  return null;
}

/**
 * The sessions either side of a counted session, by its place in the course now (a move is judged
 * against the sessions it sits between, so it cannot jump over one). `id` null: a session about to
 * be booked, which follows the last one.
 */
export function neighboursOf(sessions: readonly CourseSession[], id: string | null): { previous: CourseSession | null; next: CourseSession | null } {
  const counted = countedSessions(sessions);
  if (id === null) return { previous: counted.at(-1) ?? null, next: null };
  const index = counted.findIndex((s) => s.id === id);
  if (index === -1) return { previous: counted.at(-1) ?? null, next: null };
  return { previous: counted[index - 1] ?? null, next: counted[index + 1] ?? null };
}
