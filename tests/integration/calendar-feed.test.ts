import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import type pg from "pg";
import { GET as getFeedRoute } from "@/app/calendar/[token]/route";
import { getCalendarFeed, revokeCalendarFeed, rotateCalendarFeed } from "@/lib/calendar/feed";
import { cancelBookingByStaff, confirmBooking, createPhoneBooking } from "@/lib/bookings/staff";
import { at, resetDiary, testPool, upcoming } from "../support/fixtures";
import { calendarLines, parseCalendar } from "../support/ics";
import { loadStaff } from "../support/staff";

let pool: pg.Pool;
let staff: Awaited<ReturnType<typeof loadStaff>>;
beforeAll(async () => {
  pool = testPool();
  staff = await loadStaff(pool);
});
afterAll(async () => {
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
});

const tokenOf = (url: string) => new URL(url).pathname.replace("/calendar/", "").replace(/\.ics$/, "");

describe("private calendar feeds", () => {
  it("serve a practitioner's live bookings as valid ICS without patient contact details", async () => {
    const date = upcoming(1);
    const patient = { name: "Feed Patient", email: "feed.patient@example.com", phone: "07700 900555" };
    const kept = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "10:00")), patient, notifyPatient: false }, new Date());
    const gone = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "11:00")), patient, notifyPatient: false }, new Date());
    await cancelBookingByStaff(staff.reception, gone.ok ? gone.data.booking.id : "", { notifyPatient: false });
    await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "hannah", start: new Date(at(upcoming(2), "10:00")), patient, notifyPatient: false }, new Date());

    const link = await rotateCalendarFeed(staff.sally, "sally");
    expect(link.ok).toBe(true);
    const url = link.ok ? link.data.url : "";
    expect(url).toMatch(/^http:\/\/localhost:3999\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const response = await getFeedRoute(new Request(url), { params: Promise.resolve({ token: `${tokenOf(url)}.ics` }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await response.text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue("uid")).toBe(`${kept.ok ? kept.data.booking.id : ""}@victoriahouse.booking`);
    expect((events[0]!.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe(at(date, "10:00"));
    expect(text).not.toMatch(/Feed Patient|feed\.patient|900555/);
  });

  it("can be replaced and turned off; a practitioner cannot touch another's feed", async () => {
    const first = await rotateCalendarFeed(staff.reception, "hannah");
    const second = await rotateCalendarFeed(staff.hannah, "hannah");
    const firstToken = tokenOf(first.ok ? first.data.url : "");
    const secondToken = tokenOf(second.ok ? second.data.url : "");
    expect(await getCalendarFeed(firstToken, new Date())).toBeNull();
    expect(await getCalendarFeed(secondToken, new Date())).toMatch(/^BEGIN:VCALENDAR/);
    expect(await rotateCalendarFeed(staff.sally, "hannah")).toMatchObject({ ok: false, code: "not_found" });
    await revokeCalendarFeed(staff.hannah, "hannah");
    expect(await getCalendarFeed(secondToken, new Date())).toBeNull();
    const response = await getFeedRoute(new Request("http://localhost:3999/calendar/x.ics"), { params: Promise.resolve({ token: `${secondToken}.ics` }) });
    expect(response.status).toBe(404);
  });

  it("shows a confirmed booking's current sequence, so phones update moved bookings", async () => {
    const date = upcoming(1);
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "14:00")), patient: { name: "Seq Patient", email: "seq@example.com", phone: "07700 900556" }, notifyPatient: false }, new Date());
    expect(await confirmBooking(staff.sally, made.ok ? made.data.booking.id : "")).toMatchObject({ ok: true });
    const link = await rotateCalendarFeed(staff.sally, "sally");
    const text = (await getCalendarFeed(tokenOf(link.ok ? link.data.url : ""), new Date()))!;
    expect(text).toMatch(/SEQUENCE:0/);
    expect(text).toMatch(/STATUS:CONFIRMED/);
  });

  it("stays valid with a lone carriage return or quotes in a stored service name (written before names were checked)", async () => {
    const date = upcoming(1);
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "10:00")), patient: { name: "Feed CR", email: "feed.cr@example.com", phone: "07700 900557" }, notifyPatient: false }, new Date());
    expect(made.ok).toBe(true);
    await pool.query(`UPDATE "Service" SET name = $1 WHERE slug = 'consultation'`, ['Consult\rSTATUS:CANCELLED;X="y",z\\'] );
    try {
      const link = await rotateCalendarFeed(staff.sally, "sally");
      const text = (await getCalendarFeed(tokenOf(link.ok ? link.data.url : ""), new Date()))!;
      calendarLines(text);
      const [event] = parseCalendar(text).getAllSubcomponents("vevent");
      expect(event!.getAllProperties("status").map((p) => p.getFirstValue())).toEqual(["CONFIRMED"]);
      expect(event!.getFirstPropertyValue("summary")).toMatch(/^Consult\nSTATUS:CANCELLED;X="y",z\\ \(VH-[A-Z0-9]{5}\)$/);
    } finally {
      await pool.query(`UPDATE "Service" SET name = 'Free consultation' WHERE slug = 'consultation'`);
    }
  });
});
