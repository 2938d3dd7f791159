import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB } from "date-fns/locale";

/**
 * Everything the clinic shows or reasons about happens on London wall-clock time.
 * Instants are stored and passed around as UTC; this module is the one place that converts.
 * It is pure (no `new Date()` without an argument) so it runs on the server and in the browser.
 */
export const CLINIC_TIME_ZONE = "Europe/London";

/** A London calendar date as `YYYY-MM-DD`. */
export type LondonDate = string;

export function toLondon(instant: Date | number): TZDate {
  return new TZDate(typeof instant === "number" ? instant : instant.getTime(), CLINIC_TIME_ZONE);
}

/** The London calendar date on which an instant falls. */
export function londonDateOf(instant: Date | number): LondonDate {
  return format(toLondon(instant), "yyyy-MM-dd");
}

/** The UTC instant of a wall-clock time on a London date (minutes after local midnight). */
export function londonWallTimeToInstant(date: LondonDate, minuteOfDay: number): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // Read the wall time as if it were UTC, then subtract London's offset at that moment. Slot maths
  // calls this for every working window, so it uses the cached offset formatter, not a TZDate.
  const asUtc = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  const guess = asUtc - tzOffset(CLINIC_TIME_ZONE, new Date(asUtc)) * 60_000;
  const offsetAtGuess = tzOffset(CLINIC_TIME_ZONE, new Date(guess));
  // Near a clock change the first guess can sit on the other side of it: correct with its offset.
  // A wall time that does not exist (01:30 on the spring day) lands an hour later, as clocks do.
  return new Date(asUtc - offsetAtGuess * 60_000);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a London date. */
export function isoWeekdayOf(date: LondonDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addLondonDays(date: LondonDate, days: number): LondonDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // Calendar arithmetic on a date needs no time zone: do it in UTC.
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Inclusive list of London dates from `from` to `to`. */
export function londonDatesBetween(from: LondonDate, to: LondonDate): LondonDate[] {
  const dates: LondonDate[] = [];
  for (let date = from; date <= to; date = addLondonDays(date, 1)) dates.push(date);
  return dates;
}

/** "GMT" in winter, "BST" in summer. */
export function londonZoneLabel(instant: Date | number): "GMT" | "BST" {
  const offset = toLondon(instant).getTimezoneOffset();
  return offset === 0 ? "GMT" : "BST";
}

/** "Tue 3 Mar 2026, 14:30" */
export function formatLondonDateTime(instant: Date | number): string {
  return format(toLondon(instant), "EEE d MMM yyyy, HH:mm", { locale: enGB });
}

/** "Tue 3 Mar 2026, 14:30 GMT" */
export function formatLondonDateTimeWithZone(instant: Date | number): string {
  return `${formatLondonDateTime(instant)} ${londonZoneLabel(instant)}`;
}

/** "14:30" */
export function formatLondonTime(instant: Date | number): string {
  return format(toLondon(instant), "HH:mm");
}

/** "Tuesday 3 March 2026" */
export function formatLondonLongDate(dateOrInstant: LondonDate | Date | number): string {
  const instant = typeof dateOrInstant === "string" ? londonWallTimeToInstant(dateOrInstant, 12 * 60) : dateOrInstant;
  return format(toLondon(instant), "EEEE d MMMM yyyy", { locale: enGB });
}

/** Formats a price in pence as "£100" or "£99.50". */
export function formatPounds(pence: number): string {
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency: "GBP",
    minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
  }).format(pence / 100);
}

