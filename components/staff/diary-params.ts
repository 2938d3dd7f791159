/**
 * The diary's URL state (view, date, practitioner): parsing untrusted search params and building
 * the links the controls use. Everything is a plain link so the diary works without JavaScript
 * and a view can be bookmarked or shared with a colleague.
 */
import { addLondonDays, isoWeekdayOf, type LondonDate } from "@/lib/time/london";
import { isLondonDate } from "@/lib/validation/primitives";

export type DiaryView = "day" | "week";
export const ALL_PRACTITIONERS = "all";

export type DiaryQuery = {
  view: DiaryView;
  /** The day shown (day view) or any day in the week shown (week view). */
  date: LondonDate;
  /** A practitioner slug, or "all". */
  practitioner: string;
};

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * @param choices practitioner slugs the viewer may pick from; null for a practitioner, who only
 *   ever sees their own diary (the param is ignored rather than trusted).
 */
export function parseDiaryQuery(params: SearchParams, today: LondonDate, choices: string[] | null, ownSlug: string | null): DiaryQuery {
  const view: DiaryView = first(params.view) === "day" ? "day" : "week";
  // The shared date rules (a real date, 2000-2100): anything else shows today's diary instead.
  const rawDate = first(params.date);
  const date = isLondonDate(rawDate) ? rawDate : today;
  let practitioner = ownSlug ?? ALL_PRACTITIONERS;
  if (choices) {
    const wanted = first(params.practitioner);
    practitioner = wanted && choices.includes(wanted) ? wanted : ALL_PRACTITIONERS;
  }
  return { view, date, practitioner };
}

/** Monday of the ISO week that contains `date`. */
export function weekStartOf(date: LondonDate): LondonDate {
  return addLondonDays(date, 1 - isoWeekdayOf(date));
}

/** The inclusive range of London dates a query shows. */
export function diaryRange(query: DiaryQuery): { from: LondonDate; to: LondonDate } {
  if (query.view === "day") return { from: query.date, to: query.date };
  const from = weekStartOf(query.date);
  return { from, to: addLondonDays(from, 6) };
}

/**
 * The link for a diary state. `withPractitioner` is false for practitioners, whose links never
 * carry a choice they cannot make; "all" is the default and is left out to keep URLs short.
 */
export function diaryHref(query: DiaryQuery, withPractitioner: boolean): string {
  const params = new URLSearchParams({ view: query.view, date: query.date });
  if (withPractitioner && query.practitioner !== ALL_PRACTITIONERS) params.set("practitioner", query.practitioner);
  return `/staff/diary?${params.toString()}`;
}

/** The same view one step (a day or a week) earlier or later. */
export function shiftQuery(query: DiaryQuery, direction: -1 | 1): DiaryQuery {
  return { ...query, date: addLondonDays(query.date, direction * (query.view === "day" ? 1 : 7)) };
}
