import { describe, expect, it } from "vitest";
import { proposeCourseStarts } from "@/lib/availability/course-proposals";
import { isOverdue, isTooSoon, patchTestReadyAt } from "@/lib/availability/course-windows";
import { computeFreeSlots, type Interval, type PractitionerSchedule } from "@/lib/availability/slots";
import { addLondonDays, formatLondonDateTimeWithZone } from "@/lib/time/london";

const H = 60;
const settings = { minIntervalWeeks: 6, maxIntervalWeeks: 8 };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

/** A laser practitioner's free 20-minute slots for a year from `from`, as the availability code builds them. */
function freeSlots(options: { from?: string; days?: number; weekdays?: number[]; busy?: Interval[] } = {}) {
  const from = options.from ?? "2027-01-04";
  const schedule: PractitionerSchedule = {
    practitionerId: "p-sally",
    slug: "sally",
    weeklyHours: (options.weekdays ?? [1, 2, 3, 4, 5]).map((weekday) => ({ weekday, startMinute: 9 * H, endMinute: 17 * H })),
    weeklyBreaks: [],
    dateOverrides: [],
    busy: options.busy ?? [],
  };
  return computeFreeSlots({
    from,
    to: addLondonDays(from, (options.days ?? 365) - 1),
    now: at(`${from}T00:00:00Z`) - 86_400_000,
    rules: { durationMinutes: 20, intervalMinutes: 20, minNoticeMinutes: 0, maxAdvanceDays: 400 },
    practitioners: [schedule],
  });
}

const wednesday10March14h = at("2027-03-10T14:00:00Z"); // 14:00 GMT
const longAgo = at("2027-01-01T00:00:00Z");

describe("proposeCourseStarts: the routine", () => {
  it("offers Wednesday 21 April 2027 at 14:00 BST six weeks after 14:00 GMT on Wednesday 10 March", () => {
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots() });
    expect(proposal).toEqual({ starts: [at("2027-04-21T13:00:00Z")], unplaced: 0, blockedWindow: null });
    expect(formatLondonDateTimeWithZone(proposal.starts[0]!)).toBe("Wed 21 Apr 2027, 14:00 BST");
  });

  it("keeps the weekday and wall-clock time for the whole course, across the autumn change and the year end", () => {
    const proposal = proposeCourseStarts({ remaining: 6, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots() });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual([
      "Wed 21 Apr 2027, 14:00 BST",
      "Wed 2 Jun 2027, 14:00 BST",
      "Wed 14 Jul 2027, 14:00 BST",
      "Wed 25 Aug 2027, 14:00 BST",
      "Wed 6 Oct 2027, 14:00 BST",
      "Wed 17 Nov 2027, 14:00 GMT",
    ]);
    expect(iso(proposal.starts[5]!)).toBe("2027-11-17T14:00:00.000Z");
    const overYearEnd = proposeCourseStarts({ remaining: 2, previousSessionStart: at("2027-12-01T14:00:00Z"), notBefore: longAgo, settings, freeSlots: freeSlots({ from: "2027-12-06" }) });
    expect(overYearEnd.starts.map(iso)).toEqual(["2028-01-12T14:00:00.000Z", "2028-02-23T14:00:00.000Z"]);
  });

  it("keeps 14:00 GMT after 14:00 BST across the autumn clock change (31 October 2027)", () => {
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: at("2027-09-22T13:00:00Z"), notBefore: longAgo, settings, freeSlots: freeSlots() });
    expect(proposal.starts.map(iso)).toEqual(["2027-11-03T14:00:00.000Z"]);
  });

  it("takes the same time a week later when the sixth week's is booked", () => {
    const busy = [{ start: at("2027-04-21T13:00:00Z"), end: at("2027-04-21T13:20:00Z") }];
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots({ busy }) });
    expect(proposal.starts.map(iso)).toEqual(["2027-04-28T13:00:00.000Z"]);
  });
});

describe("proposeCourseStarts: falling back inside the window", () => {
  it("takes the free time nearest to the sixth week's when the same time is taken every week of the window", () => {
    // Wednesdays 13:20-14:20 BST booked in weeks 6, 7 and 8: 14:20 is 20 minutes off, 13:00 an hour.
    const busy = ["2027-04-21", "2027-04-28", "2027-05-05"].map((date) => ({ start: at(`${date}T12:20:00Z`), end: at(`${date}T13:20:00Z`) }));
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots({ busy }) });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual(["Wed 21 Apr 2027, 14:20 BST"]);
  });

  it("takes the earlier of two equally near times", () => {
    const busy = ["2027-04-21", "2027-04-28", "2027-05-05"].map((date) => ({ start: at(`${date}T13:00:00Z`), end: at(`${date}T13:20:00Z`) }));
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots({ busy }) });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual(["Wed 21 Apr 2027, 13:40 BST"]);
  });

  it("never goes before the window's first date when the practitioner no longer works that weekday", () => {
    // Thursdays only: Thursday 15 April is too soon, so Thursday 22 April at 09:00 is the nearest.
    const proposal = proposeCourseStarts({ remaining: 2, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots({ weekdays: [4] }) });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual(["Thu 22 Apr 2027, 09:00 BST", "Thu 3 Jun 2027, 09:00 BST"]);
  });

  it("reports the sessions it cannot place, and the window it searched", () => {
    // Time off for the whole of the second session's window (2 June to 16 June).
    const busy = [{ start: at("2027-06-01T23:00:00Z"), end: at("2027-06-16T23:00:00Z") }];
    const proposal = proposeCourseStarts({ remaining: 3, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: freeSlots({ busy }) });
    expect(proposal).toEqual({ starts: [at("2027-04-21T13:00:00Z")], unplaced: 2, blockedWindow: { earliest: "2027-06-02", latest: "2027-06-16" } });
  });

  it("uses the window's last date in full but not a minute after it", () => {
    // Free only on the last day of the window (Wednesday 5 May, in BST) and the morning after.
    const slots = [{ start: at("2027-05-05T22:40:00Z") }, { start: at("2027-05-05T23:00:00Z") }];
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: slots });
    expect(proposal.starts.map(iso)).toEqual(["2027-05-05T22:40:00.000Z"]); // 23:40 BST on 5 May
    const onlyAfter = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: slots.slice(1) });
    expect(onlyAfter).toEqual({ starts: [], unplaced: 1, blockedWindow: { earliest: "2027-04-21", latest: "2027-05-05" } });
  });

  it("stops where the free slots given end (a year ahead)", () => {
    const proposal = proposeCourseStarts({ remaining: 10, previousSessionStart: null, notBefore: at("2027-01-04T00:00:00Z"), settings, freeSlots: freeSlots() });
    // Monday 4 January 2027 09:00, then every six weeks: the 9th falls on 6 December, the 10th in 2028.
    expect(proposal.starts).toHaveLength(9);
    expect(formatLondonDateTimeWithZone(proposal.starts[8]!)).toBe("Mon 6 Dec 2027, 09:00 GMT");
    expect(proposal).toMatchObject({ unplaced: 1, blockedWindow: { earliest: "2028-01-17", latest: "2028-01-31" } });
  });
});

describe("proposeCourseStarts: the first session", () => {
  it("starts at the first free time after the patch-test wait, in real hours across the spring change", () => {
    // Passed Friday 26 March 10:00 GMT: ready Sunday 11:00 BST; the practitioner works Monday to Friday.
    const readyAt = patchTestReadyAt(at("2027-03-26T10:00:00Z"), 48);
    const proposal = proposeCourseStarts({ remaining: 2, previousSessionStart: null, notBefore: readyAt, settings, freeSlots: freeSlots() });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual(["Mon 29 Mar 2027, 09:00 BST", "Mon 10 May 2027, 09:00 BST"]);
  });

  it("skips free times earlier on the day the patch test becomes ready", () => {
    const readyAt = patchTestReadyAt(at("2027-02-08T10:10:00Z"), 48); // Wednesday 10 February 10:10 GMT
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: null, notBefore: readyAt, settings, freeSlots: freeSlots() });
    expect(proposal.starts.map(iso)).toEqual(["2027-02-10T10:20:00.000Z"]);
  });

  it("reports every session when there is no free time at all", () => {
    const proposal = proposeCourseStarts({ remaining: 4, previousSessionStart: null, notBefore: at("2027-03-28T10:00:00Z"), settings, freeSlots: [] });
    expect(proposal).toEqual({ starts: [], unplaced: 4, blockedWindow: { earliest: "2027-03-28", latest: null } });
  });
});

describe("proposeCourseStarts: a later lower bound", () => {
  it("starts inside the window no sooner than notBefore (e.g. a new patch test)", () => {
    // Window 21 April to 5 May; a retest passed on Monday 26 April 09:00 BST is ready on Wednesday 28 April 09:00 BST.
    const readyAt = patchTestReadyAt(at("2027-04-26T08:00:00Z"), 48);
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: readyAt, settings, freeSlots: freeSlots() });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual(["Wed 28 Apr 2027, 14:00 BST"]);
  });

  it("books an overdue course's next session at the first free time", () => {
    // Last session 6 January; its window ended on 3 March; proposing on 1 April.
    const proposal = proposeCourseStarts({ remaining: 2, previousSessionStart: at("2027-01-06T14:00:00Z"), notBefore: at("2027-04-01T08:00:00Z"), settings, freeSlots: freeSlots() });
    expect(proposal.starts.map(formatLondonDateTimeWithZone)).toEqual(["Thu 1 Apr 2027, 09:00 BST", "Thu 13 May 2027, 09:00 BST"]);
    expect(isOverdue(at("2027-01-06T14:00:00Z"), proposal.starts[0]!, 8)).toBe(true);
  });
});

describe("proposeCourseStarts: input", () => {
  it("accepts free slots in any order", () => {
    const slots = freeSlots({ days: 120 }).reverse();
    const proposal = proposeCourseStarts({ remaining: 1, previousSessionStart: wednesday10March14h, notBefore: longAgo, settings, freeSlots: slots });
    expect(proposal.starts.map(iso)).toEqual(["2027-04-21T13:00:00.000Z"]);
  });

  it("proposes nothing for nothing left, and refuses a bad count", () => {
    expect(proposeCourseStarts({ remaining: 0, previousSessionStart: null, notBefore: longAgo, settings, freeSlots: freeSlots({ days: 7 }) })).toEqual({ starts: [], unplaced: 0, blockedWindow: null });
    expect(() => proposeCourseStarts({ remaining: -1, previousSessionStart: null, notBefore: longAgo, settings, freeSlots: [] })).toThrow(RangeError);
    expect(() => proposeCourseStarts({ remaining: 1.5, previousSessionStart: null, notBefore: longAgo, settings, freeSlots: [] })).toThrow(RangeError);
  });

  it("always proposes free times min..max weeks apart, whatever is booked", () => {
    // A fixed pseudo-random diary: the result must hold for every one, not only for hand-picked cases.
    let seed = 12_345;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 20; run++) {
      const busy: Interval[] = Array.from({ length: 400 }, () => {
        const start = at("2027-01-04T09:00:00Z") + Math.floor(random() * 360) * 86_400_000 + Math.floor(random() * 24) * 20 * 60_000;
        return { start, end: start + Math.ceil(random() * 6) * 20 * 60_000 };
      });
      const slots = freeSlots({ busy });
      const free = new Set(slots.map((slot) => slot.start));
      const proposal = proposeCourseStarts({ remaining: 7, previousSessionStart: null, notBefore: at("2027-01-04T00:00:00Z"), settings, freeSlots: slots });
      expect(proposal.starts.length + proposal.unplaced).toBe(7);
      proposal.starts.forEach((start, i) => {
        expect(free.has(start)).toBe(true);
        const previous = proposal.starts[i - 1];
        if (previous === undefined) return;
        expect(isTooSoon(previous, start, settings.minIntervalWeeks)).toBe(false);
        expect(isOverdue(previous, start, settings.maxIntervalWeeks)).toBe(false);
      });
    }
  });
});
