import { describe, expect, it } from "vitest";
import { formatLondonDateTime, formatLondonDateTimeWithZone, formatPounds, londonDateOf, londonWallTimeToInstant, londonZoneLabel } from "@/lib/time/london";

describe("London time", () => {
  it("formats en-GB with the right zone label", () => {
    expect(formatLondonDateTime(new Date("2026-03-03T14:30:00Z"))).toBe("Tue 3 Mar 2026, 14:30");
    expect(formatLondonDateTimeWithZone(new Date("2027-03-30T08:00:00Z"))).toBe("Tue 30 Mar 2027, 09:00 BST");
    expect(londonZoneLabel(new Date("2027-10-31T00:59:00Z"))).toBe("BST");
    expect(londonZoneLabel(new Date("2027-10-31T01:00:00Z"))).toBe("GMT");
    expect(londonZoneLabel(new Date("2027-03-28T00:59:00Z"))).toBe("GMT");
    expect(londonZoneLabel(new Date("2027-03-28T01:00:00Z"))).toBe("BST");
  });

  it("converts wall-clock times on both sides of the clock changes", () => {
    expect(londonWallTimeToInstant("2027-03-27", 9 * 60).toISOString()).toBe("2027-03-27T09:00:00.000Z");
    expect(londonWallTimeToInstant("2027-03-28", 9 * 60).toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(londonWallTimeToInstant("2027-10-30", 9 * 60).toISOString()).toBe("2027-10-30T08:00:00.000Z");
    expect(londonWallTimeToInstant("2027-10-31", 9 * 60).toISOString()).toBe("2027-10-31T09:00:00.000Z");
  });

  it("finds the London date of an instant near midnight in summer", () => {
    expect(londonDateOf(new Date("2027-06-30T23:30:00Z"))).toBe("2027-07-01");
  });

  it("formats prices in pounds", () => {
    expect(formatPounds(10_000)).toBe("£100");
    expect(formatPounds(25_000)).toBe("£250");
    expect(formatPounds(9_950)).toBe("£99.50");
  });
});
