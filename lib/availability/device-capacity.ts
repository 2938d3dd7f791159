import type { Interval } from "@/lib/availability/slots";

/**
 * Shared devices (the clinic's laser): when `capacity` sessions already overlap, no practitioner can
 * start another, so those times join every practitioner's busy intervals for laser services.
 * Intervals are half-open, [start, end): a session ending at 10:20 and one starting at 10:20 never
 * overlap, so back-to-back sessions on one laser stay bookable (as tstzrange '[)' in the diary's
 * exclusion constraint treats a practitioner's back-to-back bookings).
 */

/**
 * The times when at least `capacity` of `intervals` overlap, as sorted, disjoint intervals (touching
 * stretches merged). A sweep over start and end points: O(n log n) for n sessions.
 */
export function intervalsAtCapacity(intervals: readonly Interval[], capacity: number): Interval[] {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number of at least 1, got ${capacity}`);
  const changes = countChangesByInstant(intervals);
  const result: Interval[] = [];
  let inUse = 0;
  let fullSince: number | null = null;
  for (const [instant, change] of changes) {
    inUse += change;
    if (inUse >= capacity && fullSince === null) fullSince = instant;
    if (inUse < capacity && fullSince !== null) {
      result.push({ start: fullSince, end: instant });
      fullSince = null;
    }
  }
  return result;
}

/**
 * Net change in sessions under way at each instant, in time order. Summing the ends and starts at one
 * instant before looking at the count is what makes touching sessions not overlap and keeps a full
 * stretch whole when one session hands over to the next at the same instant.
 */
function countChangesByInstant(intervals: readonly Interval[]): [number, number][] {
  const changes = new Map<number, number>();
  for (const { start, end } of intervals) {
    if (end <= start) continue; // an empty interval holds the device at no instant
    changes.set(start, (changes.get(start) ?? 0) + 1);
    changes.set(end, (changes.get(end) ?? 0) - 1);
  }
  return [...changes].sort((a, b) => a[0] - b[0]);
}
