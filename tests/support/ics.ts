import ICAL from "ical.js";

/**
 * ical.js reads two things differently from RFC 5545, so tests tell it the standard's rules:
 * parameter values (CN=...) are plain text without backslash escapes (ical.js applies TEXT
 * unescaping to them), and X-WR-CALNAME, the calendar name Apple and Google read, is TEXT.
 */
const design = ICAL.design.icalendar as unknown as { param: Record<string, unknown>; property: Record<string, unknown> };
design.param.cn = { valueType: "param-value" };
design.property["x-wr-calname"] = { defaultType: "text" };

/** Parses an RFC 5545 document strictly enough for tests: throws on malformed input. */
export function parseCalendar(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/** The physical lines of a calendar file, after checking its framing: CRLF ends, 75 octets at most. */
export function calendarLines(text: string): string[] {
  if (!text.endsWith("\r\n")) throw new Error("the calendar does not end with CRLF");
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) {
    if (/[\r\n]/.test(line)) throw new Error(`a bare CR or LF inside a line: ${JSON.stringify(line)}`);
    if (new TextEncoder().encode(line).length > 75) throw new Error(`a line longer than 75 octets: ${JSON.stringify(line)}`);
  }
  return lines;
}

export function parseInvite(text: string) {
  calendarLines(text);
  const calendar = parseCalendar(text);
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT in the calendar");
  const get = (name: string) => event.getFirstPropertyValue(name);
  const time = (name: string) => (get(name) as ICAL.Time).toJSDate().toISOString();
  const attendee = event.getFirstProperty("attendee");
  return {
    method: calendar.getFirstPropertyValue("method") as string,
    version: calendar.getFirstPropertyValue("version") as string,
    prodId: calendar.getFirstPropertyValue("prodid") as string,
    uid: get("uid") as string,
    sequence: Number(get("sequence")),
    status: get("status") as string,
    start: time("dtstart"),
    end: time("dtend"),
    dtstamp: get("dtstamp"),
    summary: get("summary") as string,
    attendee: attendee ? { name: attendee.getParameter("cn") as string | undefined, address: String(attendee.getFirstValue()) } : null,
  };
}
