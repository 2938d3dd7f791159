import ICAL from "ical.js";

/** Parses an RFC 5545 document strictly enough for tests: throws on malformed input. */
export function parseInvite(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT in the calendar");
  const get = (name: string) => event.getFirstPropertyValue(name);
  const time = (name: string) => (get(name) as ICAL.Time).toJSDate().toISOString();
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
  };
}
