import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { buildBookingInvite, buildCalendarFeed, type InviteInput } from "@/lib/email/ics";
import { FUZZ_SEED } from "../support/fuzz-seed";
import { calendarLines, parseCalendar } from "../support/ics";

/**
 * Calendar files must stay correct for any text a patient or the admin can type: a value never
 * adds a property or a parameter, comes back unchanged from a strict parser (ical.js), and the file
 * keeps RFC 5545's framing (CRLF line ends, lines of at most 75 octets).
 */
const NASTY = [
  'Han";ROLE=CHAIR;X=":mailto:other@x',
  "a;b,c\\d:e",
  "line one\r\nline two\rlone CR\nLF",
  "BEGIN:VEVENT\r\nEND:VEVENT",
  "\r\nATTENDEE:mailto:evil@example.com",
  "tab\there",
  "caret ^ and ^n and ^'",
  "Zoë Ångström 😀 عربى 中文",
  "NUL\u0000 and ESC\u001b and DEL\u007f",
  "é".repeat(100),
];
const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", maxLength: 120 }), fc.string({ unit: "binary", maxLength: 120 }), fc.string({ maxLength: 300 }));

/** What a value becomes: line breaks as LF, control characters other than tab and LF left out. */
const normalised = (value: string) => value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");

function parse(ics: string) {
  calendarLines(ics);
  return parseCalendar(ics);
}

const invite = (overrides: Partial<InviteInput> = {}): InviteInput => ({
  bookingId: "cm0booking",
  sequence: 1,
  method: "REQUEST",
  start: new Date("2027-03-30T08:00:00Z"),
  end: new Date("2027-03-30T08:30:00Z"),
  title: "Free consultation at Victoria House Clinic",
  description: "Booking reference VH-ABCDE.",
  location: "Victoria House Clinic, 1 Road, Sutton Coldfield",
  organizer: { name: "Victoria House Clinic", email: "hello@victoriahouse.example" },
  attendee: { name: "Jo Bloggs", email: "jo@example.com" },
  stamp: new Date("2027-03-01T12:00:00Z"),
  ...overrides,
});

const EVENT_PROPERTIES = ["uid", "sequence", "dtstamp", "dtstart", "dtend", "summary", "description", "location", "status", "organizer", "attendee"].sort();

describe("booking invites", () => {
  test("a double quote in the patient's name adds no parameter and changes no address", () => {
    const ics = buildBookingInvite(invite({ attendee: { name: 'Han";ROLE=CHAIR;X=":mailto:other@x', email: "jo@example.com" } }));
    const attendee = parse(ics).getFirstSubcomponent("vevent")!.getFirstProperty("attendee")!;
    expect(attendee.getParameter("cn")).toBe('Han";ROLE=CHAIR;X=":mailto:other@x');
    expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");
    expect(attendee.getParameter("x")).toBeUndefined();
    expect(attendee.getFirstValue()).toBe("mailto:jo@example.com");
  });

  test("long and non-ASCII text is folded at 75 octets and unfolds to the same text", () => {
    const title = `Consultation ${"é".repeat(90)} ${"😀".repeat(30)}`;
    const ics = buildBookingInvite(invite({ title }));
    expect(calendarLines(ics).filter((line) => line.startsWith(" ")).length).toBeGreaterThan(2);
    expect(parse(ics).getFirstSubcomponent("vevent")!.getFirstPropertyValue("summary")).toBe(title);
  });

  test.prop({ title: text, description: text, location: text, organizer: text, attendee: text, email: fc.emailAddress() }, { seed: FUZZ_SEED, numRuns: 300 })(
    "any text stays inside its own value",
    ({ title, description, location, organizer, attendee, email }) => {
      const ics = buildBookingInvite(invite({ title, description, location, organizer: { name: organizer, email: "hello@victoriahouse.example" }, attendee: { name: attendee, email } }));
      const calendar = parse(ics);
      expect(calendar.getAllProperties().map((p) => p.name).sort()).toEqual(["calscale", "method", "prodid", "version"]);
      const events = calendar.getAllSubcomponents("vevent");
      expect(events).toHaveLength(1);
      const event = events[0]!;
      expect(event.getAllProperties().map((p) => p.name).sort()).toEqual(EVENT_PROPERTIES);
      expect(event.getFirstPropertyValue("summary")).toBe(normalised(title));
      expect(event.getFirstPropertyValue("description")).toBe(normalised(description));
      expect(event.getFirstPropertyValue("location")).toBe(normalised(location));
      const attendeeProperty = event.getFirstProperty("attendee")!;
      expect(Object.keys(attendeeProperty.toJSON()[1]).sort()).toEqual(["cn", "partstat", "role", "rsvp"]);
      expect(attendeeProperty.getParameter("cn")).toBe(normalised(attendee));
      expect(attendeeProperty.getParameter("role")).toBe("REQ-PARTICIPANT");
      expect(decodeURIComponent(String(attendeeProperty.getFirstValue()).replace(/^mailto:/, ""))).toBe(email);
      const organizerProperty = event.getFirstProperty("organizer")!;
      expect(Object.keys(organizerProperty.toJSON()[1])).toEqual(["cn"]);
      expect(organizerProperty.getParameter("cn")).toBe(normalised(organizer));
    },
  );

  test.prop({ address: fc.string({ maxLength: 60 }) }, { seed: FUZZ_SEED, numRuns: 200 })("any address stays one mailto value", ({ address }) => {
    const ics = buildBookingInvite(invite({ attendee: { name: "Jo", email: address } }));
    const value = String(parse(ics).getFirstSubcomponent("vevent")!.getFirstProperty("attendee")!.getFirstValue());
    expect(value).toMatch(/^mailto:[A-Za-z0-9.!$&'*+=^_`{|}~@%-]*$/);
  });
});

describe("calendar feeds", () => {
  test("a lone carriage return in a service name stays inside the summary", () => {
    const ics = buildCalendarFeed({
      name: "Sally's diary",
      events: [{ uid: "b1@victoriahouse.booking", sequence: 0, start: new Date("2027-03-30T08:00:00Z"), end: new Date("2027-03-30T08:30:00Z"), title: "Laser\rSTATUS:CANCELLED (VH-ABCDE)", status: "CONFIRMED", stamp: new Date("2027-03-01T12:00:00Z") }],
    });
    const event = parse(ics).getFirstSubcomponent("vevent")!;
    expect(event.getAllProperties("status").map((p) => p.getFirstValue())).toEqual(["CONFIRMED"]);
    expect(event.getFirstPropertyValue("summary")).toBe("Laser\nSTATUS:CANCELLED (VH-ABCDE)");
  });

  test.prop({ name: text, titles: fc.array(text, { minLength: 1, maxLength: 4 }) }, { seed: FUZZ_SEED, numRuns: 150 })("any names make the same events, one per booking", ({ name, titles }) => {
    const ics = buildCalendarFeed({
      name,
      events: titles.map((title, i) => ({ uid: `b${i}@victoriahouse.booking`, sequence: i, start: new Date(Date.UTC(2027, 2, 30, 8 + i)), end: new Date(Date.UTC(2027, 2, 30, 9 + i)), title, status: "TENTATIVE" as const, stamp: new Date("2027-03-01T12:00:00Z") })),
    });
    const calendar = parse(ics);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(normalised(name));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events.map((e) => e.getFirstPropertyValue("summary"))).toEqual(titles.map(normalised));
    for (const event of events) expect(event.getAllProperties().map((p) => p.name).sort()).toEqual(["dtend", "dtstamp", "dtstart", "sequence", "status", "summary", "uid"]);
  });
});
