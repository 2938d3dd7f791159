import { computeFreeSlots, type Interval, type Slot } from "@/lib/availability/slots";

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
  assertCapacity(capacity);
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

/**
 * Devices as lanes. The database gives every laser session one device number (1..laserDevices) for
 * its whole length and refuses two live sessions on one device whose times overlap (the exclusion
 * constraint "Booking_laser_no_overlap"). So a time is free for a new session when some device is free
 * throughout it. With one device that is exactly "not at capacity" above; with several it can be
 * stricter, because a session never changes device halfway: 09:10-09:30 does not fit between
 * 09:00-09:20 on device 1 and 09:20-09:40 on device 2, although only one of them is under way at
 * any instant. Lanes keep what availability offers and what the database accepts the same.
 */
export type DeviceSession = Interval & { device: number };

/** Each device's sessions, device 1 first; sessions on a number above `devices` (no longer counted) are left out. */
export function busyIntervalsPerDevice(sessions: readonly DeviceSession[], devices: number): Interval[][] {
  assertCapacity(devices);
  const lanes: Interval[][] = Array.from({ length: devices }, () => []);
  for (const { start, end, device } of sessions) {
    if (end > start && Number.isInteger(device) && device >= 1 && device <= devices) lanes[device - 1]!.push({ start, end });
  }
  return lanes;
}

/** The lowest-numbered device with no session overlapping [start, end), or null when every device has one. */
export function firstFreeDevice(interval: Interval, sessions: readonly DeviceSession[], devices: number): number | null {
  const lanes = busyIntervalsPerDevice(sessions, devices);
  const index = lanes.findIndex((lane) => lane.every((busy) => busy.end <= interval.start || busy.start >= interval.end));
  return index === -1 ? null : index + 1;
}

/**
 * Free slots of a service that needs a device: computeFreeSlots once per device, with that device's
 * sessions added to every practitioner's busy times, and the union of the answers (a slot is free
 * when its practitioner and at least one device are). Sorted as computeFreeSlots sorts.
 */
export function computeFreeSlotsOnDevices(input: Parameters<typeof computeFreeSlots>[0] & { deviceSessions: readonly DeviceSession[]; devices: number }): Slot[] {
  const { deviceSessions, devices, ...slotInput } = input;
  const byKey = new Map<string, Slot>();
  for (const lane of busyIntervalsPerDevice(deviceSessions, devices)) {
    const practitioners = slotInput.practitioners.map((p) => ({ ...p, busy: [...p.busy, ...lane] }));
    for (const slot of computeFreeSlots({ ...slotInput, practitioners })) byKey.set(`${slot.start}|${slot.practitionerId}`, slot);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.practitioner.localeCompare(b.practitioner));
}

function assertCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number of at least 1, got ${capacity}`);
}
