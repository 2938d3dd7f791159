import { describe, expect, it } from "vitest";
import {
  lastCourseBookingDate,
  earliestNextSessionDate,
  isDateInWindow,
  isOverdue,
  isTooSoon,
  lastPatchTestValidDate,
  nextSessionDueBy,
  nextWindow,
  patchTestAllows,
  patchTestReadyAt,
  recallDue,
  sessionWindow,
  type CourseSettings,
} from "@/lib/availability/course-windows";

// The seeded settings (api.md).
const settings: CourseSettings = { minIntervalWeeks: 6, maxIntervalWeeks: 8, patchTestWaitHours: 48, patchTestValidMonths: 6 };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("next session dates count London calendar days", () => {
  it("adds whole weeks of dates across the spring clock change (28 March 2027)", () => {
    expect(earliestNextSessionDate("2027-03-10", 6)).toBe("2027-04-21");
    expect(nextSessionDueBy("2027-03-10", 8)).toBe("2027-05-05");
  });

  it("adds whole weeks of dates across the autumn clock change (31 October 2027)", () => {
    expect(earliestNextSessionDate("2027-10-20", 6)).toBe("2027-12-01");
    expect(nextSessionDueBy("2027-10-20", 8)).toBe("2027-12-15");
  });

  it("crosses month and year ends, and a leap day", () => {
    expect(nextWindow("2027-11-30", settings)).toEqual({ earliest: "2028-01-11", latest: "2028-01-25" });
    expect(nextWindow("2027-12-31", settings)).toEqual({ earliest: "2028-02-11", latest: "2028-02-25" });
    expect(earliestNextSessionDate("2028-01-18", 6)).toBe("2028-02-29");
  });

  it("reads an instant as the London date it falls on, not its UTC date", () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July: six weeks on is 12 August, not 11 August.
    const lateSession = at("2027-06-30T23:30:00Z");
    expect(earliestNextSessionDate(lateSession, 6)).toBe("2027-08-12");
    expect(isTooSoon(lateSession, "2027-08-11", 6)).toBe(true);
    expect(isTooSoon(new Date(lateSession), "2027-08-12", 6)).toBe(false);
  });

  it("uses the settings it is given", () => {
    expect(nextWindow("2027-03-10", { minIntervalWeeks: 4, maxIntervalWeeks: 10 })).toEqual({ earliest: "2027-04-07", latest: "2027-05-19" });
  });
});

describe("isTooSoon and isOverdue", () => {
  it("is too soon up to the day before previous date + min interval", () => {
    expect(isTooSoon("2027-03-10", "2027-04-20", 6)).toBe(true);
    expect(isTooSoon("2027-03-10", "2027-04-21", 6)).toBe(false);
    expect(isTooSoon("2027-03-10", "2027-03-10", 6)).toBe(true);
  });

  it("takes a candidate instant on its London date", () => {
    // 23:30 UTC on 20 April is 00:30 BST on 21 April.
    expect(isTooSoon("2027-03-10", at("2027-04-20T23:30:00Z"), 6)).toBe(false);
    expect(isTooSoon("2027-03-10", at("2027-04-20T22:30:00Z"), 6)).toBe(true);
  });

  it("is overdue from the day after previous date + max interval", () => {
    expect(isOverdue("2027-03-10", "2027-05-05", 8)).toBe(false);
    expect(isOverdue("2027-03-10", "2027-05-06", 8)).toBe(true);
    expect(isOverdue("2027-03-10", "2027-04-21", 8)).toBe(false);
  });
});

describe("recallDue", () => {
  it("lists a plan from 14 days before dueFrom", () => {
    expect(recallDue("2027-03-10", settings, "2027-04-06")).toEqual({ dueFrom: "2027-04-21", dueBy: "2027-05-05", isDueWithin14DaysOrPast: false, isOverdue: false });
    expect(recallDue("2027-03-10", settings, "2027-04-07")).toMatchObject({ isDueWithin14DaysOrPast: true, isOverdue: false });
  });

  it("keeps listing it once due, and says when it is overdue", () => {
    expect(recallDue("2027-03-10", settings, "2027-04-21")).toMatchObject({ isDueWithin14DaysOrPast: true, isOverdue: false });
    expect(recallDue("2027-03-10", settings, "2027-05-05")).toMatchObject({ isDueWithin14DaysOrPast: true, isOverdue: false });
    expect(recallDue("2027-03-10", settings, "2027-05-06")).toMatchObject({ isDueWithin14DaysOrPast: true, isOverdue: true });
    expect(recallDue("2027-03-10", settings, "2028-03-10")).toMatchObject({ isDueWithin14DaysOrPast: true, isOverdue: true });
  });

  it("counts across the year end", () => {
    // Last session 2 December 2027: due from 13 January 2028, listed from 30 December 2027.
    expect(recallDue(at("2027-12-02T15:00:00Z"), settings, "2027-12-29")).toMatchObject({ dueFrom: "2028-01-13", dueBy: "2028-01-27", isDueWithin14DaysOrPast: false });
    expect(recallDue(at("2027-12-02T15:00:00Z"), settings, "2027-12-30").isDueWithin14DaysOrPast).toBe(true);
  });
});

describe("patch test gate", () => {
  const pass = (when: string) => ({ result: "pass" as const, at: at(when) });

  it("needs a pass", () => {
    expect(patchTestAllows(at("2027-06-01T09:00:00Z"), null, settings)).toEqual({ ok: false, reason: "no_pass" });
    expect(patchTestAllows(at("2027-06-01T09:00:00Z"), { result: "fail", at: at("2027-05-01T09:00:00Z") }, settings)).toEqual({ ok: false, reason: "no_pass" });
  });

  it("counts the wait in real hours, across the spring clock change", () => {
    // Passed Friday 26 March 2027 at 10:00 GMT; 48 hours later is Sunday 28 March 11:00 BST.
    const passedFriday = pass("2027-03-26T10:00:00Z");
    expect(iso(patchTestReadyAt(passedFriday.at, 48))).toBe("2027-03-28T10:00:00.000Z");
    // 10:30 BST on Sunday is later on the wall clock than the test was, but only 47.5 hours on.
    expect(patchTestAllows(at("2027-03-28T09:30:00Z"), passedFriday, settings)).toEqual({ ok: false, reason: "too_recent", readyAt: at("2027-03-28T10:00:00Z") });
    expect(patchTestAllows(at("2027-03-28T10:00:00Z"), passedFriday, settings)).toEqual({ ok: true });
  });

  it("counts the wait in real hours across the autumn clock change", () => {
    // Passed Friday 29 October 2027 at 10:00 BST (09:00 UTC); 48 hours later is Sunday 09:00 GMT.
    const passedFriday = { result: "pass" as const, at: new Date("2027-10-29T09:00:00Z") };
    expect(patchTestAllows(at("2027-10-31T08:59:00Z"), passedFriday, settings)).toMatchObject({ ok: false, reason: "too_recent" });
    expect(patchTestAllows(new Date("2027-10-31T09:00:00Z"), passedFriday, settings)).toEqual({ ok: true });
  });

  it("refuses a pass older than its validity, in calendar months", () => {
    const passed = pass("2027-01-10T10:00:00Z");
    expect(lastPatchTestValidDate(passed.at, 6)).toBe("2027-07-09");
    expect(patchTestAllows(at("2027-07-09T16:00:00Z"), passed, settings)).toEqual({ ok: true });
    expect(patchTestAllows(at("2027-07-10T08:00:00Z"), passed, settings)).toEqual({ ok: false, reason: "expired", lastValidDate: "2027-07-09" });
    expect(patchTestAllows(at("2027-07-10T08:00:00Z"), passed, { ...settings, patchTestValidMonths: 12 })).toEqual({ ok: true });
  });

  it("clamps month ends and crosses year ends", () => {
    expect(lastPatchTestValidDate(at("2027-08-31T10:00:00Z"), 6)).toBe("2028-02-28"); // 31 Aug + 6 months = 29 Feb 2028
    expect(lastPatchTestValidDate(at("2027-09-01T10:00:00Z"), 6)).toBe("2028-02-29");
    expect(lastPatchTestValidDate(at("2026-12-31T10:00:00Z"), 6)).toBe("2027-06-29"); // 31 Dec + 6 months = 30 June
    expect(lastPatchTestValidDate(at("2027-07-15T10:00:00Z"), 6)).toBe("2028-01-14");
  });

  it("counts months from the London dates of the test and of the session", () => {
    // 23:30 UTC on 30 April is 00:30 BST on 1 May: valid through 31 October (the autumn change day).
    const passed = pass("2027-04-30T23:30:00Z");
    expect(lastPatchTestValidDate(passed.at, 6)).toBe("2027-10-31");
    expect(patchTestAllows(at("2027-10-31T23:30:00Z"), passed, settings)).toEqual({ ok: true }); // 23:30 GMT, still 31 October
    expect(patchTestAllows(at("2027-11-01T00:30:00Z"), passed, settings)).toMatchObject({ ok: false, reason: "expired" });
  });
});

describe("sessionWindow", () => {
  const passed = { result: "pass" as const, at: at("2027-03-26T10:00:00Z") };

  it("runs from previous + min to previous + max for the last session", () => {
    expect(sessionWindow({ previousSessionDate: "2027-03-10", nextSessionDate: null, patchTest: passed }, settings)).toEqual({ earliest: "2027-04-21", latest: "2027-05-05" });
  });

  it("stops the min interval before the next session", () => {
    // Next on 9 June: no later than 28 April, which is sooner than the due-by date of 5 May.
    expect(sessionWindow({ previousSessionDate: "2027-03-10", nextSessionDate: "2027-06-09", patchTest: passed }, settings)).toEqual({ earliest: "2027-04-21", latest: "2027-04-28" });
    // A next session far away leaves the due-by date as the end.
    expect(sessionWindow({ previousSessionDate: "2027-03-10", nextSessionDate: "2027-07-07", patchTest: passed }, settings)).toEqual({ earliest: "2027-04-21", latest: "2027-05-05" });
  });

  it("opens the first session's window on the date its patch test is ready", () => {
    // 48 hours after Friday 26 March 10:00 GMT is Sunday 28 March.
    expect(sessionWindow({ previousSessionDate: null, nextSessionDate: null, patchTest: passed }, settings)).toEqual({ earliest: "2027-03-28", latest: null });
    expect(sessionWindow({ previousSessionDate: null, nextSessionDate: "2027-05-12", patchTest: passed }, settings)).toEqual({ earliest: "2027-03-28", latest: "2027-03-31" });
  });

  it("gives a first session no window without a pass", () => {
    expect(sessionWindow({ previousSessionDate: null, nextSessionDate: null, patchTest: null }, settings)).toBeNull();
    expect(sessionWindow({ previousSessionDate: null, nextSessionDate: null, patchTest: { result: "fail", at: passed.at } }, settings)).toBeNull();
    expect(isDateInWindow("2027-04-01", null)).toBe(false);
  });

  it("takes session instants on their London dates, across the autumn clock change", () => {
    const previous = at("2027-09-22T13:00:00Z"); // Wednesday 14:00 BST
    const next = at("2027-12-15T14:00:00Z"); // Wednesday 14:00 GMT
    expect(sessionWindow({ previousSessionDate: previous, nextSessionDate: next, patchTest: passed }, settings)).toEqual({ earliest: "2027-11-03", latest: "2027-11-03" });
  });

  it("stays empty when the next session was booked too close by override, and refuses every date", () => {
    const window = sessionWindow({ previousSessionDate: "2027-03-10", nextSessionDate: "2027-05-19", patchTest: passed }, settings);
    expect(window).toEqual({ earliest: "2027-04-21", latest: "2027-04-07" });
    for (const date of ["2027-04-07", "2027-04-14", "2027-04-21", "2027-05-05"]) expect(isDateInWindow(date, window)).toBe(false);
  });
});

describe("isDateInWindow", () => {
  const window = { earliest: "2027-04-21", latest: "2027-05-05" };

  it("includes both ends", () => {
    expect(isDateInWindow("2027-04-20", window)).toBe(false);
    expect(isDateInWindow("2027-04-21", window)).toBe(true);
    expect(isDateInWindow("2027-05-05", window)).toBe(true);
    expect(isDateInWindow("2027-05-06", window)).toBe(false);
  });

  it("takes an instant on its London date, and an open end", () => {
    expect(isDateInWindow(at("2027-05-05T22:59:00Z"), window)).toBe(true); // 23:59 BST on 5 May
    expect(isDateInWindow(at("2027-05-05T23:00:00Z"), window)).toBe(false); // 00:00 BST on 6 May
    expect(isDateInWindow("2030-01-01", { earliest: "2027-03-28", latest: null })).toBe(true);
    expect(isDateInWindow("2027-03-27", { earliest: "2027-03-28", latest: null })).toBe(false);
  });
});

describe("lastCourseBookingDate", () => {
  it("is the same day twelve calendar months on, clamped to the month's end", () => {
    expect(lastCourseBookingDate("2026-12-01")).toBe("2027-12-01");
    expect(lastCourseBookingDate("2028-02-29")).toBe("2029-02-28");
    expect(lastCourseBookingDate("2027-03-28")).toBe("2028-03-28");
  });
});
