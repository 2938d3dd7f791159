/**
 * RFC 5545 calendar files: the patients' invites and the practitioners' feeds (lib/calendar/feed.ts).
 *
 * Written here rather than with the `ics` package, which quotes `"` inside a parameter as `\"` (not
 * RFC 5545: a strict client then reads the rest of a name as more parameters), lets a lone CR
 * through and folds by characters rather than octets. The rules, for any text:
 * - TEXT values escape `\`, `;`, `,` and line breaks (CR LF, CR or LF become `\n`); other control
 *   characters, which TEXT may not hold, are left out;
 * - parameter values are always quoted, with RFC 6868's `^'` for `"`, `^n` for a line break and
 *   `^^` for `^`; control characters are left out;
 * - a calendar address is `mailto:` and the address with everything but plain address characters
 *   percent-encoded;
 * - lines are folded at 75 octets (CRLF and a space), never inside a UTF-8 sequence, and every
 *   line ends in CRLF.
 * The UID of an invite is the booking's id, stable for its whole life, so a moved booking updates
 * the same calendar entry (higher SEQUENCE) and a cancellation removes it (METHOD:CANCEL).
 */
export type InviteInput = {
  bookingId: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** DTSTAMP: when this version of the invite was written. */
  stamp?: Date;
};

export type FeedEvent = { uid: string; sequence: number; start: Date; end: Date; title: string; status: "TENTATIVE" | "CONFIRMED" | "CANCELLED"; stamp: Date };

const PRODUCT_ID = "-//Victoria House Clinic//Booking//EN";

export function bookingInviteUid(bookingId: string): string {
  return `${bookingId}@victoriahouse.booking`;
}

// Control characters other than the tab: TEXT and parameter values may not carry them.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/** A TEXT value (RFC 5545 section 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, "\\n");
}

/** A quoted parameter value (RFC 5545 section 3.2, RFC 6868 for `"`, line breaks and `^`). */
export function quoteParameter(value: string): string {
  const escaped = value
    .replace(/\r\n?/g, "\n")
    .replace(/\^/g, "^^")
    .replace(/"/g, "^'")
    .replace(/\n/g, "^n")
    .replace(CONTROL, "");
  return `"${escaped}"`;
}

const encoder = new TextEncoder();

/** A CAL-ADDRESS value: everything but plain address characters percent-encoded (UTF-8). */
export function mailtoAddress(email: string): string {
  const encoded = Array.from(email)
    .map((ch) => {
      if (/^[A-Za-z0-9.!$&'*+=^_`{|}~@-]$/.test(ch)) return ch;
      return Array.from(encoder.encode(ch), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    })
    .join("");
  return `mailto:${encoded}`;
}

/** Folds a content line at 75 octets without splitting a character (RFC 5545 section 3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** 20270330T080000Z */
function utcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

type Line = [name: string, value: string] | [name: string, parameters: [string, string][], value: string];

function render(lines: Line[]): string {
  return lines
    .map((line) => {
      const [name, ...rest] = line;
      const value = rest.length === 1 ? (rest[0] as string) : (rest[1] as string);
      const parameters = rest.length === 1 ? [] : (rest[0] as [string, string][]);
      return foldLine(`${name}${parameters.map(([key, v]) => `;${key}=${v}`).join("")}:${value}`);
    })
    .map((line) => `${line}\r\n`)
    .join("");
}

export function buildBookingInvite(input: InviteInput): string {
  return render([
    ["BEGIN", "VCALENDAR"],
    ["VERSION", "2.0"],
    ["PRODID", escapeText(PRODUCT_ID)],
    ["CALSCALE", "GREGORIAN"],
    ["METHOD", input.method],
    ["BEGIN", "VEVENT"],
    ["UID", escapeText(bookingInviteUid(input.bookingId))],
    ["SEQUENCE", String(Math.max(0, Math.trunc(input.sequence)))],
    ["DTSTAMP", utcDateTime(input.stamp ?? new Date())],
    ["DTSTART", utcDateTime(input.start)],
    ["DTEND", utcDateTime(input.end)],
    ["SUMMARY", escapeText(input.title)],
    ["DESCRIPTION", escapeText(input.description)],
    ["LOCATION", escapeText(input.location)],
    ["STATUS", input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"],
    ["ORGANIZER", [["CN", quoteParameter(input.organizer.name)]], mailtoAddress(input.organizer.email)],
    [
      "ATTENDEE",
      [
        ["CN", quoteParameter(input.attendee.name)],
        ["ROLE", "REQ-PARTICIPANT"],
        ["PARTSTAT", "ACCEPTED"],
        ["RSVP", "FALSE"],
      ],
      mailtoAddress(input.attendee.email),
    ],
    ["END", "VEVENT"],
    ["END", "VCALENDAR"],
  ]);
}

/** A read-only subscription feed (METHOD:PUBLISH) with the calendar's name. */
export function buildCalendarFeed(input: { name: string; events: FeedEvent[] }): string {
  return render([
    ["BEGIN", "VCALENDAR"],
    ["VERSION", "2.0"],
    ["PRODID", escapeText(PRODUCT_ID)],
    ["CALSCALE", "GREGORIAN"],
    ["METHOD", "PUBLISH"],
    ["X-WR-CALNAME", escapeText(input.name)],
    ["X-PUBLISHED-TTL", "PT1H"],
    ...input.events.flatMap((event): Line[] => [
      ["BEGIN", "VEVENT"],
      ["UID", escapeText(event.uid)],
      ["SEQUENCE", String(Math.max(0, Math.trunc(event.sequence)))],
      ["DTSTAMP", utcDateTime(event.stamp)],
      ["DTSTART", utcDateTime(event.start)],
      ["DTEND", utcDateTime(event.end)],
      ["SUMMARY", escapeText(event.title)],
      ["STATUS", event.status],
      ["END", "VEVENT"],
    ]),
    ["END", "VCALENDAR"],
  ]);
}
