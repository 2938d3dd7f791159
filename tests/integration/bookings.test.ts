import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { GET as getAvailabilityRoute } from "@/app/api/availability/route";
import { POST as postBooking } from "@/app/api/bookings/route";
import { GET as getManage } from "@/app/api/manage/[token]/route";
import { POST as postCancel } from "@/app/api/manage/[token]/cancel/route";
import { POST as postReschedule } from "@/app/api/manage/[token]/reschedule/route";
import { GET as getServicesRoute } from "@/app/api/services/route";
import { GET as getPractitionersRoute } from "@/app/api/practitioners/route";
import { rescheduleBookingByPatient, cancelBookingByPatient } from "@/lib/bookings/manage";
import { deliverDueEmails } from "@/lib/email/delivery";
import { at, bookingBody, jsonRequest, resetDiary, testPool, upcoming } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";

let pool: pg.Pool;
let smtp: TestSmtpServer;

beforeAll(async () => {
  pool = testPool();
  smtp = await startTestSmtpServer(Number(process.env.TEST_SMTP_PORT));
});
afterAll(async () => {
  await smtp.close();
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
  smtp.messages.length = 0;
});

const monday = () => upcoming(1); // Sally works Mondays 09:00-17:00
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const tokenOf = (manageUrl: string) => new URL(manageUrl).pathname.split("/").pop()!;
const params = (token: string) => ({ params: Promise.resolve({ token }) });

async function book(body: unknown, headers: Record<string, string> = {}) {
  const response = await postBooking(jsonRequest("/api/bookings", body, headers));
  return { status: response.status, body: await response.json() };
}

async function availability(query: Record<string, string>) {
  const response = await getAvailabilityRoute(new Request(`http://localhost:3999/api/availability?${new URLSearchParams(query)}`));
  return { status: response.status, body: await response.json() };
}

async function countRows(table: string): Promise<number> {
  const result = await pool.query(`SELECT count(*)::int AS n FROM "${table}"`);
  return result.rows[0].n;
}

describe("public catalogue", () => {
  it("lists services with consultation bookable online, and Sally and Hannah", async () => {
    const services = await (await getServicesRoute(new Request("http://localhost:3999/api/services"))).json();
    expect(services.services).toEqual(
      expect.arrayContaining([
        { slug: "consultation", name: "Free consultation", durationMinutes: 30, priceFromPence: 0, bookableOnline: true },
        expect.objectContaining({ slug: "laser-small-area", priceFromPence: 10_000, bookableOnline: false }),
        expect.objectContaining({ slug: "laser-full-scalp", priceFromPence: 25_000, bookableOnline: false }),
      ]),
    );
    const practitioners = await (await getPractitionersRoute(new Request("http://localhost:3999/api/practitioners"))).json();
    expect(practitioners.practitioners.map((p: { slug: string }) => p.slug)).toEqual(["sally", "hannah"]);
  });
});

describe("GET /api/availability", () => {
  it("returns sorted free slots in the working hours, minus bookings", async () => {
    const date = monday();
    const before = await availability({ service: "consultation", practitioner: "sally", from: date, to: date });
    expect(before.status).toBe(200);
    expect(before.body.timeZone).toBe("Europe/London");
    expect(before.body.slots[0]).toEqual({ start: at(date, "09:00"), end: at(date, "09:30"), practitioner: "sally" });
    // 09:00-17:00 minus the 13:00-13:30 lunch break: 15 half-hour slots.
    expect(before.body.slots).toHaveLength(15);
    expect((await book(bookingBody({ start: at(date, "10:00") }))).status).toBe(201);
    const after = await availability({ service: "consultation", practitioner: "sally", from: date, to: date });
    expect(after.body.slots.map((s: { start: string }) => s.start)).not.toContain(at(date, "10:00"));
    expect(after.body.slots).toHaveLength(14);
  });

  it("answers 400 with field messages for bad queries, never 500", async () => {
    for (const query of [
      {},
      { service: "consultation", practitioner: "any", from: "2027-01-01", to: "2027-06-01" },
      { service: "consultation", practitioner: "any", from: "yesterday", to: "2027-01-01" },
      { service: "laser-full-scalp", practitioner: "any", from: "2027-01-01", to: "2027-01-02" },
      { service: "consultation", practitioner: "bob", from: "2027-01-01", to: "2027-01-02" },
    ]) {
      const result = await availability(query as Record<string, string>);
      expect(result.status, JSON.stringify(query)).toBe(400);
      expect(result.body.error.code).toBe("invalid_request");
      expect(result.body.error.fields).toBeTruthy();
    }
  });
});

describe("POST /api/bookings", () => {
  it("creates a held request, an audit event and an acknowledgement email with the manage link", async () => {
    const date = monday();
    const result = await book(bookingBody({ start: at(date, "11:00"), email: "Pat@Example.com" }));
    expect(result.status).toBe(201);
    expect(result.body.booking).toMatchObject({ status: "requested", start: at(date, "11:00"), end: at(date, "11:30"), practitioner: "sally", service: "consultation" });
    expect(result.body.booking.reference).toMatch(/^VH-[2-9A-HJKMNP-TV-Z]{5}$/);
    expect(result.body.manageUrl).toMatch(/^http:\/\/localhost:3999\/booking\/[A-Za-z0-9_-]{43}$/);

    const row = (await pool.query(`SELECT b.status, p.email FROM "Booking" b JOIN "Patient" p ON p.id = b."patientId"`)).rows[0];
    expect(row).toMatchObject({ status: "requested", email: "pat@example.com" });
    // Only the token's hash is stored, nowhere its plain value.
    const token = tokenOf(result.body.manageUrl);
    const hashes = async () => (await pool.query(`SELECT "tokenHash" FROM "ManageToken"`)).rows.map((r: { tokenHash: string }) => r.tokenHash);
    expect(await hashes()).toContain(sha256(token));
    expect(await countRows("BookingEvent")).toBe(1);

    // The email carries a link of its own, which opens the same booking.
    const mail = await smtp.waitFor((m) => m.subject?.includes(result.body.booking.reference) ?? false);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("pat@example.com");
    expect(mail.text).toMatch(/(GMT|BST)/);
    const emailToken = mail.text!.match(/http:\/\/localhost:3999\/booking\/([A-Za-z0-9_-]{43})/)![1]!;
    expect(emailToken).not.toBe(token);
    expect(mail.html).toContain(`/booking/${emailToken}`);
    expect(await hashes()).toContain(sha256(emailToken));
    const opened = await getManage(new Request(`http://localhost:3999/api/manage/${emailToken}`), params(emailToken));
    expect(opened.status).toBe(200);
    expect((await opened.json()).booking.reference).toBe(result.body.booking.reference);

    // Neither link is stored anywhere in a usable form: not in the booking, the idempotency record or the outbox.
    const everything = (
      await pool.query(`SELECT row_to_json(b)::text AS j FROM "Booking" b UNION ALL SELECT row_to_json(i)::text FROM "IdempotencyRecord" i UNION ALL SELECT row_to_json(e)::text FROM "EmailMessage" e`)
    ).rows.map((r: { j: string }) => r.j);
    expect(everything.length).toBeGreaterThanOrEqual(2);
    expect(everything.filter((j) => j.includes(token) || j.includes(emailToken))).toEqual([]);
  });

  it("a raw SQL insert that overlaps a held booking is refused by the database itself", async () => {
    const date = monday();
    const created = await book(bookingBody({ start: at(date, "09:00") }));
    expect(created.status).toBe(201);
    const existing = (await pool.query(`SELECT "practitionerId", "serviceId", "patientId" FROM "Booking"`)).rows[0];
    const insert = (start: string, end: string, status = "requested") =>
      pool.query(
        `INSERT INTO "Booking" (id, reference, "serviceId", "practitionerId", "patientId", "startsAt", "endsAt", status, "updatedAt")
         VALUES (gen_random_uuid()::text, 'VH-' || substr(md5(random()::text), 1, 5), $1, $2, $3, $4, $5, $6::"BookingStatus", now())`,
        [existing.serviceId, existing.practitionerId, existing.patientId, start, end, status],
      );
    await expect(insert(at(date, "09:15"), at(date, "09:45"))).rejects.toMatchObject({ code: "23P01" });
    // Back to back is fine, and so is overlapping a cancelled booking.
    await expect(insert(at(date, "09:30"), at(date, "10:00"))).resolves.toBeTruthy();
    await expect(insert(at(date, "09:00"), at(date, "09:30"), "cancelled")).resolves.toBeTruthy();
  });

  it("50 patients asking for one slot at once: exactly one gets it, 49 get a clean 409", async () => {
    const start = at(monday(), "14:00");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(bookingBody({ start, email: `patient${i}@example.com`, name: `Patient ${i}` }))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error).toMatchObject({ code: "slot_unavailable", message: "That time was just taken, please pick another." });
    }
    expect(await countRows("Booking")).toBe(1);
  });

  it("a retried POST with the same Idempotency-Key returns the same body and creates one booking and one email", async () => {
    const body = bookingBody({ start: at(monday(), "15:00") });
    const headers = { "Idempotency-Key": "retry-test-0001" };
    const first = await book(body, headers);
    const [second, third] = await Promise.all([book(body, headers), book(body, headers)]);
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await countRows("Booking")).toBe(1);
    expect(await countRows("EmailMessage")).toBe(1);
    await deliverDueEmails();
    await smtp.waitFor((m) => m.subject?.includes(first.body.booking.reference) ?? false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((m) => m.subject?.includes(first.body.booking.reference))).toHaveLength(1);

    const reused = await book({ ...body, notes: "something else" }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
    expect(await countRows("Booking")).toBe(1);
  });

  it("bad input gets a 400 with field messages and stores nothing", async () => {
    const start = at(monday(), "16:00");
    const cases: [unknown, string?][] = [
      [{ ...bookingBody({ start }), consent: false }, "consent"],
      [{ ...bookingBody({ start }), patient: { name: "Jo", email: "nope", phone: "0" } }, "patient.email"],
      [{ ...bookingBody({ start }), service: "laser-full-scalp" }, "service"],
      [{ ...bookingBody({ start }), practitioner: "bob" }, "practitioner"],
      [{ ...bookingBody({ start: "not-a-time" }) }, "start"],
      ["{not json"],
      ["[1,2,3]"],
      [{ ...bookingBody({ start }), patient: null }, "patient"],
    ];
    for (const [body, field] of cases) {
      const result = await book(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.code).toBe("invalid_request");
      if (field) expect(result.body.error.fields, JSON.stringify(body)).toHaveProperty([field]);
      expect(JSON.stringify(result.body)).not.toMatch(/at .*\(|prisma|stack/i);
    }
    expect(await countRows("Booking")).toBe(0);
    expect(await countRows("Patient")).toBe(0);
  });

  it("refuses a time that is not a slot (off the grid, outside hours, too soon)", async () => {
    const date = monday();
    for (const start of [at(date, "10:10"), at(date, "18:00"), at(date, "13:00"), new Date(Date.now() + 3_600_000).toISOString()]) {
      const result = await book(bookingBody({ start }));
      expect(result.status, start).toBe(409);
      expect(result.body.error.code).toBe("slot_unavailable");
    }
  });

  it("no preference assigns whoever is free, the one with fewer bookings that day when both are", async () => {
    const tuesday = upcoming(2); // both work Tuesdays; Sally 09:00-17:00, Hannah 10:00-18:00
    const first = await book(bookingBody({ practitioner: "any", start: at(tuesday, "10:00"), email: "a@example.com" }));
    expect(first.body.booking.practitioner).toBe("sally"); // tie: the clinic's order
    const second = await book(bookingBody({ practitioner: "any", start: at(tuesday, "11:00"), email: "b@example.com" }));
    expect(second.body.booking.practitioner).toBe("hannah"); // Sally already has one that day
    const third = await book(bookingBody({ practitioner: "any", start: at(tuesday, "09:00"), email: "c@example.com" }));
    expect(third.body.booking.practitioner).toBe("sally"); // only Sally works at 09:00
    const fourth = await book(bookingBody({ practitioner: "any", start: at(tuesday, "10:00"), email: "d@example.com" }));
    expect(fourth.body.booking.practitioner).toBe("hannah"); // Sally is taken at 10:00
    const fifth = await book(bookingBody({ practitioner: "any", start: at(tuesday, "10:00"), email: "e@example.com" }));
    expect(fifth.status).toBe(409);
  });
});

describe("manage link", () => {
  async function bookOne(time = "10:00") {
    const date = monday();
    const result = await book(bookingBody({ start: at(date, time) }));
    expect(result.status).toBe(201);
    return { date, token: tokenOf(result.body.manageUrl), reference: result.body.booking.reference as string };
  }

  it("shows the booking, and 404 for an unknown or malformed token", async () => {
    const { token, reference } = await bookOne();
    const found = await getManage(new Request("http://localhost:3999"), params(token));
    expect(found.status).toBe(200);
    expect((await found.json()).booking).toMatchObject({ reference, status: "requested", practitioner: "sally", service: "consultation", patient: { name: "Jo Bloggs" } });
    for (const bad of ["x".repeat(43), "short", "../../etc/passwd"]) {
      const missing = await getManage(new Request("http://localhost:3999"), params(bad));
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe("not_found");
    }
  });

  it("cancel frees the slot and emails the patient", async () => {
    const { date, token, reference } = await bookOne("12:00");
    const cancelled = await postCancel(jsonRequest(`/api/manage/${token}/cancel`, { reason: "Changed my mind" }), params(token));
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).booking.status).toBe("cancelled");
    const slots = (await availability({ service: "consultation", practitioner: "sally", from: date, to: date })).body.slots.map((s: { start: string }) => s.start);
    expect(slots).toContain(at(date, "12:00"));
    // Someone else can now take it.
    expect((await book(bookingBody({ start: at(date, "12:00"), email: "next@example.com" }))).status).toBe(201);
    await smtp.waitFor((m) => (m.subject?.includes("cancelled") && m.subject.includes(reference)) ?? false);
  });

  it("reschedule moves the booking to a free slot and frees the old one", async () => {
    const { date, token } = await bookOne("09:00");
    const moved = await postReschedule(jsonRequest(`/api/manage/${token}/reschedule`, { start: at(date, "15:30") }), params(token));
    expect(moved.status).toBe(200);
    expect((await moved.json()).booking).toMatchObject({ start: at(date, "15:30"), end: at(date, "16:00"), status: "requested" });
    const slots = (await availability({ service: "consultation", practitioner: "sally", from: date, to: date })).body.slots.map((s: { start: string }) => s.start);
    expect(slots).toContain(at(date, "09:00"));
    expect(slots).not.toContain(at(date, "15:30"));
  });

  it("reschedule into a taken slot answers 409 slot_unavailable and changes nothing", async () => {
    const { date, token } = await bookOne("09:00");
    await book(bookingBody({ start: at(date, "09:30"), email: "other@example.com" }));
    const clash = await postReschedule(jsonRequest(`/api/manage/${token}/reschedule`, { start: at(date, "09:30") }), params(token));
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.code).toBe("slot_unavailable");
    const still = await (await getManage(new Request("http://localhost:3999"), params(token))).json();
    expect(still.booking.start).toBe(at(date, "09:00"));
  });

  it("reschedule and cancel respect the 24-hour cut-off", async () => {
    const { date, token } = await bookOne("10:00");
    const start = new Date(at(date, "10:00"));
    const justInside = new Date(start.getTime() - 24 * 3_600_000 + 60_000);
    const justOutside = new Date(start.getTime() - 24 * 3_600_000 - 60_000);
    // The new time must itself be bookable at that moment (12 h notice), so pick the next day.
    const newStart = new Date(at(upcoming(2, 15), "11:00"));

    const late = await rescheduleBookingByPatient(token, { start: newStart }, justInside);
    expect(late).toMatchObject({ ok: false, code: "too_late" });
    if (!late.ok) expect(late.message).toMatch(/call the clinic on 0121/);
    expect(await cancelBookingByPatient(token, {}, justInside)).toMatchObject({ ok: false, code: "too_late" });

    const inTime = await rescheduleBookingByPatient(token, { start: newStart }, justOutside);
    expect(inTime).toMatchObject({ ok: true });
  });

  it("bad reschedule bodies get 400", async () => {
    const { token } = await bookOne("11:30");
    for (const body of [{}, { start: "soon" }, "nope"]) {
      const response = await postReschedule(jsonRequest(`/api/manage/${token}/reschedule`, body), params(token));
      expect(response.status).toBe(400);
    }
  });
});
