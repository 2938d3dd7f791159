/**
 * Pure maths for the diary's time grid: where on a London day an instant falls, which hours the
 * grid must cover, and how overlapping bookings share a column.
 * Positions use London wall-clock minutes, so on a clock-change day a 10:00 appointment still sits
 * on the 10:00 line (the grid shows the clock on the wall, not elapsed time).
 */
import { formatLondonTime, londonDateOf, type LondonDate } from "@/lib/time/london";
import type { DiaryDay, Interval } from "./diary-types";

export const MINUTES_PER_DAY = 24 * 60;
/** Vertical scale: 48px per half hour, so a 20-minute laser session still fits one line of text. */
export const PX_PER_MINUTE = 1.6;
const DEFAULT_RANGE = { start: 9 * 60, end: 17 * 60 };

/** Minutes after London midnight of `date` at which `iso` falls, clamped to that day. */
export function minuteOnDate(iso: string, date: LondonDate): number {
  const instant = Date.parse(iso);
  const day = londonDateOf(instant);
  if (day < date) return 0;
  if (day > date) return MINUTES_PER_DAY;
  const [hours = 0, minutes = 0] = formatLondonTime(instant).split(":").map(Number);
  return hours * 60 + minutes;
}

export type MinuteSpan = { start: number; end: number };

export function spanOnDate(interval: Interval, date: LondonDate): MinuteSpan {
  return { start: minuteOnDate(interval.start, date), end: minuteOnDate(interval.end, date) };
}

/**
 * The hours the grid shows: from the earliest working start to the latest working end (or booking,
 * for appointments made outside hours), widened to whole hours. Time off is left out because it
 * usually spans whole days and would stretch the grid to midnight.
 */
export function gridRange(days: DiaryDay[]): MinuteSpan {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const day of days) {
    for (const interval of [...day.working, ...day.breaks, ...day.bookings]) {
      const span = spanOnDate(interval, day.date);
      if (span.end <= span.start) continue;
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
  }
  if (!Number.isFinite(start) || !Number.isFinite(end)) return DEFAULT_RANGE;
  return { start: Math.floor(start / 60) * 60, end: Math.min(MINUTES_PER_DAY, Math.ceil(end / 60) * 60) };
}

/** A span clipped to the grid, in pixels from the grid's top; null when it lies outside. */
export function place(span: MinuteSpan, range: MinuteSpan): { top: number; height: number } | null {
  const start = Math.max(span.start, range.start);
  const end = Math.min(span.end, range.end);
  if (end <= start) return null;
  return { top: (start - range.start) * PX_PER_MINUTE, height: (end - start) * PX_PER_MINUTE };
}

export type Laned<T> = {
  item: T;
  span: MinuteSpan;
  /** Horizontal position and size as fractions of the column width (0..1). */
  left: number;
  width: number;
};

/**
 * Side-by-side placement for overlapping bookings (a cancelled booking and the one that replaced
 * it, or a double booking made by phone). Items that overlap, directly or through a chain, form a
 * cluster; each takes the first free lane. A lane holding a live booking is three times as wide as
 * one holding only cancelled or declined history, so history never squeezes a real appointment.
 * A lower `priority` takes the leftmost lane when starts tie (live before cancelled).
 */
export function layoutLanes<T>(entries: { item: T; span: MinuteSpan; priority: number }[]): Laned<T>[] {
  const sorted = [...entries].sort((a, b) => a.span.start - b.span.start || a.priority - b.priority || b.span.end - a.span.end);
  const result: Laned<T>[] = [];
  let cluster: { entry: (typeof sorted)[number]; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;

  const closeCluster = () => {
    const weights = laneEnds.map((_, lane) => (cluster.some((c) => c.lane === lane && c.entry.priority === 0) ? 3 : 1));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    for (const { entry, lane } of cluster) {
      const before = weights.slice(0, lane).reduce((sum, weight) => sum + weight, 0);
      result.push({ item: entry.item, span: entry.span, left: before / total, width: (weights[lane] ?? 1) / total });
    }
    cluster = [];
    laneEnds = [];
  };

  for (const entry of sorted) {
    if (entry.span.start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= entry.span.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(entry.span.end);
    } else {
      laneEnds[lane] = entry.span.end;
    }
    clusterEnd = cluster.length === 0 ? entry.span.end : Math.max(clusterEnd, entry.span.end);
    cluster.push({ entry, lane });
  }
  if (cluster.length > 0) closeCluster();
  return result;
}

/** "09:00–13:00, 13:30–17:00" for a day's working windows. */
export function formatSpans(intervals: Interval[]): string {
  return intervals.map((interval) => `${formatLondonTime(Date.parse(interval.start))}–${formatLondonTime(Date.parse(interval.end))}`).join(", ");
}
