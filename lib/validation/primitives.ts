import { z } from "./zod";

/**
 * The building blocks every schema in lib/validation is made of, so that one set of rules decides
 * what text, instants and dates the app accepts from anyone (patients, staff, URLs):
 * - text never carries control characters (PostgreSQL refuses NUL; the others break emails,
 *   calendar files and the diary's layout), nor characters that change how it displays;
 * - instants and dates are real calendar values between FIRST_YEAR and LAST_YEAR, so date maths
 *   never meets year 0 or 10000.
 * Each type is one transform that reports its own issues: a field that fails never hands an
 * untransformed value on to an object-level refine (zod skips refines after such an issue).
 * Browser-safe: the forms use these schemas too.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

// C0 controls, DEL and C1 controls. Tab and line feed are allowed in multi-line text only.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// Half a UTF-16 surrogate pair: not a character at all, and not storable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Direction controls (embeddings, overrides, isolates, marks): they reorder what is displayed, so
// "\u202Eanna" shows as "anna" reversed. No name or label needs them.
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Characters that show nothing: zero-width space and joiners, word joiner and invisible operators,
// byte-order mark, soft hyphen, Mongolian vowel separator, and the Unicode "tag" characters.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;
// What multi-line text may keep of the invisible set: joiners are part of emoji and some scripts.
const INVISIBLE_IN_PROSE = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

export const INVALID_TEXT_MESSAGE = "Please use ordinary letters, numbers and punctuation (no control characters).";

type TextRules = {
  max: number;
  min?: number;
  /** Notes and reasons: keeps line breaks (any of CR LF, CR, LF, U+2028 become LF) and tabs. */
  multiline?: boolean;
  /** Extra characters this field refuses, e.g. /[<>]/ in names. */
  refuse?: RegExp;
  messages?: { required?: string; tooShort?: string; tooLong?: string; invalid?: string };
};

function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER as never;
}

/**
 * Cleans what safeText would store, or returns null when the text carries something it refuses.
 * Single-line text also drops invisible characters and collapses runs of white space to one space,
 * so what is stored is exactly what people see (and what search compares).
 */
export function cleanText(raw: string, rules: Pick<TextRules, "multiline" | "refuse"> = {}): string | null {
  if (LONE_SURROGATE.test(raw)) return null;
  let value = raw;
  if (rules.multiline) {
    value = value.replace(/\r\n?|[\u2028\u2029]/g, "\n");
    if (CONTROL_EXCEPT_TAB_AND_NEWLINE.test(value)) return null;
    value = value.replace(DIRECTION_CONTROLS, "").replace(INVISIBLE_IN_PROSE, "");
  } else {
    if (CONTROL.test(value)) return null;
    value = value.replace(DIRECTION_CONTROLS, "").replace(INVISIBLE, "").replace(/\s+/g, " ");
  }
  if (rules.refuse?.test(value)) return null;
  return value.normalize("NFC").trim();
}

/** The one text type: trimmed, cleaned (see cleanText), with a length range. */
export function safeText(rules: TextRules) {
  const messages = rules.messages ?? {};
  const min = rules.min ?? 0;
  return z.string({ error: messages.required ?? "Please enter some text." }).transform((raw, ctx) => {
    const value = cleanText(raw, rules);
    if (value === null) return refuse(ctx, messages.invalid ?? INVALID_TEXT_MESSAGE);
    if (value.length < min) return refuse(ctx, value.length === 0 ? (messages.required ?? "Please enter some text.") : (messages.tooShort ?? `Please enter at least ${min} characters.`));
    if (value.length > rules.max) return refuse(ctx, messages.tooLong ?? `Please keep it under ${rules.max} characters.`);
    return value;
  });
}

/** A person's name as it is stored and shown everywhere (diary, emails, invites, search). */
export function personName(messages: TextRules["messages"] & { max?: number } = {}) {
  return safeText({
    min: 2,
    max: messages.max ?? 120,
    refuse: /[<>]/,
    messages: {
      required: "Please enter a name.",
      tooShort: "Please enter a name.",
      tooLong: `Please keep the name under ${messages.max ?? 120} characters.`,
      invalid: "Please use letters, spaces, hyphens and apostrophes only.",
      ...messages,
    },
  });
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const YEAR_MESSAGE = `Please choose a date between ${FIRST_YEAR} and ${LAST_YEAR}.`;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * The one instant type: ISO 8601 with a zone (`Z` or `+01:00`), a real calendar date and clock
 * time, in FIRST_YEAR..LAST_YEAR; parsed to a Date.
 */
export function instant(message = "Please choose a time.") {
  return z.string({ error: message }).transform((raw, ctx): Date => {
    const value = raw.trim();
    const match = value.length <= 40 ? INSTANT.exec(value) : null;
    if (!match) return refuse(ctx, message);
    const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
    if (!isCalendarDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59) {
      return refuse(ctx, "That date or time does not exist.");
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return refuse(ctx, message);
    if (year! < FIRST_YEAR || year! > LAST_YEAR || date.getUTCFullYear() < FIRST_YEAR || date.getUTCFullYear() > LAST_YEAR) return refuse(ctx, YEAR_MESSAGE);
    return date;
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date `YYYY-MM-DD` in FIRST_YEAR..LAST_YEAR. */
export function isLondonDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return year >= FIRST_YEAR && year <= LAST_YEAR && isCalendarDate(year, month, day);
}

/** The one London calendar date type: `YYYY-MM-DD`, a real date, FIRST_YEAR..LAST_YEAR. */
export function londonDate(message = "Please give a date as YYYY-MM-DD.") {
  return z.string({ error: message }).transform((raw, ctx): string => {
    const value = raw.trim();
    const match = DATE.exec(value);
    if (!match) return refuse(ctx, message);
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    if (!isCalendarDate(year, month, day)) return refuse(ctx, "That date does not exist.");
    if (year < FIRST_YEAR || year > LAST_YEAR) return refuse(ctx, YEAR_MESSAGE);
    return value;
  });
}

/**
 * A path segment naming a record (`[id]`, `[slug]`, `[token]`): the unreserved URL characters only.
 * Anything else cannot name a record, so routes answer 404 for it without asking the database.
 */
export const PATH_SEGMENT = /^[A-Za-z0-9._~-]{1,200}$/;
export const pathSegment = z.string().regex(PATH_SEGMENT, "Not found.");

/** Turns zod issues into `{ field: message }`, first message per field, dotted paths (`patient.email`). */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
