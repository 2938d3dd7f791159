import { describe, expect, it } from "vitest";
import { busyIntervalsPerDevice, computeFreeSlotsOnDevices, firstFreeDevice, intervalsAtCapacity, type DeviceSession } from "@/lib/availability/device-capacity";
import { computeFreeSlots, type Interval, type PractitionerSchedule } from "@/lib/availability/slots";
import { londonWallTimeToInstant } from "@/lib/time/london";

/** A session on Monday 11 January 2027 (GMT, so London = UTC) between two "HH:MM" times. */
const session = (from: string, to: string): Interval => ({ start: Date.parse(`2027-01-11T${from}:00Z`), end: Date.parse(`2027-01-11T${to}:00Z`) });
const hhmm = (intervals: Interval[]) => intervals.map(({ start, end }) => `${new Date(start).toISOString().slice(11, 16)}-${new Date(end).toISOString().slice(11, 16)}`);

describe("intervalsAtCapacity with one laser", () => {
  it("makes every session's time busy, sorted, whatever the input order", () => {
    expect(hhmm(intervalsAtCapacity([session("14:00", "14:20"), session("09:00", "09:20")], 1))).toEqual(["09:00-09:20", "14:00-14:20"]);
  });

  it("merges back-to-back sessions into one busy stretch, and overlapping ones too", () => {
    expect(hhmm(intervalsAtCapacity([session("09:00", "09:20"), session("09:20", "09:40")], 1))).toEqual(["09:00-09:40"]);
    expect(hhmm(intervalsAtCapacity([session("09:00", "09:30"), session("09:20", "09:40"), session("10:00", "10:20")], 1))).toEqual(["09:00-09:40", "10:00-10:20"]);
  });

  it("ignores empty and backwards intervals", () => {
    expect(intervalsAtCapacity([session("09:00", "09:00"), session("10:00", "09:40")], 1)).toEqual([]);
    expect(intervalsAtCapacity([], 1)).toEqual([]);
  });
});

describe("intervalsAtCapacity with two lasers", () => {
  it("is busy only where two sessions overlap", () => {
    expect(hhmm(intervalsAtCapacity([session("09:00", "09:40"), session("09:20", "10:00")], 2))).toEqual(["09:20-09:40"]);
  });

  it("never counts touching sessions as overlapping ('[)')", () => {
    expect(intervalsAtCapacity([session("09:00", "09:20"), session("09:20", "09:40")], 2)).toEqual([]);
    // Two at once until 10:00, and two others taking over at 10:00 exactly: one stretch, not two.
    const handover = [session("09:00", "10:00"), session("09:30", "10:00"), session("10:00", "10:30"), session("10:00", "10:20")];
    expect(hhmm(intervalsAtCapacity(handover, 2))).toEqual(["09:30-10:20"]);
  });

  it("counts identical sessions, and a third inside a pair", () => {
    expect(hhmm(intervalsAtCapacity([session("11:00", "11:20"), session("11:00", "11:20")], 2))).toEqual(["11:00-11:20"]);
    const three = [session("09:00", "10:00"), session("09:30", "10:30"), session("09:45", "09:50")];
    expect(hhmm(intervalsAtCapacity(three, 2))).toEqual(["09:30-10:00"]);
    expect(hhmm(intervalsAtCapacity(three, 3))).toEqual(["09:45-09:50"]);
    expect(intervalsAtCapacity(three, 4)).toEqual([]);
  });

  it("refuses a capacity that is not a whole number of at least one", () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => intervalsAtCapacity([], capacity)).toThrow(RangeError);
  });
});

describe("intervalsAtCapacity in London time", () => {
  it("works on instants, so clock changes need no special case", () => {
    // Sunday 31 October 2027: 09:00-09:20 GMT and 09:10-09:30 GMT, built from London wall times.
    const wall = (minute: number) => londonWallTimeToInstant("2027-10-31", minute).getTime();
    const sessions = [
      { start: wall(9 * 60), end: wall(9 * 60 + 20) },
      { start: wall(9 * 60 + 10), end: wall(9 * 60 + 30) },
    ];
    expect(intervalsAtCapacity(sessions, 2)).toEqual([{ start: Date.parse("2027-10-31T09:10:00Z"), end: Date.parse("2027-10-31T09:20:00Z") }]);
  });

  it("takes a laser busy with one practitioner out of another's free laser times", () => {
    const hannah: PractitionerSchedule = {
      practitionerId: "p-hannah",
      slug: "hannah",
      weeklyHours: [{ weekday: 1, startMinute: 9 * 60, endMinute: 10 * 60 }],
      weeklyBreaks: [],
      dateOverrides: [],
      busy: [],
    };
    const sallysLaserSession = session("09:20", "09:40");
    const freeFor = (laserDevices: number) =>
      computeFreeSlots({
        from: "2027-01-11",
        to: "2027-01-11",
        now: Date.parse("2027-01-01T00:00:00Z"),
        rules: { durationMinutes: 20, intervalMinutes: 20, minNoticeMinutes: 0, maxAdvanceDays: 60 },
        practitioners: [{ ...hannah, busy: intervalsAtCapacity([sallysLaserSession], laserDevices) }],
      }).map((slot) => new Date(slot.start).toISOString().slice(11, 16));
    expect(freeFor(1)).toEqual(["09:00", "09:40"]);
    expect(freeFor(2)).toEqual(["09:00", "09:20", "09:40"]);
  });
});

const on = (device: number, from: string, to: string): DeviceSession => ({ ...session(from, to), device });

describe("devices as lanes (what the exclusion constraint on device and time enforces)", () => {
  it("chooses the lowest-numbered device free for the whole session", () => {
    const sessions = [on(1, "09:00", "09:20"), on(2, "09:10", "09:30")];
    expect(firstFreeDevice(session("09:20", "09:40"), sessions, 2)).toBe(1); // device 1 is free again at 09:20 ('[)')
    expect(firstFreeDevice(session("09:15", "09:35"), sessions, 2)).toBeNull();
    expect(firstFreeDevice(session("09:15", "09:35"), sessions, 3)).toBe(3);
    expect(firstFreeDevice(session("09:00", "09:20"), [], 1)).toBe(1);
  });

  it("keeps a session on one device throughout: a gap that only a change of device would fill is not free", () => {
    const sessions = [on(1, "09:00", "09:20"), on(2, "09:20", "09:40")];
    expect(intervalsAtCapacity(sessions, 2)).toEqual([]); // never two at once...
    expect(firstFreeDevice(session("09:10", "09:30"), sessions, 2)).toBeNull(); // ...but no one device is free 09:10-09:30
  });

  it("leaves out sessions on devices the clinic no longer counts, and empty ones", () => {
    const lanes = busyIntervalsPerDevice([on(1, "09:00", "09:20"), on(3, "09:00", "09:20"), on(2, "10:00", "10:00")], 2);
    expect(lanes.map(hhmm)).toEqual([["09:00-09:20"], []]);
    for (const devices of [0, 1.5]) expect(() => firstFreeDevice(session("09:00", "09:20"), [], devices)).toThrow(RangeError);
  });

  it("offers a time when the practitioner and some device are free, and agrees with intervalsAtCapacity for one device", () => {
    const hannah: PractitionerSchedule = {
      practitionerId: "p-hannah",
      slug: "hannah",
      weeklyHours: [{ weekday: 1, startMinute: 9 * 60, endMinute: 10 * 60 }],
      weeklyBreaks: [],
      dateOverrides: [],
      busy: [session("09:40", "10:00")], // Hannah's own booking
    };
    const base = {
      from: "2027-01-11",
      to: "2027-01-11",
      now: Date.parse("2027-01-01T00:00:00Z"),
      rules: { durationMinutes: 20, intervalMinutes: 10, minNoticeMinutes: 0, maxAdvanceDays: 60 },
      practitioners: [hannah],
    };
    const times = (slots: { start: number }[]) => slots.map((slot) => new Date(slot.start).toISOString().slice(11, 16));
    const sallys = [on(1, "09:00", "09:20")];
    expect(times(computeFreeSlotsOnDevices({ ...base, deviceSessions: sallys, devices: 1 }))).toEqual(["09:20"]);
    expect(times(computeFreeSlotsOnDevices({ ...base, deviceSessions: sallys, devices: 1 }))).toEqual(
      times(computeFreeSlots({ ...base, practitioners: [{ ...hannah, busy: [...hannah.busy, ...intervalsAtCapacity(sallys, 1)] }] })),
    );
    expect(times(computeFreeSlotsOnDevices({ ...base, deviceSessions: sallys, devices: 2 }))).toEqual(["09:00", "09:10", "09:20"]);
    const both = [on(1, "09:00", "09:20"), on(2, "09:20", "09:40")];
    expect(times(computeFreeSlotsOnDevices({ ...base, deviceSessions: both, devices: 2 }))).toEqual(["09:00", "09:20"]);
  });
});
