import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { GET as getManage } from "@/app/api/manage/[token]/route";
import { updateClinicSettings } from "@/lib/admin";
import { createBookingRequest } from "@/lib/bookings/create";
import { cancelBookingByPatient, getManagedBooking, rescheduleBookingByPatient } from "@/lib/bookings/manage";
import { createPhoneBooking, declineBooking, getBookingForStaff, listBookingsForStaff } from "@/lib/bookings/staff";
import { createBookingSchema } from "@/lib/validation/booking";
import { at, bookingBody, jsonRequest, resetDiary, testPool, upcoming } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { loadStaff } from "../support/staff";

/**
 * The safeguards of api.md "Limits and safe defaults" that live in the booking domain: live
 * requests per patient, stored details a public request cannot change, manage links that stop
 * opening, and declining without an email. Every date is weeks ahead of today, on a weekday the
 * practitioner works, so the tests pass at any hour.
 */
let pool: pg.Pool;
let smtp: TestSmtpServer;
let staff: Awaited<ReturnType<typeof loadStaff>>;

beforeAll(async () => {
  pool = testPool();
  smtp = await startTestSmtpServer(Number(process.env.TEST_SMTP_PORT));
  staff = await loadStaff(pool);
});
afterAll(async () => {
  await updateClinicSettings({ maxLiveRequestsPerPatient: 2, manageLinkDaysAfter: 30 });
  await smtp.close();
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
});

const monday = () => upcoming(1, 21); // Sally works Mondays 09:00-17:00
const tokenOf = (manageUrl: string) => new URL(manageUrl).pathname.split("/").pop()!;

async function book(body: unknown) {
  const response = await postBooking(jsonRequest("/api/bookings", body));
  return { status: response.status, body: await response.json() };
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  return (await pool.query(`SELECT count(*)::int AS n FROM ${sql}`, values)).rows[0].n;
}

describe("live requests per patient", () => {
  it("allows maxLiveRequestsPerPatient (2) upcoming requests per email; one more is 409 request_limit_reached and stores nothing", async () => {
    const date = monday();
    expect((await book(bookingBody({ start: at(date, "09:00"), email: "many@example.com" }))).status).toBe(201);
    expect((await book(bookingBody({ start: at(date, "10:00"), email: "Many@Example.com" }))).status).toBe(201);
    const before = { bookings: await count(`"Booking"`), emails: await count(`"EmailMessage"`) };
    const third = await book(bookingBody({ start: at(date, "11:00"), email: "many@example.com", phone: "07700 900001" }));
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe("request_limit_reached");
    expect(third.body.error.message).toMatch(/call the clinic on 0121/);
    expect({ bookings: await count(`"Booking"`), emails: await count(`"EmailMessage"`) }).toEqual(before);
  });

  it("counts per phone number too, however it is written", async () => {
    const date = monday();
    expect((await book(bookingBody({ start: at(date, "09:00"), email: "a@example.com", phone: "07700 900555" }))).status).toBe(201);
    expect((await book(bookingBody({ start: at(date, "09:30"), email: "b@example.com", phone: "+44 7700 900555" }))).status).toBe(201);
    const third = await book(bookingBody({ start: at(date, "10:00"), email: "c@example.com", phone: "0044 (0)7700-900-555" }));
    expect(third).toMatchObject({ status: 409, body: { error: { code: "request_limit_reached" } } });
    expect((await book(bookingBody({ start: at(date, "10:00"), email: "c@example.com", phone: "07700 900556" }))).status).toBe(201);
  });

  it("counts only live, upcoming online requests: cancelled, declined, past and staff bookings leave room", async () => {
    const date = monday();
    const email = "returning@example.com";
    // Phone bookings by the front desk are not counted.
    for (const time of ["09:00", "09:30", "10:00"]) {
      const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, time)), patient: { name: "Rita Returning", email, phone: "07700 900777" }, notifyPatient: false }, new Date());
      expect(made.ok).toBe(true);
    }
    const first = await book(bookingBody({ start: at(date, "11:00"), email, phone: "07700 900777" }));
    const second = await book(bookingBody({ start: at(date, "11:30"), email, phone: "07700 900777" }));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await book(bookingBody({ start: at(date, "12:00"), email }))).status).toBe(409);

    // A cancelled request leaves room for another.
    await cancelBookingByPatient(tokenOf(first.body.manageUrl), {}, new Date());
    expect((await book(bookingBody({ start: at(date, "12:00"), email }))).status).toBe(201);
    // So does a declined one.
    const secondId = (await pool.query(`SELECT id FROM "Booking" WHERE reference = $1`, [second.body.booking.reference])).rows[0].id;
    await declineBooking(staff.reception, secondId, { notifyPatient: false });
    expect((await book(bookingBody({ start: at(date, "12:30"), email }))).status).toBe(201);
    expect((await book(bookingBody({ start: at(date, "14:00"), email }))).status).toBe(409);

    // Once those appointments are over, the patient may ask again (the domain takes `now`).
    const nextWeek = upcoming(1, 28);
    const afterThem = new Date(Date.parse(at(date, "18:00")));
    const later = await createBookingRequest(createBookingSchema.parse(bookingBody({ start: at(nextWeek, "10:00"), email })), { now: afterThem, actor: { type: "patient" } });
    expect(later.ok).toBe(true);
  });

  it("follows the stored setting", async () => {
    await updateClinicSettings({ maxLiveRequestsPerPatient: 3 });
    const date = monday();
    for (const time of ["09:00", "09:30", "10:00"]) expect((await book(bookingBody({ start: at(date, time), email: "three@example.com" }))).status).toBe(201);
    expect((await book(bookingBody({ start: at(date, "10:30"), email: "three@example.com" }))).status).toBe(409);
    await updateClinicSettings({ maxLiveRequestsPerPatient: 2 });
  });

  it("holds when one patient sends many requests at the same moment", async () => {
    const date = monday();
    const times = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];
    const results = await Promise.all(times.map((time) => book(bookingBody({ start: at(date, time), email: "burst@example.com" }))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === "request_limit_reached")).toHaveLength(4);
    expect(await count(`"Booking"`)).toBe(2);
  });
});

describe("a public request never changes a patient's stored details", () => {
  it("keeps the stored name and phone, keeps what the request said on its booking, and shows staff both", async () => {
    const date = monday();
    const original = await book(bookingBody({ start: at(date, "09:00"), email: "victim@example.com", name: "Vera Victim", phone: "07700 900111" }));
    expect(original.status).toBe(201);
    const other = await book(bookingBody({ start: at(date, "10:00"), email: "victim@example.com", name: "Someone Else", phone: "07700 900999" }));
    expect(other.status).toBe(201);

    const patient = (await pool.query(`SELECT name, phone FROM "Patient" WHERE email = 'victim@example.com'`)).rows;
    expect(patient).toEqual([{ name: "Vera Victim", phone: "07700 900111" }]);
    const contacts = (await pool.query(`SELECT reference, "contactName", "contactPhone", "contactPhoneKey" FROM "Booking" ORDER BY "startsAt"`)).rows;
    expect(contacts).toEqual([
      { reference: original.body.booking.reference, contactName: "Vera Victim", contactPhone: "07700 900111", contactPhoneKey: "07700900111" },
      { reference: other.body.booking.reference, contactName: "Someone Else", contactPhone: "07700 900999", contactPhoneKey: "07700900999" },
    ]);

    const listed = await listBookingsForStaff(staff.reception, { from: date, to: date });
    const bookings = listed.ok ? listed.data.bookings : [];
    const [first, second] = bookings;
    expect(first).toMatchObject({ patient: { name: "Vera Victim", email: "victim@example.com", phone: "07700 900111" } });
    expect(first).not.toHaveProperty("given");
    expect(second).toMatchObject({ patient: { name: "Vera Victim", phone: "07700 900111" }, given: { name: "Someone Else", phone: "07700 900999" } });
    expect((await getBookingForStaff(staff.reception, second!.id))?.booking.given).toEqual({ name: "Someone Else", phone: "07700 900999" });

    // The email for the second request greets the patient on record, not the sender's text.
    const email = (await pool.query(`SELECT "toName", "textBody" FROM "EmailMessage" WHERE "bookingId" = $1`, [second!.id])).rows[0];
    expect(email.toName).toBe("Vera Victim");
    expect(email.textBody).toContain("Dear Vera Victim");
    expect(email.textBody).not.toContain("Someone Else");
  });

  it("the same number written another way is not a difference", async () => {
    const date = monday();
    await book(bookingBody({ start: at(date, "09:00"), email: "same@example.com", name: "Sam Same", phone: "07700 900222" }));
    await book(bookingBody({ start: at(date, "09:30"), email: "same@example.com", name: "Sam Same", phone: "+44 7700 900222" }));
    const listed = await listBookingsForStaff(staff.reception, { from: date, to: date });
    expect(listed.ok && listed.data.bookings.map((b) => b.given)).toEqual([undefined, undefined]);
  });
});

describe("manage links stop opening manageLinkDaysAfter days after the appointment", () => {
  it("opens until 30 days after the end, then answers as an unknown link", async () => {
    const date = monday();
    const made = await book(bookingBody({ start: at(date, "09:00"), email: "old@example.com" }));
    const token = tokenOf(made.body.manageUrl);
    const end = Date.parse(at(date, "09:30"));
    const day = 86_400_000;
    expect(await getManagedBooking(token, new Date(end + 30 * day - 60_000))).not.toBeNull();
    expect(await getManagedBooking(token, new Date(end + 30 * day))).toBeNull();
    // Changes through the link are refused the same way (404, not "too late").
    expect(await cancelBookingByPatient(token, {}, new Date(end + 31 * day))).toMatchObject({ ok: false, code: "not_found" });
    expect(await rescheduleBookingByPatient(token, { start: new Date(at(upcoming(1, 35), "10:00")) }, new Date(end + 31 * day))).toMatchObject({ ok: false, code: "not_found" });

    await updateClinicSettings({ manageLinkDaysAfter: 1 });
    expect(await getManagedBooking(token, new Date(end + 2 * day))).toBeNull();
    await updateClinicSettings({ manageLinkDaysAfter: 30 });
  });

  it("GET /api/manage/{token} answers 404 for an appointment that ended more than 30 days ago", async () => {
    const made = await book(bookingBody({ start: at(monday(), "09:00"), email: "past@example.com" }));
    const token = tokenOf(made.body.manageUrl);
    const params = { params: Promise.resolve({ token }) };
    expect((await getManage(new Request("http://localhost:3999"), params)).status).toBe(200);
    // The same booking, as if it had taken place 31 days ago.
    await pool.query(`UPDATE "Booking" SET "startsAt" = now() - interval '31 days', "endsAt" = now() - interval '31 days' + interval '30 minutes'`);
    const gone = await getManage(new Request("http://localhost:3999"), params);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe("not_found");
  });
});

describe("decline without email", () => {
  it("notifyPatient: false declines and sends nothing; the default tells the patient", async () => {
    const date = monday();
    const quiet = await book(bookingBody({ start: at(date, "09:00"), email: "spam1@example.com" }));
    const told = await book(bookingBody({ start: at(date, "09:30"), email: "real@example.com" }));
    const idOf = async (reference: string) => (await pool.query(`SELECT id FROM "Booking" WHERE reference = $1`, [reference])).rows[0].id as string;
    const kinds = async (id: string) => (await pool.query(`SELECT kind FROM "EmailMessage" WHERE "bookingId" = $1 ORDER BY "createdAt"`, [id])).rows.map((r) => r.kind);

    const quietId = await idOf(quiet.body.booking.reference);
    expect(await declineBooking(staff.reception, quietId, { notifyPatient: false })).toMatchObject({ ok: true, data: { booking: { status: "declined" } } });
    expect(await kinds(quietId)).toEqual(["acknowledgement"]);

    const toldId = await idOf(told.body.booking.reference);
    expect(await declineBooking(staff.reception, toldId, {})).toMatchObject({ ok: true });
    expect(await kinds(toldId)).toEqual(["acknowledgement", "declined"]);
  });
});
