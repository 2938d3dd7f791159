import { isoWeekdayOf, londonDatesBetween, londonWallTimeToInstant, type LondonDate } from "@/lib/time/london";

/**
 * Pure slot maths: working hours - breaks - time off - bookings -> free slots.
 * No database and no clock: callers pass `now`. Instants are epoch milliseconds; London wall-clock
 * times are converted to instants only at window boundaries (once per window, not per slot), which
 * keeps a 62-day, two-practitioner query cheap.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export type MinuteRange = { startMinute: number; endMinute: number };
export type WeekdayRange = MinuteRange & { weekday: number };
export type DateOverrideRange = { date: LondonDate; startMinute: number | null; endMinute: number | null };
export type Interval = { start: number; end: number };

export type PractitionerSchedule = {
  practitionerId: string;
  slug: string;
  weeklyHours: WeekdayRange[];
  weeklyBreaks: WeekdayRange[];
  dateOverrides: DateOverrideRange[];
  /** Time off and live bookings, any order, may overlap. */
  busy: Interval[];
};

export type SlotRules = {
  durationMinutes: number;
  intervalMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
};

export type Slot = { start: number; end: number; practitionerId: string; practitioner: string };

/** Minute ranges of one weekday's hours with its breaks cut out. */
export function workingRangesForDate(schedule: Pick<PractitionerSchedule, "weeklyHours" | "weeklyBreaks" | "dateOverrides">, date: LondonDate): MinuteRange[] {
  const weekday = isoWeekdayOf(date);
  const override = schedule.dateOverrides.find((o) => o.date === date);
  let ranges: MinuteRange[];
  if (override) {
    if (override.startMinute === null || override.endMinute === null) return [];
    ranges = [{ startMinute: override.startMinute, endMinute: override.endMinute }];
  } else {
    ranges = schedule.weeklyHours
      .filter((h) => h.weekday === weekday)
      .map((h) => ({ startMinute: h.startMinute, endMinute: h.endMinute }));
  }
  const breaks = schedule.weeklyBreaks.filter((b) => b.weekday === weekday);
  return subtractMinuteRanges(ranges, breaks).sort((a, b) => a.startMinute - b.startMinute);
}

export function subtractMinuteRanges(ranges: MinuteRange[], cuts: MinuteRange[]): MinuteRange[] {
  let result = ranges.filter((r) => r.endMinute > r.startMinute);
  for (const cut of cuts) {
    const next: MinuteRange[] = [];
    for (const range of result) {
      if (cut.endMinute <= range.startMinute || cut.startMinute >= range.endMinute) {
        next.push(range);
        continue;
      }
      if (cut.startMinute > range.startMinute) next.push({ startMinute: range.startMinute, endMinute: cut.startMinute });
      if (cut.endMinute < range.endMinute) next.push({ startMinute: cut.endMinute, endMinute: range.endMinute });
    }
    result = next;
  }
  return result;
}

/** Merges overlapping or touching intervals into a sorted, disjoint list. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/**
 * Free slots for each practitioner on the London dates `from`..`to` (inclusive), sorted by start
 * and then practitioner. A slot starts on the interval grid of its working window, fits wholly
 * inside the window, overlaps nothing busy, starts at least `minNoticeMinutes` after `now` and at
 * most `maxAdvanceDays` after it.
 */
export function computeFreeSlots(input: {
  from: LondonDate;
  to: LondonDate;
  now: number;
  rules: SlotRules;
  practitioners: PractitionerSchedule[];
}): Slot[] {
  const { rules, now } = input;
  const duration = rules.durationMinutes * MINUTE;
  const step = rules.intervalMinutes * MINUTE;
  const earliest = now + rules.minNoticeMinutes * MINUTE;
  const latest = now + rules.maxAdvanceDays * DAY;
  const dates = londonDatesBetween(input.from, input.to);
  const slots: Slot[] = [];

  for (const practitioner of input.practitioners) {
    const busy = mergeIntervals(practitioner.busy);
    let busyIndex = 0;
    for (const date of dates) {
      for (const range of workingRangesForDate(practitioner, date)) {
        const windowStart = londonWallTimeToInstant(date, range.startMinute).getTime();
        const windowEnd = londonWallTimeToInstant(date, range.endMinute).getTime();
        for (let start = windowStart; start + duration <= windowEnd; start += step) {
          if (start < earliest) continue;
          if (start > latest) break;
          const end = start + duration;
          // Busy intervals are sorted and slots only move forward, so skip the ones wholly before.
          while (busyIndex < busy.length && busy[busyIndex]!.end <= start) busyIndex++;
          const next = busy[busyIndex];
          if (next && next.start < end) continue;
          slots.push({ start, end, practitionerId: practitioner.practitionerId, practitioner: practitioner.slug });
        }
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start || a.practitioner.localeCompare(b.practitioner));
}
