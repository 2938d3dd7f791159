import { describe, expect, it } from "vitest";
import { computeEasterSunday, getBankHolidays, getBankHolidaysForYears } from "@/lib/time/bank-holidays";
import { isoWeekdayOf } from "@/lib/time/london";

const asPairs = (year: number) => getBankHolidays(year).map((h) => `${h.date} ${h.name}`);

describe("computeEasterSunday", () => {
  it.each([
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"], // the same Sunday as the spring clock change
    [2028, "2028-04-16"],
    [2008, "2008-03-23"],
    [2000, "2000-04-23"],
    [2038, "2038-04-25"], // the latest possible date
    [2285, "2285-03-22"], // the earliest possible date
    [1818, "1818-03-22"],
  ])("Easter %i is on %s", (year, date) => {
    expect(computeEasterSunday(year)).toBe(date);
  });

  it("always falls on a Sunday between 22 March and 25 April", () => {
    for (let year = 1583; year <= 2600; year++) {
      const easter = computeEasterSunday(year);
      expect(isoWeekdayOf(easter)).toBe(7);
      expect(easter.slice(5) >= "03-22" && easter.slice(5) <= "04-25").toBe(true);
    }
  });
});

describe("getBankHolidays (gov.uk, England and Wales)", () => {
  it("2026: Boxing Day on a Saturday moves to Monday 28", () => {
    expect(asPairs(2026)).toEqual([
      "2026-01-01 New Year’s Day",
      "2026-04-03 Good Friday",
      "2026-04-06 Easter Monday",
      "2026-05-04 Early May bank holiday",
      "2026-05-25 Spring bank holiday",
      "2026-08-31 Summer bank holiday",
      "2026-12-25 Christmas Day",
      "2026-12-28 Boxing Day (substitute day)",
    ]);
  });

  it("2027: Christmas on a Saturday moves to Monday 27 and Boxing Day to Tuesday 28", () => {
    expect(asPairs(2027)).toEqual([
      "2027-01-01 New Year’s Day",
      "2027-03-26 Good Friday",
      "2027-03-29 Easter Monday",
      "2027-05-03 Early May bank holiday",
      "2027-05-31 Spring bank holiday",
      "2027-08-30 Summer bank holiday",
      "2027-12-27 Christmas Day (substitute day)",
      "2027-12-28 Boxing Day (substitute day)",
    ]);
  });

  it("2028: New Year's Day on a Saturday moves to Monday 3 January", () => {
    expect(asPairs(2028)).toEqual([
      "2028-01-03 New Year’s Day (substitute day)",
      "2028-04-14 Good Friday",
      "2028-04-17 Easter Monday",
      "2028-05-01 Early May bank holiday",
      "2028-05-29 Spring bank holiday",
      "2028-08-28 Summer bank holiday",
      "2028-12-25 Christmas Day",
      "2028-12-26 Boxing Day",
    ]);
  });

  it("Christmas on a Sunday: Boxing Day keeps Monday 26 and Christmas moves to Tuesday 27 (2022)", () => {
    expect(asPairs(2022).slice(-2)).toEqual(["2022-12-26 Boxing Day", "2022-12-27 Christmas Day (substitute day)"]);
  });

  it("New Year's Day on a Sunday moves to Monday 2 January (2023)", () => {
    expect(asPairs(2023)[0]).toBe("2023-01-02 New Year’s Day (substitute day)");
  });

  it("leaves out one-off holidays, which staff add as closures (2023's coronation on 8 May)", () => {
    expect(getBankHolidays(2023).map((h) => h.date)).not.toContain("2023-05-08");
    expect(getBankHolidays(2023)).toHaveLength(8);
  });

  it("gives eight distinct weekdays every year, in date order, inside the year", () => {
    for (let year = 1978; year <= 2200; year++) {
      const dates = getBankHolidays(year).map((h) => h.date);
      expect(dates).toHaveLength(8);
      expect(new Set(dates).size).toBe(8);
      expect([...dates].sort()).toEqual(dates);
      for (const date of dates) {
        expect(isoWeekdayOf(date)).toBeLessThanOrEqual(5);
        expect(date.startsWith(`${year}-`)).toBe(true);
      }
    }
  });

  it("refuses years the rules do not cover", () => {
    expect(() => getBankHolidays(1977)).toThrow(RangeError);
    expect(() => getBankHolidays(2026.5)).toThrow(RangeError);
    expect(() => getBankHolidays(Number.NaN)).toThrow(RangeError);
    expect(() => computeEasterSunday(1582)).toThrow(RangeError);
  });
});

describe("getBankHolidaysForYears", () => {
  it("joins whole years in date order across the year end", () => {
    const holidays = getBankHolidaysForYears(2026, 2028);
    expect(holidays).toHaveLength(24);
    expect(holidays.map((h) => h.date).slice(6, 10)).toEqual(["2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26"]);
    expect(holidays).toEqual([...getBankHolidays(2026), ...getBankHolidays(2027), ...getBankHolidays(2028)]);
  });

  it("takes a single year, and refuses a backwards range", () => {
    expect(getBankHolidaysForYears(2027, 2027)).toEqual(getBankHolidays(2027));
    expect(() => getBankHolidaysForYears(2028, 2027)).toThrow(RangeError);
  });
});
