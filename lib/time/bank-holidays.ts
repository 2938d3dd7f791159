import { addLondonDays, isoWeekdayOf, type LondonDate } from "@/lib/time/london";

/**
 * England and Wales bank holidays, computed by the standing rules so the clinic's closures can be
 * seeded for any coming year without a network call or a hand-typed list.
 *
 * Only the rules are here. One-off holidays and moves (royal weddings, jubilees, a coronation, the
 * 2020 VE Day move of the early May holiday) are announced by proclamation, follow no rule, and
 * are added by staff as clinic closures when they are announced.
 *
 * Names are spelt as gov.uk publishes them (https://www.gov.uk/bank-holidays), so the closures
 * staff see read the same as the calendar patients know.
 */

export type BankHoliday = { date: LondonDate; name: string };

/** The Gregorian calendar (and so its Easter rule) began in 1582; the first Easter under it fell in 1583. */
const FIRST_GREGORIAN_EASTER_YEAR = 1583;
/** The rules below are those in force since 1978, when the early May holiday began. */
const FIRST_YEAR_OF_THESE_RULES = 1978;

const SATURDAY = 6;

const isWeekend = (date: LondonDate) => isoWeekdayOf(date) >= SATURDAY;

function dateOf(year: number, month: number, day: number): LondonDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function computeEasterSunday(year: number): LondonDate {
  assertYear(year, FIRST_GREGORIAN_EASTER_YEAR);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
}

function firstMondayOf(year: number, month: number): LondonDate {
  const first = dateOf(year, month, 1);
  return addLondonDays(first, (8 - isoWeekdayOf(first)) % 7);
}

function lastMondayOf(year: number, month: number): LondonDate {
  const last = dateOf(year, month + 1, 0); // day 0 of the next month is this month's last day
  return addLondonDays(last, -((isoWeekdayOf(last) + 6) % 7));
}

/**
 * Fixed-date holidays that fall on a weekend move to the next weekday that is not already a
 * holiday. Days that fall on a weekday keep their date first, which is why, with Christmas on a
 * Sunday, Boxing Day stays on Monday 26 and Christmas moves to Tuesday 27 (gov.uk, 2022).
 */
function withSubstituteDays(days: BankHoliday[]): BankHoliday[] {
  const taken = new Set(days.filter((day) => !isWeekend(day.date)).map((day) => day.date));
  return days.map((day) => {
    if (!isWeekend(day.date)) return day;
    let date = addLondonDays(day.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addLondonDays(date, 1);
    taken.add(date);
    return { date, name: `${day.name} (substitute day)` };
  });
}

/** The year's bank holidays in England and Wales, in date order. */
export function getBankHolidays(year: number): BankHoliday[] {
  assertYear(year, FIRST_YEAR_OF_THESE_RULES);
  const easter = computeEasterSunday(year);
  const holidays: BankHoliday[] = [
    ...withSubstituteDays([{ date: dateOf(year, 1, 1), name: "New Year’s Day" }]),
    { date: addLondonDays(easter, -2), name: "Good Friday" },
    { date: addLondonDays(easter, 1), name: "Easter Monday" },
    { date: firstMondayOf(year, 5), name: "Early May bank holiday" },
    { date: lastMondayOf(year, 5), name: "Spring bank holiday" },
    { date: lastMondayOf(year, 8), name: "Summer bank holiday" },
    ...withSubstituteDays([
      { date: dateOf(year, 12, 25), name: "Christmas Day" },
      { date: dateOf(year, 12, 26), name: "Boxing Day" },
    ]),
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** Bank holidays of the years `firstYear`..`lastYear` (inclusive), in date order. */
export function getBankHolidaysForYears(firstYear: number, lastYear: number): BankHoliday[] {
  assertYear(firstYear, FIRST_YEAR_OF_THESE_RULES);
  assertYear(lastYear, FIRST_YEAR_OF_THESE_RULES);
  if (lastYear < firstYear) throw new RangeError(`lastYear ${lastYear} is before firstYear ${firstYear}`);
  const holidays: BankHoliday[] = [];
  for (let year = firstYear; year <= lastYear; year++) holidays.push(...getBankHolidays(year));
  return holidays;
}

function assertYear(year: number, firstYear: number): void {
  if (!Number.isInteger(year) || year < firstYear || year > 9999) {
    throw new RangeError(`year must be a whole number from ${firstYear} to 9999, got ${year}`);
  }
}
