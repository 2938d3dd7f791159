import { describe, expect, it } from "vitest";
import { computeFreeSlots, mergeIntervals, subtractMinuteRanges, workingRangesForDate, type PractitionerSchedule, type SlotRules } from "@/lib/availability/slots";

const H = 60;
const rules: SlotRules = { durationMinutes: 30, intervalMinutes: 30, minNoticeMinutes: 12 * H, maxAdvanceDays: 84 };

function schedule(overrides: Partial<PractitionerSchedule> = {}): PractitionerSchedule {
  return {
    practitionerId: "p-sally",
    slug: "sally",
    // Monday to Friday 09:00-12:00.
    weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * H, endMinute: 12 * H })),
    weeklyBreaks: [],
    dateOverrides: [],
    busy: [],
    ...overrides,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const starts = (slots: { start: number }[]) => slots.map((s) => iso(s.start));
// A "now" far enough before the test dates that notice and horizon do not interfere.
const longBefore = (date: string) => Date.parse(`${date}T00:00:00Z`) - 7 * 86_400_000;

describe("computeFreeSlots", () => {
  it("offers every 30 minutes inside the working hours (winter: London = UTC)", () => {
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-11", now: longBefore("2027-01-11"), rules, practitioners: [schedule()] });
    expect(starts(slots)).toEqual([
      "2027-01-11T09:00:00.000Z",
      "2027-01-11T09:30:00.000Z",
      "2027-01-11T10:00:00.000Z",
      "2027-01-11T10:30:00.000Z",
      "2027-01-11T11:00:00.000Z",
      "2027-01-11T11:30:00.000Z",
    ]);
    expect(slots[0]).toMatchObject({ end: Date.parse("2027-01-11T09:30:00Z"), practitioner: "sally", practitionerId: "p-sally" });
  });

  it("offers nothing on a day off (weekend)", () => {
    expect(computeFreeSlots({ from: "2027-01-16", to: "2027-01-17", now: longBefore("2027-01-16"), rules, practitioners: [schedule()] })).toEqual([]);
  });

  it("cuts breaks out of the hours, and a slot never spans a break", () => {
    const withBreak = schedule({ weeklyBreaks: [{ weekday: 1, startMinute: 10 * H + 15, endMinute: 10 * H + 45 }] });
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-11", now: longBefore("2027-01-11"), rules, practitioners: [withBreak] });
    expect(starts(slots)).toEqual([
      "2027-01-11T09:00:00.000Z",
      "2027-01-11T09:30:00.000Z",
      // 10:00 would run into the break; after it, slots restart on the break's end.
      "2027-01-11T10:45:00.000Z",
      "2027-01-11T11:15:00.000Z",
    ]);
  });

  it("removes slots that overlap time off or bookings, but keeps back-to-back ones", () => {
    const busy = schedule({
      busy: [
        { start: Date.parse("2027-01-11T09:30:00Z"), end: Date.parse("2027-01-11T10:00:00Z") }, // a booking
        { start: Date.parse("2027-01-11T10:40:00Z"), end: Date.parse("2027-01-11T11:10:00Z") }, // time off, off the grid
      ],
    });
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-11", now: longBefore("2027-01-11"), rules, practitioners: [busy] });
    expect(starts(slots)).toEqual(["2027-01-11T09:00:00.000Z", "2027-01-11T10:00:00.000Z", "2027-01-11T11:30:00.000Z"]);
  });

  it("removes every slot inside whole days of time off", () => {
    const away = schedule({ busy: [{ start: Date.parse("2027-01-11T00:00:00Z"), end: Date.parse("2027-01-13T00:00:00Z") }] });
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-13", now: longBefore("2027-01-11"), rules, practitioners: [away] });
    expect(new Set(starts(slots).map((s) => s.slice(0, 10)))).toEqual(new Set(["2027-01-13"]));
  });

  it("applies a date override: other hours on one date, or none", () => {
    const overridden = schedule({
      dateOverrides: [
        { date: "2027-01-11", startMinute: 14 * H, endMinute: 15 * H },
        { date: "2027-01-12", startMinute: null, endMinute: null },
      ],
    });
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-12", now: longBefore("2027-01-11"), rules, practitioners: [overridden] });
    expect(starts(slots)).toEqual(["2027-01-11T14:00:00.000Z", "2027-01-11T14:30:00.000Z"]);
  });

  it("needs at least 12 hours' notice", () => {
    const now = Date.parse("2027-01-10T21:30:00Z"); // Sunday evening: Monday 09:30 is exactly 12 h away
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-11", now, rules, practitioners: [schedule()] });
    expect(starts(slots)[0]).toBe("2027-01-11T09:30:00.000Z");
    const later = computeFreeSlots({ from: "2027-01-11", to: "2027-01-11", now: now + 60_000, rules, practitioners: [schedule()] });
    expect(starts(later)[0]).toBe("2027-01-11T10:00:00.000Z");
  });

  it("looks at most 12 weeks ahead", () => {
    const now = Date.parse("2027-01-11T09:00:00Z");
    const slots = computeFreeSlots({ from: "2027-04-04", to: "2027-04-06", now, rules, practitioners: [schedule()] });
    // 84 days after Mon 11 Jan 09:00 is Mon 5 Apr 10:00 BST (09:00 UTC).
    expect(starts(slots)).toEqual(["2027-04-05T08:00:00.000Z", "2027-04-05T08:30:00.000Z", "2027-04-05T09:00:00.000Z"]);
  });

  it("keeps wall-clock hours across the spring clock change (28 March 2027)", () => {
    const weekend = schedule({ weeklyHours: [6, 7, 1].map((weekday) => ({ weekday, startMinute: 9 * H, endMinute: 10 * H })) });
    const slots = computeFreeSlots({ from: "2027-03-27", to: "2027-03-29", now: longBefore("2027-03-27"), rules, practitioners: [weekend] });
    expect(starts(slots)).toEqual([
      "2027-03-27T09:00:00.000Z", // Saturday, GMT
      "2027-03-27T09:30:00.000Z",
      "2027-03-28T08:00:00.000Z", // Sunday: clocks went forward at 01:00 UTC, 09:00 BST
      "2027-03-28T08:30:00.000Z",
      "2027-03-29T08:00:00.000Z",
      "2027-03-29T08:30:00.000Z",
    ]);
  });

  it("keeps wall-clock hours across the autumn clock change (31 October 2027)", () => {
    const weekend = schedule({ weeklyHours: [6, 7, 1].map((weekday) => ({ weekday, startMinute: 9 * H, endMinute: 10 * H })) });
    const slots = computeFreeSlots({ from: "2027-10-30", to: "2027-11-01", now: longBefore("2027-10-30"), rules, practitioners: [weekend] });
    expect(starts(slots)).toEqual([
      "2027-10-30T08:00:00.000Z", // Saturday, BST
      "2027-10-30T08:30:00.000Z",
      "2027-10-31T09:00:00.000Z", // Sunday: clocks went back at 01:00 UTC, 09:00 GMT
      "2027-10-31T09:30:00.000Z",
      "2027-11-01T09:00:00.000Z",
      "2027-11-01T09:30:00.000Z",
    ]);
  });

  it("counts notice in real hours across a clock change", () => {
    // Saturday 27 March 2027 20:30 GMT; Sunday 09:00 BST (08:00 UTC) is 11.5 real hours later.
    const sunday = schedule({ weeklyHours: [{ weekday: 7, startMinute: 9 * H, endMinute: 11 * H }] });
    const slots = computeFreeSlots({ from: "2027-03-28", to: "2027-03-28", now: Date.parse("2027-03-27T20:30:00Z"), rules, practitioners: [sunday] });
    expect(starts(slots)[0]).toBe("2027-03-28T08:30:00.000Z");
  });

  it("merges practitioners sorted by start, then name", () => {
    const hannah = schedule({ practitionerId: "p-hannah", slug: "hannah", weeklyHours: [{ weekday: 1, startMinute: 9 * H + 30, endMinute: 10 * H + 30 }] });
    const sally = schedule({ weeklyHours: [{ weekday: 1, startMinute: 9 * H, endMinute: 10 * H }] });
    const slots = computeFreeSlots({ from: "2027-01-11", to: "2027-01-11", now: longBefore("2027-01-11"), rules, practitioners: [sally, hannah] });
    expect(slots.map((s) => `${iso(s.start).slice(11, 16)} ${s.practitioner}`)).toEqual(["09:00 sally", "09:30 hannah", "09:30 sally", "10:00 hannah"]);
  });

  it("uses the service's duration and interval", () => {
    const slots = computeFreeSlots({
      from: "2027-01-11",
      to: "2027-01-11",
      now: longBefore("2027-01-11"),
      rules: { ...rules, durationMinutes: 20, intervalMinutes: 10 },
      practitioners: [schedule({ weeklyHours: [{ weekday: 1, startMinute: 9 * H, endMinute: 9 * H + 40 }] })],
    });
    expect(starts(slots)).toEqual(["2027-01-11T09:00:00.000Z", "2027-01-11T09:10:00.000Z", "2027-01-11T09:20:00.000Z"]);
  });
});

describe("interval helpers", () => {
  it("subtracts minute ranges", () => {
    expect(subtractMinuteRanges([{ startMinute: 540, endMinute: 1020 }], [{ startMinute: 780, endMinute: 810 }])).toEqual([
      { startMinute: 540, endMinute: 780 },
      { startMinute: 810, endMinute: 1020 },
    ]);
    expect(subtractMinuteRanges([{ startMinute: 540, endMinute: 600 }], [{ startMinute: 500, endMinute: 700 }])).toEqual([]);
  });

  it("merges overlapping and touching intervals", () => {
    expect(mergeIntervals([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 7, end: 9 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ]);
  });

  it("reads a weekday's hours minus its breaks", () => {
    const s = schedule({ weeklyBreaks: [{ weekday: 1, startMinute: 10 * H, endMinute: 10 * H + 30 }] });
    expect(workingRangesForDate(s, "2027-01-11")).toEqual([
      { startMinute: 9 * H, endMinute: 10 * H },
      { startMinute: 10 * H + 30, endMinute: 12 * H },
    ]);
  });
});
