import { nextWindow, type CourseWindow, type IntervalSettings } from "@/lib/availability/course-windows";
import { addLondonDays, londonDateOf, londonWallTimeToInstant, toLondon, type LondonDate } from "@/lib/time/london";

/**
 * Proposed starts for the sessions of a course still to book (api.md: GET /api/staff/plans/{id}/proposal).
 * Pure: the caller passes the practitioner's free slots for the service (computeFreeSlots with the
 * laser's busy times already among the busy intervals) for as far ahead as staff may book, usually
 * 12 months. Searching them is a binary search per candidate, so a year of 10-minute slots costs
 * no more than a few dozen comparisons per session.
 */

export type CourseProposal = {
  /** One start per session that could be placed, in order; each follows the one before. */
  starts: number[];
  /** Sessions after the last placed one that found no free time (each needs the one before it). */
  unplaced: number;
  /** The London dates searched in vain for the first unplaced session, or null when all were placed. */
  blockedWindow: CourseWindow | null;
};

/** Where to look for one session: instants `from` (included) to `until` (excluded). */
type Search = { window: CourseWindow; from: number; until: number; preferred: number[]; target: number };

/**
 * The first session goes in the first free time at or after `notBefore` (the patch test's ready
 * instant, see `patchTestReadyAt`). With a previous session, each goes `minIntervalWeeks` to
 * `maxIntervalWeeks` after the one before, on the same weekday and wall-clock time if one of those
 * weeks has it free (patients keep a routine, and a course keeps its rhythm across clock changes),
 * otherwise at the free time nearest to the earliest such time inside the window. When the previous
 * session's window has already passed (an overdue course) the next goes in the first free time.
 */
export function proposeCourseStarts(input: {
  /** Sessions still to book. */
  remaining: number;
  /** The start of the course's latest booked or attended session; null before the first. */
  previousSessionStart: number | null;
  /** No proposal starts earlier: the patch test's ready instant, or later (a retest, now + notice). */
  notBefore: number;
  settings: IntervalSettings;
  /** Free slots, ideally sorted by start as computeFreeSlots returns them. */
  freeSlots: readonly { start: number }[];
}): CourseProposal {
  const { remaining, notBefore, settings } = input;
  if (!Number.isInteger(remaining) || remaining < 0) throw new RangeError(`remaining must be a whole number, got ${remaining}`);
  const freeStarts = sortedStarts(input.freeSlots);
  const starts: number[] = [];
  let previous = input.previousSessionStart;
  for (let placed = 0; placed < remaining; placed++) {
    const search = previous === null ? searchFromNotBefore(notBefore) : searchAfter(previous, notBefore, settings);
    const start = placeIn(freeStarts, search);
    if (start === null) return { starts, unplaced: remaining - placed, blockedWindow: search.window };
    starts.push(start);
    previous = start;
  }
  return { starts, unplaced: 0, blockedWindow: null };
}

function searchFromNotBefore(notBefore: number): Search {
  return { window: { earliest: londonDateOf(notBefore), latest: null }, from: notBefore, until: Infinity, preferred: [], target: notBefore };
}

function searchAfter(previous: number, notBefore: number, settings: IntervalSettings): Search {
  const previousDate = londonDateOf(previous);
  const window = nextWindow(previousDate, settings);
  const until = startOfLondonDate(addLondonDays(window.latest, 1));
  if (until <= notBefore) return searchFromNotBefore(notBefore);
  const from = Math.max(startOfLondonDate(window.earliest), notBefore);
  const minuteOfDay = londonMinuteOfDay(previous);
  const preferred: number[] = [];
  for (let weeks = settings.minIntervalWeeks; weeks <= settings.maxIntervalWeeks; weeks++) {
    preferred.push(londonWallTimeToInstant(addLondonDays(previousDate, 7 * weeks), minuteOfDay).getTime());
  }
  const earliest = from > startOfLondonDate(window.earliest) ? londonDateOf(from) : window.earliest;
  return { window: { earliest, latest: window.latest }, from, until, preferred, target: preferred[0] ?? from };
}

function placeIn(freeStarts: number[], search: Search): number | null {
  const { from, until } = search;
  const routine = search.preferred.find((start) => start >= from && start < until && hasStart(freeStarts, start));
  return routine ?? nearestStart(freeStarts, search.target, from, until);
}

/** The free start nearest to `target` within [from, until); the earlier one on a tie, to keep the course moving. */
function nearestStart(freeStarts: number[], target: number, from: number, until: number): number | null {
  const clamped = Math.min(Math.max(target, from), until);
  const index = lowerBound(freeStarts, clamped);
  const after = index < freeStarts.length && freeStarts[index]! < until ? freeStarts[index]! : null;
  const before = index > 0 && freeStarts[index - 1]! >= from ? freeStarts[index - 1]! : null;
  if (before === null) return after;
  if (after === null) return before;
  return clamped - before <= after - clamped ? before : after;
}

function hasStart(freeStarts: number[], start: number): boolean {
  return freeStarts[lowerBound(freeStarts, start)] === start;
}

/** Index of the first start at or after `value` (the length when there is none). */
function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** computeFreeSlots already sorts; sorting again only when needed keeps a year of slots cheap. */
function sortedStarts(slots: readonly { start: number }[]): number[] {
  const starts = slots.map((slot) => slot.start);
  const isSorted = starts.every((start, i) => i === 0 || starts[i - 1]! <= start);
  return isSorted ? starts : starts.sort((a, b) => a - b);
}

function startOfLondonDate(date: LondonDate): number {
  return londonWallTimeToInstant(date, 0).getTime();
}

function londonMinuteOfDay(instant: number): number {
  const london = toLondon(instant);
  return london.getHours() * 60 + london.getMinutes();
}
