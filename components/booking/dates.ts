import { addLondonDays, type LondonDate } from "@/lib/time/london";

/** Calendar-month arithmetic on London dates (`YYYY-MM-DD`) and months (`YYYY-MM`); pure string maths. */

export type MonthKey = string;

export function monthOf(date: LondonDate): MonthKey {
  return date.slice(0, 7);
}

export function firstDayOf(month: MonthKey): LondonDate {
  return `${month}-01`;
}

export function daysInMonth(month: MonthKey): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function lastDayOf(month: MonthKey): LondonDate {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}

export function addMonths(month: MonthKey, delta: number): MonthKey {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every date of a month in order. */
export function datesOfMonth(month: MonthKey): LondonDate[] {
  const count = daysInMonth(month);
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/** `date` moved into `month` (first or last day) when it falls outside it. */
export function clampToMonth(date: LondonDate, month: MonthKey): LondonDate {
  if (date < firstDayOf(month)) return firstDayOf(month);
  if (date > lastDayOf(month)) return lastDayOf(month);
  return date;
}

export { addLondonDays };
