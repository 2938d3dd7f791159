import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { GET as searchPatients } from "@/app/api/staff/patients/route";
import { confirmBooking, getDiary } from "@/lib/bookings/staff";
import { deliverDueEmails, stopOutboxWorker } from "@/lib/email/delivery";
import { at, bookingBody, resetDiary, testPool, upcoming } from "../support/fixtures";
import { parseInvite } from "../support/ics";
import { routeRequest, sessionCookieFor } from "../support/session";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { loadStaff } from "../support/staff";

/**
 * A name that carries direction controls (U+202E makes "Bennett" display reversed) or invisible
 * characters (U+200B splits a word so search misses it) is cleaned at input: the stored name is
 * the one the diary, the emails and the calendar invite show, and search finds it.
 */
const TYPED = "Ma\u200Brcus \u202EBennett\u202C\u2066\u2069";
const CLEAN = "Marcus Bennett";

let pool: pg.Pool;
let smtp: TestSmtpServer;
let staff: Awaited<ReturnType<typeof loadStaff>>;
beforeAll(async () => {
  pool = testPool();
  staff = await loadStaff(pool);
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

describe("names with direction controls or invisible characters", () => {
  it("are stored clean, and the diary, emails, invite and search all use that one name", async () => {
    stopOutboxWorker();
    const date = upcoming(1);
    const response = await postBooking(routeRequest("POST", "/api/bookings", { body: bookingBody({ start: at(date, "10:00"), name: TYPED, email: "marcus@example.com" }) }));
    expect(response.status).toBe(201);
    const { rows } = await pool.query(`SELECT b.id, p.name FROM "Booking" b JOIN "Patient" p ON p.id = b."patientId"`);
    expect(rows[0].name).toBe(CLEAN);

    const diary = await getDiary(staff.reception, { from: date, to: date });
    expect(diary.practitioners.flatMap((p) => p.days.flatMap((d) => d.bookings)).map((b) => b.patient.name)).toEqual([CLEAN]);

    expect(await confirmBooking(staff.sally, rows[0].id)).toMatchObject({ ok: true });
    await expect
      .poll(async () => {
        await deliverDueEmails({ now: new Date() });
        return smtp.messages.length;
      }, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    for (const mail of smtp.messages) {
      expect(mail.to && "value" in mail.to ? mail.to.value[0]?.name : null).toBe(CLEAN);
      expect(mail.text).toContain(`Dear ${CLEAN},`);
      expect(mail.html || "").toContain(`Dear ${CLEAN},`);
    }
    const confirmation = smtp.messages.find((m) => m.attachments.some((a) => a.contentType.startsWith("text/calendar")))!;
    const invite = parseInvite(confirmation.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content.toString("utf8"));
    expect(invite.attendee).toEqual({ name: CLEAN, address: "mailto:marcus@example.com" });

    const cookie = await sessionCookieFor(pool, "reception@clinic.example");
    for (const q of [CLEAN, "Bennett", "Ma\u200Brcus", "\u202Ebennett"]) {
      const found = await searchPatients(routeRequest("GET", `/api/staff/patients?q=${encodeURIComponent(q)}`, { cookie }));
      expect(found.status, q).toBe(200);
      expect((await found.json()).bookings.map((b: { patient: { name: string } }) => b.patient.name), q).toEqual([CLEAN]);
    }
  });
});
