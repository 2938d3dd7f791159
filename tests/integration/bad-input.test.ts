import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { GET as getAvailability } from "@/app/api/availability/route";
import { POST as postBooking } from "@/app/api/bookings/route";
import { POST as postCancel } from "@/app/api/manage/[token]/cancel/route";
import { GET as getManage } from "@/app/api/manage/[token]/route";
import { GET as getFeed } from "@/app/calendar/[token]/route";
import { GET as getStaffBooking } from "@/app/api/staff/bookings/[id]/route";
import { POST as postNotes } from "@/app/api/staff/bookings/[id]/notes/route";
import { POST as postConfirm } from "@/app/api/staff/bookings/[id]/confirm/route";
import { GET as listStaffBookings, POST as postPhoneBooking } from "@/app/api/staff/bookings/route";
import { GET as searchPatients } from "@/app/api/staff/patients/route";
import { POST as postTimeOff } from "@/app/api/staff/schedule/[slug]/time-off/route";
import { PUT as putWeekly } from "@/app/api/staff/schedule/[slug]/weekly/route";
import { PATCH as patchService } from "@/app/api/staff/admin/services/[slug]/route";
import { at, bookingBody, resetDiary, testPool, upcoming } from "../support/fixtures";
import { paramsOf, routeRequest, sessionCookieFor } from "../support/session";

/**
 * Plain regression tests for each bad input of issue 8, against the route handlers themselves:
 * every one answers a 4xx with api.md's error body (field messages where a field is at fault) and
 * stores nothing, where each used to answer 500 or store something wrong.
 */
let pool: pg.Pool;
let reception: string;
let admin: string;

beforeAll(async () => {
  pool = testPool();
  reception = await sessionCookieFor(pool, "reception@clinic.example");
  admin = await sessionCookieFor(pool, "admin@clinic.example");
});
afterAll(async () => {
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
});

const count = async (table: string) => (await pool.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n as number;

async function expectError(response: Response, status: number, code: string): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  expect(response.status, `status of ${response.url}`).toBe(status);
  const body = await response.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/prisma|stack|invalid byte sequence|at .*\.js/i);
  return body.error;
}

async function book(overrides: Parameters<typeof bookingBody>[0] = {}) {
  const response = await postBooking(routeRequest("POST", "/api/bookings", { body: bookingBody({ start: at(upcoming(1), "10:00"), ...overrides }) }));
  expect(response.status).toBe(201);
  const created = await response.json();
  const id = (await pool.query(`SELECT id FROM "Booking" WHERE reference = $1`, [created.booking.reference])).rows[0].id as string;
  return { id, token: new URL(created.manageUrl).pathname.split("/").pop()! };
}

describe("NUL bytes", () => {
  it("in a patient's name or notes: 400 with the field, nothing stored", async () => {
    const start = at(upcoming(1), "10:00");
    const name = await postBooking(routeRequest("POST", "/api/bookings", { body: { ...bookingBody({ start }), patient: { name: "Jo\u0000Bloggs", email: "jo@example.com", phone: "07700 900123" } } }));
    expect((await expectError(name, 400, "invalid_request")).fields).toHaveProperty("patient.name");
    const notes = await postBooking(routeRequest("POST", "/api/bookings", { body: { ...bookingBody({ start }), notes: "dark\u0000ink" } }));
    expect((await expectError(notes, 400, "invalid_request")).fields).toHaveProperty("notes");
    expect(await count("Booking")).toBe(0);
    expect(await count("Patient")).toBe(0);
  });

  it("in a cancel reason: 400, the booking stays", async () => {
    const { token } = await book();
    const response = await postCancel(routeRequest("POST", `/api/manage/${token}/cancel`, { body: { reason: "\u0000" } }), paramsOf({ token }));
    expect((await expectError(response, 400, "invalid_request")).fields).toHaveProperty("reason");
    expect((await pool.query(`SELECT status FROM "Booking"`)).rows[0].status).toBe("requested");
  });

  it("in staff notes, a search, an id or a practitioner slug: 400 or 404", async () => {
    const { id } = await book();
    const notes = await postNotes(routeRequest("POST", `/api/staff/bookings/${id}/notes`, { cookie: reception, body: { staffNotes: "x\u0000" } }), paramsOf({ id }));
    expect((await expectError(notes, 400, "invalid_request")).fields).toHaveProperty("staffNotes");
    expect((await pool.query(`SELECT "staffNotes" FROM "Booking"`)).rows[0].staffNotes).toBeNull();

    const search = await searchPatients(routeRequest("GET", "/api/staff/patients?q=%00%00", { cookie: reception }));
    expect((await expectError(search, 400, "invalid_request")).fields).toHaveProperty("q");

    await expectError(await getStaffBooking(routeRequest("GET", "/api/staff/bookings/x", { cookie: reception }), paramsOf({ id: `${id}\u0000` })), 404, "not_found");
    await expectError(await postConfirm(routeRequest("POST", "/api/staff/bookings/x/confirm", { cookie: reception }), paramsOf({ id: "\u0000" })), 404, "not_found");
    const weekly = await putWeekly(routeRequest("PUT", "/api/staff/schedule/x/weekly", { cookie: reception, body: { weekly: [] } }), paramsOf({ slug: "sally\u0000" }));
    await expectError(weekly, 404, "not_found");
    const list = await listStaffBookings(routeRequest("GET", `/api/staff/bookings?from=2027-01-01&to=2027-01-02&practitioner=sally%00`, { cookie: reception }));
    expect((await expectError(list, 400, "invalid_request")).fields).toHaveProperty("practitioner");
  });
});

describe("years out of range and impossible dates", () => {
  it("availability and staff lists for 9999-12: 400 with the field", async () => {
    const availability = await getAvailability(routeRequest("GET", "/api/availability?service=consultation&practitioner=any&from=9999-12-01&to=9999-12-31"));
    expect((await expectError(availability, 400, "invalid_request")).fields).toHaveProperty("from");
    const list = await listStaffBookings(routeRequest("GET", "/api/staff/bookings?from=9999-12-01&to=9999-12-31", { cookie: reception }));
    expect((await expectError(list, 400, "invalid_request")).fields).toHaveProperty("from");
  });

  it("a booking at 9999-12-31 or 0000-01-03: 400", async () => {
    for (const start of ["9999-12-31T10:00:00Z", "0000-01-03T10:00:00Z"]) {
      const response = await postBooking(routeRequest("POST", "/api/bookings", { body: bookingBody({ start }) }));
      expect((await expectError(response, 400, "invalid_request")).fields).toHaveProperty("start");
    }
    expect(await count("Booking")).toBe(0);
  });

  it("a phone booking or time off on 30 February: 400, never stored as 2 March", async () => {
    const phone = await postPhoneBooking(routeRequest("POST", "/api/staff/bookings", { cookie: reception, body: { ...bookingBody({ start: "2027-02-30T11:00:00Z" }), notifyPatient: false } }));
    expect((await expectError(phone, 400, "invalid_request")).fields).toEqual({ start: "That date or time does not exist." });
    const timeOff = await postTimeOff(routeRequest("POST", "/api/staff/schedule/sally/time-off", { cookie: reception, body: { start: "2027-02-30T11:00:00Z", end: "2027-03-03T11:00:00Z" } }), paramsOf({ slug: "sally" }));
    expect((await expectError(timeOff, 400, "invalid_request")).fields).toHaveProperty("start");
    expect(await count("Booking")).toBe(0);
    expect(await count("TimeOff")).toBe(0);
  });

  it("time off with start 'abc' or month 13: 400, not a crash in the end-after-start check", async () => {
    for (const body of [{ start: "abc", end: "2027-03-03T11:00:00Z" }, { start: "2027-13-01T09:00:00Z", end: "2027-13-01T17:00:00Z" }]) {
      const response = await postTimeOff(routeRequest("POST", "/api/staff/schedule/sally/time-off", { cookie: reception, body }), paramsOf({ slug: "sally" }));
      expect((await expectError(response, 400, "invalid_request")).fields).toHaveProperty("start");
    }
    expect(await count("TimeOff")).toBe(0);
  });
});

describe("malformed path segments", () => {
  it("/api/manage/%ZZ and /calendar/%ZZ.ics (as Next passes them, undecoded) answer 404", async () => {
    await expectError(await getManage(routeRequest("GET", "/api/manage/%25ZZ"), paramsOf({ token: "%ZZ" })), 404, "not_found");
    await expectError(await getFeed(routeRequest("GET", "/calendar/%25ZZ.ics"), paramsOf({ token: "%ZZ.ics" })), 404, "not_found");
  });
});

describe("the JSON reader", () => {
  const big = JSON.stringify({ ...bookingBody({ start: at(upcoming(1), "10:00") }), notes: "x".repeat(70 * 1024) });

  it("answers 413 payload_too_large for a body over 64 KiB, declared or streamed", async () => {
    const declared = await postBooking(routeRequest("POST", "/api/bookings", { body: big, headers: { "content-length": String(Buffer.byteLength(big)) } }));
    await expectError(declared, 413, "payload_too_large");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"notes":"' : "x".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await postBooking(new Request("http://localhost:3999/api/bookings", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit));
    await expectError(streamed, 413, "payload_too_large");
    expect(await count("Booking")).toBe(0);
  });

  it("takes exactly application/json, with parameters such as charset", async () => {
    const body = JSON.stringify(bookingBody({ start: at(upcoming(1), "10:00") }));
    const plain = await postBooking(routeRequest("POST", "/api/bookings", { body, headers: { "content-type": "text/plain; x=application/json" } }));
    await expectError(plain, 400, "invalid_request");
    const charset = await postBooking(routeRequest("POST", "/api/bookings", { body, headers: { "content-type": "Application/JSON; charset=utf-8" } }));
    expect(charset.status).toBe(201);
  });
});

describe("staff writes", () => {
  it("need exactly application/json (a substring match let text/plain;application/json through)", async () => {
    const { id } = await book();
    for (const type of ["text/plain;application/json", "text/plain; x=application/json", "application/jsonx", "multipart/form-data; boundary=application/json"]) {
      const response = await postNotes(routeRequest("POST", `/api/staff/bookings/${id}/notes`, { cookie: reception, body: JSON.stringify({ staffNotes: "forged" }), headers: { "content-type": type } }), paramsOf({ id }));
      await expectError(response, 400, "invalid_request");
    }
    expect((await pool.query(`SELECT "staffNotes" FROM "Booking"`)).rows[0].staffNotes).toBeNull();
    const ok = await postNotes(routeRequest("POST", `/api/staff/bookings/${id}/notes`, { cookie: reception, body: { staffNotes: "Fine" }, headers: { "content-type": "application/json; charset=UTF-8" } }), paramsOf({ id }));
    expect(ok.status).toBe(200);
  });

  it("with an Origin must come from APP_URL's scheme, host and port", async () => {
    const { id } = await book();
    const appUrl = new URL(process.env.APP_URL!);
    const foreign = [`https://${appUrl.host}`, `${appUrl.protocol}//${appUrl.hostname}:1`, "http://evil.example", "null", "not a url"];
    for (const origin of foreign) {
      const response = await postConfirm(routeRequest("POST", `/api/staff/bookings/${id}/confirm`, { cookie: reception, headers: { origin } }), paramsOf({ id }));
      await expectError(response, 403, "forbidden");
    }
    const crossSite = await postConfirm(routeRequest("POST", `/api/staff/bookings/${id}/confirm`, { cookie: reception, headers: { "sec-fetch-site": "cross-site" } }), paramsOf({ id }));
    await expectError(crossSite, 403, "forbidden");
    expect((await pool.query(`SELECT status FROM "Booking"`)).rows[0].status).toBe("requested");
    const same = await postConfirm(routeRequest("POST", `/api/staff/bookings/${id}/confirm`, { cookie: reception, headers: { origin: appUrl.origin, "sec-fetch-site": "same-origin" } }), paramsOf({ id }));
    expect(same.status).toBe(200);
  });

  it("a service name with a lone carriage return is refused (it used to reach the calendar feed)", async () => {
    const response = await patchService(routeRequest("PATCH", "/api/staff/admin/services/consultation", { cookie: admin, body: { name: "Consultation\rSTATUS:CANCELLED" } }), paramsOf({ slug: "consultation" }));
    expect((await expectError(response, 400, "invalid_request")).fields).toHaveProperty("name");
    expect((await pool.query(`SELECT name FROM "Service" WHERE slug = 'consultation'`)).rows[0].name).toBe("Free consultation");
  });
});
