import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { GET as getManageRoute } from "@/app/api/manage/[token]/route";
import { getSettingsForAdmin, updateClinicSettings, updateService } from "@/lib/admin";
import { getAvailability } from "@/lib/availability";
import { createBookingRequest } from "@/lib/bookings/create";
import { rescheduleBookingByPatient } from "@/lib/bookings/manage";
import { cancelBookingByStaff, createPhoneBooking, getBookingForStaff, recordAttendance, rescheduleBookingByStaff } from "@/lib/bookings/staff";
import { getCalendarFeed, rotateCalendarFeed } from "@/lib/calendar/feed";
import { issueManageToken } from "@/lib/bookings/manage-link";
import { confirmBooking } from "@/lib/bookings/staff";
import { lastPatchTestValidDate } from "@/lib/availability/course-windows";
import { getPlanForStaff, recordOutcome, recordPatchTest } from "@/lib/courses/plans";
import { db } from "@/lib/db";
import { getCourseProposal } from "@/lib/courses/proposals";
import { inviteRecall, listRecalls } from "@/lib/courses/recalls";
import { bookCourseSession } from "@/lib/courses/sessions";
import { deliverDueEmails } from "@/lib/email/delivery";
import { addLondonDays, formatLondonDateTimeWithZone, londonDateOf } from "@/lib/time/london";
import { createBookingSchema } from "@/lib/validation/booking";
import { attendedConsultation, clearDate, courseFor, DAY, fullScalpOutcome, HOUR, instant, later, MINUTE } from "../support/courses";
import { at, bookingBody, resetDiary, testPool } from "../support/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { loadStaff } from "../support/staff";

/**
 * Treatment courses (api.md, "Treatment courses") against the real database and SMTP server.
 * Dates are chosen relative to the day the suite runs (Wednesdays, which Sally and Hannah both
 * work, clear of bank holidays), and every domain call gets its own `now`: nothing depends on the
 * time of day. The clock-change test uses fixed 2027 dates with its own `now`.
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
  await smtp.close();
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
  smtp.messages.length = 0;
});

const WEDNESDAY = 3;
const NOTES = fullScalpOutcome.notes!;
/** Words that would give the assessment away in anything a patient or a calendar sees. */
const HEALTH_DATA = [/fitzpatrick/i, /skin type/i, /type v\b/i, /fluence/i, /dense dark ink/i, /crown/i];

function expectNoHealthData(text: string, where: string) {
  for (const pattern of HEALTH_DATA) expect(text, `${where} mentions ${pattern}`).not.toMatch(pattern);
  expect(text, where).not.toContain(NOTES);
}

async function emailsFor(bookingId: string) {
  return (await pool.query(`SELECT kind, subject, "textBody", "htmlBody", "icsContent" FROM "EmailMessage" WHERE "bookingId" = $1 ORDER BY "createdAt"`, [bookingId])).rows as {
    kind: string;
    subject: string;
    textBody: string;
    htmlBody: string;
    icsContent: string | null;
  }[];
}

/** A Wednesday consultation at least a week ahead, and the Wednesdays a course steps on to, clear of bank holidays. */
const consultationDate = () => clearDate(WEDNESDAY, new Date(), 7, [1, 6, 7, 8, 12, 13, 14, 15, 19, 25]);

function bookedId(result: Awaited<ReturnType<typeof bookCourseSession>>): string {
  if (!result.ok) throw new Error(`session not booked: ${result.code} ${result.message}`);
  return result.data.booking.id;
}

describe("outcome of a consultation", () => {
  it("needs an attended consultation (409 not_attended), then makes a plan priced from the stored price: 6 x £250 = £1,500", async () => {
    const date = consultationDate();
    const start = instant(date, "09:00");
    const request = createBookingSchema.parse(bookingBody({ start: start.toISOString(), email: "outcome@example.com" }));
    const made = await createBookingRequest(request, { now: later(start, -3 * DAY), actor: { type: "patient" } });
    const id = made.ok ? (await pool.query(`SELECT id FROM "Booking" WHERE reference = $1`, [made.data.booking.reference])).rows[0].id : "";
    expect(await recordOutcome(staff.sally, id, fullScalpOutcome, later(start, HOUR))).toMatchObject({ ok: false, code: "not_attended" });
    await confirmBooking(staff.sally, id, later(start, -2 * DAY));
    expect(await recordOutcome(staff.sally, id, fullScalpOutcome, later(start, HOUR))).toMatchObject({ ok: false, code: "not_attended" });

    await recordAttendance(staff.sally, id, "attended", later(start, 5 * MINUTE));
    expect(await recordOutcome(staff.hannah, id, fullScalpOutcome, later(start, HOUR))).toMatchObject({ ok: false, code: "not_found" });
    const recorded = await recordOutcome(staff.sally, id, fullScalpOutcome, later(start, HOUR));
    const patientId = (await pool.query(`SELECT "patientId" FROM "Booking" WHERE id = $1`, [id])).rows[0].patientId;
    expect(recorded).toMatchObject({
      ok: true,
      data: { plan: { patientId, service: "laser-full-scalp", sessionPricePence: 25_000, estimatedSessions: 6, quotePence: 150_000, status: "proposed", fitzpatrick: 5, practitioner: "sally", patchTest: null, sessions: [] } },
    });
    expect(await recordOutcome(staff.sally, id, fullScalpOutcome, later(start, HOUR))).toMatchObject({ ok: false, code: "conflict" });

    // The price is the one stored when the plan was made.
    await updateService("laser-full-scalp", { priceFromPence: 27_500 });
    try {
      const planId = recorded.ok ? recorded.data.plan.id : "";
      expect(await getPlanForStaff(staff.reception, planId, later(start, DAY))).toMatchObject({ ok: true, data: { plan: { sessionPricePence: 25_000, quotePence: 150_000 } } });
      const small = await attendedConsultation(pool, staff.sally, { date, time: "10:00", email: "small@example.com" });
      const smallPlan = await recordOutcome(staff.sally, small.id, { ...fullScalpOutcome, area: "small", estimatedSessions: 4 }, later(small.start, HOUR));
      expect(smallPlan).toMatchObject({ ok: true, data: { plan: { service: "laser-small-area", sessionPricePence: 10_000, quotePence: 40_000 } } });
    } finally {
      await updateService("laser-full-scalp", { priceFromPence: 25_000 });
    }

    // Audited on the consultation and on the plan; the consultation links to its plan.
    const consultationDetail = await getBookingForStaff(staff.sally, id);
    expect(consultationDetail?.events.map((e) => e.action)).toContain("outcome_recorded");
    expect(consultationDetail?.booking).toMatchObject({ outcomePlanId: recorded.ok ? recorded.data.plan.id : "", course: null });
    const planEvents = await getPlanForStaff(staff.sally, recorded.ok ? recorded.data.plan.id : "", later(start, DAY));
    expect(planEvents.ok && planEvents.data.events.map((e) => e.action)).toEqual(["outcome_recorded"]);
  });

  it("emails a suitable plan and its quote in plain words, with no skin type and no notes", async () => {
    const { consultation } = await courseFor(pool, staff.sally, { date: consultationDate(), time: "11:00", email: "quote@example.com", patchTestAt: null });
    const [quote] = (await emailsFor(consultation.id)).filter((e) => e.kind === "plan_quote");
    expect(quote).toBeTruthy();
    await deliverDueEmails();
    // Match this test's email: the outbox loop may still deliver an earlier test's quote.
    const mail = await smtp.waitFor((m) => (m.subject?.includes("plan and quote") && m.subject.includes(consultation.reference)) ?? false);
    expect(mail.text).toContain("6 sessions at £250 each, so about £1,500 in all");
    expect(mail.text).toMatch(/estimate, not a fixed price/);
    expect(mail.text).toMatch(/fewer or more sessions/);
    expect(mail.text).toContain("Estimated total: £1,500");
    expect(mail.subject).not.toMatch(/laser|scalp|SMP/i);
    expectNoHealthData(`${mail.subject}\n${mail.text}\n${mail.html}`, "the quote email");
  });

  it("records an unsuitable outcome without emailing; such a plan has no patch test and no sessions", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.hannah, { date, time: "10:00", email: "unsuitable@example.com", outcome: { suitable: false }, patchTestAt: null });
    expect(plan).toMatchObject({ status: "not_suitable", suitable: false, nextWindow: null });
    expect((await emailsFor(consultation.id)).map((e) => e.kind)).not.toContain("plan_quote");
    const now = later(consultation.start, DAY);
    expect(await recordPatchTest(staff.hannah, plan.id, { result: "pass" }, now)).toMatchObject({ ok: false, code: "conflict" });
    expect(await bookCourseSession(staff.hannah, plan.id, { start: instant(addLondonDays(date, 7), "10:00") }, now)).toMatchObject({ ok: false, code: "conflict" });
    expect(await getCourseProposal(staff.hannah, plan.id, {}, now)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("patch test", () => {
  it("defaults to now, is never in the future, and the latest one counts", async () => {
    const { plan, consultation } = await courseFor(pool, staff.sally, { date: consultationDate(), time: "09:30", email: "patch@example.com", patchTestAt: null });
    const now = later(consultation.start, HOUR);
    expect(await recordPatchTest(staff.sally, plan.id, { result: "pass", at: later(now, MINUTE) }, now)).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { at: expect.any(String) } });
    const failed = await recordPatchTest(staff.sally, plan.id, { result: "fail", at: later(now, -30 * MINUTE) }, now);
    expect(failed).toMatchObject({ ok: true, data: { plan: { patchTest: { result: "fail", readyAt: null, validUntil: null }, nextWindow: null } } });
    const passed = await recordPatchTest(staff.reception, plan.id, { result: "pass" }, now);
    expect(passed).toMatchObject({
      ok: true,
      data: { plan: { patchTest: { result: "pass", at: now.toISOString(), readyAt: later(now, 48 * HOUR).toISOString() }, nextWindow: { earliest: londonDateOf(later(now, 48 * HOUR)), latest: null } } },
    });
    expect(passed.ok && passed.data.plan.patchTest?.validUntil).toBe(lastPatchTestValidDate(now, 6));
    expect(await recordPatchTest(staff.hannah, plan.id, { result: "pass" }, now)).toMatchObject({ ok: false, code: "not_found" });
    const history = await getPlanForStaff(staff.sally, plan.id, now);
    expect(history.ok && history.data.events.map((e) => [e.action, e.after?.result, e.actor.name])).toEqual([
      ["patch_test_recorded", "pass", "Reception"],
      ["patch_test_recorded", "fail", "Sally"],
      ["outcome_recorded", undefined, "Sally"],
    ]);
  });
});

describe("booking course sessions", () => {
  it("refuses a session without a passed patch test, before the 48-hour wait, or after the test's six months (409 patch_test_required)", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "10:00", email: "gate@example.com", patchTestAt: null });
    const now = later(consultation.start, HOUR);
    const nextWeek = instant(addLondonDays(date, 7), "10:00");
    expect(await bookCourseSession(staff.sally, plan.id, { start: nextWeek }, now)).toMatchObject({ ok: false, code: "patch_test_required" });
    await recordPatchTest(staff.sally, plan.id, { result: "fail", at: now }, now);
    expect(await bookCourseSession(staff.sally, plan.id, { start: nextWeek }, now)).toMatchObject({ ok: false, code: "patch_test_required" });

    // A pass at 10:00 on a Monday is ready at 10:00 on Wednesday, not at 09:50.
    const monday = addLondonDays(date, 5);
    const wednesday = addLondonDays(date, 7);
    const passAt = instant(monday, "10:00");
    await recordPatchTest(staff.sally, plan.id, { result: "pass", at: passAt }, later(passAt, MINUTE));
    const tooRecent = await bookCourseSession(staff.sally, plan.id, { start: instant(wednesday, "09:50") }, later(passAt, HOUR));
    expect(tooRecent).toMatchObject({ ok: false, code: "patch_test_required" });
    expect(!tooRecent.ok && tooRecent.message).toContain(formatLondonDateTimeWithZone(instant(wednesday, "10:00")));

    // Six months on the pass has run out.
    const expiredDay = clearDate(WEDNESDAY, later(passAt, 190 * DAY), 0);
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(expiredDay, "10:00") }, later(passAt, HOUR))).toMatchObject({ ok: false, code: "patch_test_required" });
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(wednesday, "10:00") }, later(passAt, HOUR))).toMatchObject({ ok: true });
  });

  it("books a confirmed session 1 of 6 with a confirmation (calendar invite, manage link) and a reminder; the plan lists it with the next window in London dates", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "first@example.com" });
    const day = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    const booked = await bookCourseSession(staff.reception, plan.id, { start: instant(day, "14:00") }, now);
    expect(booked).toMatchObject({
      ok: true,
      data: { booking: { status: "confirmed", source: "staff", service: "laser-full-scalp", practitioner: "sally", start: at(day, "14:00"), end: at(day, "14:20"), course: { planId: plan.id, number: 1, of: 6 } } },
    });
    const id = bookedId(booked);
    const emails = await emailsFor(id);
    expect(emails.map((e) => e.kind)).toEqual(["confirmation", "reminder"]);
    expect(emails[0]!.icsContent).toContain("METHOD:REQUEST");
    await deliverDueEmails();
    const reference = booked.ok ? booked.data.booking.reference : "";
    const mail = await smtp.waitFor((m) => m.subject?.includes(`confirmed (${reference})`) ?? false);
    expect(mail.text).toMatch(/\/booking\/[A-Za-z0-9_-]{43}/);
    expect(mail.text).toContain("Laser session: full scalp, session 1 of 6");
    expect(mail.attachments.some((a) => a.content.toString("utf8").includes("BEGIN:VCALENDAR"))).toBe(true);
    expectNoHealthData(`${mail.subject}\n${mail.text}\n${mail.html}\n${emails[0]!.icsContent}`, "the session confirmation");

    const read = await getPlanForStaff(staff.sally, plan.id, now);
    expect(read).toMatchObject({
      ok: true,
      data: {
        plan: {
          status: "in_progress",
          sessionsToBook: 5,
          sessions: [{ number: 1, bookingId: id, reference: expect.stringMatching(/^VH-/), start: at(day, "14:00"), status: "confirmed", overrideReason: null }],
          nextWindow: { earliest: addLondonDays(day, 42), latest: addLondonDays(day, 56) },
          overdue: false,
        },
      },
    });
    expect((await getBookingForStaff(staff.sally, id))?.booking.course).toEqual({ planId: plan.id, number: 1, of: 6 });
  });

  it("answers 409 too_soon before the previous session's date + 6 weeks unless a reason is given, which the session's history and the plan keep", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "soon@example.com" });
    const first = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "16:40") }, now));

    // Six weeks counts London dates: the day before is too soon at any hour, the day itself is fine at 09:00.
    const dayBefore = addLondonDays(first, 41);
    const tooSoon = await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 40), "16:00") }, now);
    expect(tooSoon).toMatchObject({ ok: false, code: "too_soon" });
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(dayBefore, "16:40") }, now)).toMatchObject({ ok: false, code: "too_soon" });

    const reason = "Patient flies abroad for three months; agreed with Sally.";
    const overridden = await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 35), "09:00"), override: { reason } }, now);
    expect(overridden).toMatchObject({ ok: true, data: { booking: { course: { number: 2, of: 6 } } } });
    const id = bookedId(overridden);
    const history = await getBookingForStaff(staff.reception, id);
    expect(history?.events[0]).toMatchObject({ action: "confirmed", after: { session: "2 of 6", overrideReason: reason }, actor: { name: "Sally" } });
    const read = await getPlanForStaff(staff.sally, plan.id, now);
    expect(read.ok && read.data.plan.sessions.map((s) => [s.number, s.overrideReason])).toEqual([
      [1, null],
      [2, reason],
    ]);
    expect(read.ok && read.data.events.find((e) => e.action === "session_booked" && e.after?.overrideReason === reason)).toBeTruthy();
    // The next window counts from the session as booked, override or not.
    expect(read.ok && read.data.plan.nextWindow).toEqual({ earliest: addLondonDays(first, 35 + 42), latest: addLondonDays(first, 35 + 56) });
    // A session never goes before the one it follows, reason or not.
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 28), "09:00"), override: { reason } }, now)).toMatchObject({ ok: false, code: "too_soon" });
    // On the date six weeks on, no reason is needed (and none is kept).
    const third = await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 35 + 42), "09:00"), override: { reason: "not needed" } }, now);
    expect(third).toMatchObject({ ok: true, data: { booking: { course: { number: 3 } } } });
    expect((await pool.query(`SELECT "courseOverrideReason" FROM "Booking" WHERE id = $1`, [bookedId(third)])).rows[0].courseOverrideReason).toBeNull();
  });

  it("answers 409 slot_unavailable when the practitioner is busy, and books up to 12 months ahead only (400 beyond)", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "busy@example.com" });
    const day = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    await attendedConsultation(pool, staff.sally, { date: day, time: "11:00", email: "other@example.com" });
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(day, "11:10") }, now)).toMatchObject({ ok: false, code: "slot_unavailable" });
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(day, "13:10") }, now)).toMatchObject({ ok: false, code: "slot_unavailable" }); // lunch
    const inAYear = clearDate(WEDNESDAY, later(now, 366 * DAY), 0);
    const beyond = await bookCourseSession(staff.sally, plan.id, { start: instant(inAYear, "10:00") }, now);
    expect(beyond).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { start: expect.stringContaining("12 months") } });
  });

  it("keeps a practitioner to their own plans (404) and diary (403); the front desk books with either practitioner", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "scope@example.com" });
    const day = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    expect(await getPlanForStaff(staff.hannah, plan.id, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getCourseProposal(staff.hannah, plan.id, {}, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await bookCourseSession(staff.hannah, plan.id, { start: instant(day, "10:00") }, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(day, "10:00"), practitioner: "hannah" }, now)).toMatchObject({ ok: false, code: "forbidden" });
    const withHannah = await bookCourseSession(staff.reception, plan.id, { start: instant(day, "10:00"), practitioner: "hannah" }, now);
    expect(withHannah).toMatchObject({ ok: true, data: { booking: { practitioner: "hannah", course: { number: 1 } } } });
    // Hannah sees the session in her diary, not Sally's plan.
    expect((await getBookingForStaff(staff.hannah, bookedId(withHannah)))?.booking.course).toMatchObject({ planId: plan.id, number: 1 });
    expect(await getPlanForStaff(staff.hannah, plan.id, now)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("numbers sessions by their place in the course: cancelling one moves the later ones down; all booked answers 409", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "numbers@example.com", outcome: { estimatedSessions: 2 } });
    const first = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    const one = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "10:00") }, now));
    const two = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 49), "10:00") }, now));
    expect(await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 98), "10:00") }, now)).toMatchObject({ ok: false, code: "conflict" });
    await cancelBookingByStaff(staff.reception, one, { notifyPatient: false });
    const read = await getPlanForStaff(staff.sally, plan.id, now);
    expect(read.ok && read.data.plan.sessions.map((s) => [s.bookingId, s.number, s.status])).toEqual([
      [one, null, "cancelled"],
      [two, 1, "confirmed"],
    ]);
    expect((await getBookingForStaff(staff.sally, two))?.booking.course).toEqual({ planId: plan.id, number: 1, of: 2 });
  });

  it("staff moves of a session keep the course's order and interval rules (a reason overrides) and need a free laser", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "move@example.com" });
    const first = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "10:00") }, now));
    const second = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 49), "10:00") }, now));
    expect(await rescheduleBookingByStaff(staff.sally, second, { start: instant(addLondonDays(first, 35), "10:00"), notifyPatient: false }, now)).toMatchObject({ ok: false, code: "too_soon" });
    const reason = "Holiday booked; patient asked for an earlier date.";
    const moved = await rescheduleBookingByStaff(staff.sally, second, { start: instant(addLondonDays(first, 35), "10:00"), notifyPatient: false, override: { reason } }, now);
    expect(moved).toMatchObject({ ok: true, data: { booking: { start: at(addLondonDays(first, 35), "10:00"), course: { number: 2 } } } });
    expect((await getBookingForStaff(staff.sally, second))?.events[0]).toMatchObject({ action: "rescheduled", after: { overrideReason: reason } });
    const read = await getPlanForStaff(staff.sally, plan.id, now);
    expect(read.ok && read.data.plan.sessions[1]?.overrideReason).toBe(reason);

    // Hannah's patient takes the laser at 11:00 that day: Sally's session cannot move there.
    const hannahs = await courseFor(pool, staff.hannah, { date, time: "11:00", email: "hannah-move@example.com" });
    bookedId(await bookCourseSession(staff.hannah, hannahs.plan.id, { start: instant(addLondonDays(first, 35), "11:00") }, now));
    expect(await rescheduleBookingByStaff(staff.reception, second, { start: instant(addLondonDays(first, 35), "11:10"), override: { reason } }, now)).toMatchObject({ ok: false, code: "slot_unavailable" });
  });
});

describe("proposals", () => {
  it("proposes one start per session to book: the first after the patch-test wait, each 6-8 weeks after the one before, in free time with the laser free", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "propose@example.com", patchTestAt: null });
    expect(await getCourseProposal(staff.sally, plan.id, {}, later(consultation.start, HOUR))).toMatchObject({ ok: false, code: "patch_test_required" });
    // A pass at 10:00 on the Monday: sessions from 10:00 on Wednesday, for six months.
    const now = instant(addLondonDays(date, 5), "10:00");
    await recordPatchTest(staff.sally, plan.id, { result: "pass", at: now }, now);

    const proposal = await getCourseProposal(staff.sally, plan.id, {}, now);
    // Sally's routine: Wednesdays at 10:00, six weeks apart. The sixth session would fall after the
    // patch test's six months, so it is left unplaced (a new patch test is needed for it).
    const weeks = [1, 7, 13, 19, 25];
    expect(proposal).toEqual({ ok: true, data: { starts: weeks.map((w) => at(addLondonDays(date, 7 * w), "10:00")), practitioner: "sally", unplaced: 1, searchedUntil: lastPatchTestValidDate(now, 6) } });
    for (const start of proposal.ok ? proposal.data.starts.slice(0, 2) : []) {
      const day = londonDateOf(new Date(start));
      const free = await getAvailability({ service: "laser-full-scalp", practitioner: "sally", from: day, to: day }, now, "staff");
      expect(free.ok && free.data.slots.some((s) => s.start === start), start).toBe(true);
    }

    // Hannah's patient takes the laser at the second start: Sally's proposal keeps the routine a week later.
    const hannahs = await courseFor(pool, staff.hannah, { date, time: "12:00", email: "laser-taker@example.com" });
    bookedId(await bookCourseSession(staff.hannah, hannahs.plan.id, { start: instant(addLondonDays(date, 49), "10:00") }, now));
    const sallysDay = await getAvailability({ service: "laser-full-scalp", practitioner: "sally", from: addLondonDays(date, 49), to: addLondonDays(date, 49) }, now, "staff");
    expect(sallysDay.ok && sallysDay.data.slots.map((s) => s.start)).not.toContain(at(addLondonDays(date, 49), "10:00"));
    const again = await getCourseProposal(staff.sally, plan.id, {}, now);
    expect(again.ok && again.data.starts.slice(0, 2)).toEqual([at(addLondonDays(date, 7), "10:00"), at(addLondonDays(date, 56), "10:00")]);
  });

  it("across the spring clock change keeps the routine: 14:00 GMT on Wednesday 10 March 2027 leads to 14:00 BST on Wednesday 21 April", async () => {
    const { plan, consultation } = await courseFor(pool, staff.sally, { date: "2027-03-03", time: "09:00", email: "spring@example.com" });
    const now = later(consultation.start, DAY);
    const first = bookedId(await bookCourseSession(staff.sally, plan.id, { start: new Date("2027-03-10T14:00:00Z") }, now));
    const proposal = await getCourseProposal(staff.sally, plan.id, {}, now);
    expect(proposal.ok && proposal.data.starts[0]).toBe("2027-04-21T13:00:00.000Z");
    expect(formatLondonDateTimeWithZone(new Date("2027-04-21T13:00:00Z"))).toBe("Wed 21 Apr 2027, 14:00 BST");
    const second = await bookCourseSession(staff.sally, plan.id, { start: new Date("2027-04-21T13:00:00Z") }, now);
    expect(second).toMatchObject({ ok: true, data: { booking: { course: { number: 2 } } } });
    const read = await getPlanForStaff(staff.sally, plan.id, now);
    expect(read.ok && read.data.plan.nextWindow).toEqual({ earliest: "2027-06-02", latest: "2027-06-16" });
    expect(first).toBeTruthy();
  });
});

describe("the patient's manage link for a session", () => {
  it("shows Session n of m and its window as London dates, and moves only inside the window (409 outside_course_window)", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "manage@example.com" });
    const first = addLondonDays(date, 7);
    const bookedAt = later(consultation.start, DAY);
    const one = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "10:00") }, bookedAt));
    const secondDay = addLondonDays(first, 49);
    const booked = await bookCourseSession(staff.sally, plan.id, { start: instant(secondDay, "10:00") }, bookedAt);
    const two = bookedId(booked);
    const reference = booked.ok ? booked.data.booking.reference : "";
    await deliverDueEmails();
    const mail = await smtp.waitFor((m) => m.subject?.includes(`confirmed (${reference})`) ?? false);
    expect(mail.text).toContain("session 2 of 6");
    const token = mail.text!.match(/\/booking\/([A-Za-z0-9_-]{43})/)![1]!;

    const response = await getManageRoute(new Request(`http://localhost:3999/api/manage/${token}`), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.booking).toMatchObject({ start: at(secondDay, "10:00"), course: { number: 2, of: 6, window: { earliest: addLondonDays(first, 42), latest: addLondonDays(first, 56) } } });
    expectNoHealthData(JSON.stringify(body), "GET /api/manage/{token}");

    // The patient moves it the day after session 1, with the public notice and cut-off.
    const now = later(instant(first, "10:00"), DAY);
    expect(await rescheduleBookingByPatient(token, { start: instant(addLondonDays(first, 35), "10:00") }, now)).toMatchObject({ ok: false, code: "outside_course_window" });
    expect(await rescheduleBookingByPatient(token, { start: instant(addLondonDays(first, 57), "10:00") }, now)).toMatchObject({ ok: false, code: "outside_course_window" });
    const inside = await rescheduleBookingByPatient(token, { start: instant(addLondonDays(first, 42), "11:00") }, now);
    expect(inside).toMatchObject({ ok: true, data: { booking: { start: at(addLondonDays(first, 42), "11:00"), course: { number: 2 } } } });
    // Session 1's window opens when the patch test is ready and ends six weeks before session 2 (moved to first + 42).
    const oneToken = await issueManageToken(db, one);
    const oneBody = await (await getManageRoute(new Request(`http://localhost:3999/api/manage/${oneToken}`), { params: Promise.resolve({ token: oneToken }) })).json();
    expect(oneBody.booking.course).toEqual({ number: 1, of: 6, window: { earliest: londonDateOf(new Date(plan.patchTest!.readyAt!)), latest: first } });
    const consultationToken = await issueManageToken(db, consultation.id);
    const consultationBody = await (await getManageRoute(new Request(`http://localhost:3999/api/manage/${consultationToken}`), { params: Promise.resolve({ token: consultationToken }) })).json();
    expect(consultationBody.booking.course).toBeUndefined();
    expect((await getBookingForStaff(staff.sally, two))?.booking.start).toBe(at(addLondonDays(first, 42), "11:00"));
  });
});

describe("aftercare", () => {
  it("marking a laser session attended queues an aftercare email at once; a consultation gets none", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "aftercare@example.com" });
    expect((await emailsFor(consultation.id)).map((e) => e.kind)).not.toContain("aftercare");
    const day = addLondonDays(date, 7);
    const id = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(day, "10:00") }, later(consultation.start, DAY)));
    const attended = await recordAttendance(staff.sally, id, "attended", instant(day, "10:25"));
    expect(attended).toMatchObject({ ok: true });
    const reference = attended.ok ? attended.data.booking.reference : "";
    const [aftercare] = (await emailsFor(id)).filter((e) => e.kind === "aftercare");
    expect(aftercare?.subject).toMatch(/aftercare/i);
    await deliverDueEmails();
    const mail = await smtp.waitFor((m) => (/aftercare/i.test(m.subject ?? "") && m.subject?.includes(reference)) ?? false);
    expect(mail.text).toMatch(/do not pick or scratch/i);
    expect(mail.text).toMatch(/sun/i);
    expect(mail.text).toMatch(/Call us on 0121 000 0000 if/);
    expectNoHealthData(`${mail.subject}\n${mail.text}\n${mail.html}`, "the aftercare email");
    // Marked attended again: still one aftercare email.
    await recordAttendance(staff.sally, id, "no_show", instant(day, "10:30"));
    await recordAttendance(staff.sally, id, "attended", instant(day, "10:31"));
    expect((await emailsFor(id)).filter((e) => e.kind === "aftercare")).toHaveLength(1);
  });
});

describe("recalls", () => {
  it("lists a course whose last session was attended and is due within 14 days, invites once per window (409 already_invited), and drops it once the next is booked", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "recall@example.com", name: "Rita Recall" });
    const first = addLondonDays(date, 7);
    const one = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "10:00") }, later(consultation.start, DAY)));
    await recordAttendance(staff.sally, one, "attended", instant(first, "10:25"));
    const dueFrom = addLondonDays(first, 42);

    const tooEarly = instant(addLondonDays(first, 27), "09:00");
    expect(await listRecalls(staff.reception, tooEarly)).toMatchObject({ ok: true, data: { recalls: [] } });
    expect(await inviteRecall(staff.reception, plan.id, tooEarly)).toMatchObject({ ok: false, code: "conflict" });

    const now = instant(addLondonDays(first, 28), "09:00");
    const listed = await listRecalls(staff.reception, now);
    expect(listed).toMatchObject({
      ok: true,
      data: { recalls: [{ planId: plan.id, patient: { id: plan.patientId, name: "Rita Recall" }, lastSession: first, dueFrom, dueBy: addLondonDays(first, 56), overdue: false, invitedAt: null }] },
    });
    expect(await listRecalls(staff.hannah, now)).toMatchObject({ ok: true, data: { recalls: [] } });
    expect(await inviteRecall(staff.hannah, plan.id, now)).toMatchObject({ ok: false, code: "not_found" });

    expect(await inviteRecall(staff.reception, plan.id, now)).toMatchObject({ ok: true, data: { recall: { planId: plan.id, dueFrom, invitedAt: now.toISOString() } } });
    expect(await inviteRecall(staff.sally, plan.id, later(now, DAY))).toMatchObject({ ok: false, code: "already_invited" });
    const overdue = instant(addLondonDays(first, 60), "09:00");
    expect(await listRecalls(staff.sally, overdue)).toMatchObject({ ok: true, data: { recalls: [{ planId: plan.id, overdue: true, invitedAt: now.toISOString() }] } });
    await deliverDueEmails();
    const firstReference = (await getBookingForStaff(staff.sally, one))!.booking.reference;
    const mail = await smtp.waitFor((m) => (m.subject?.includes("Time to book your next appointment") && m.text?.includes(`Reference: ${firstReference}`)) ?? false);
    expect(mail.text).toContain("Your last session was on");
    expectNoHealthData(`${mail.subject}\n${mail.text}\n${mail.html}`, "the recall email");
    expect(mail.subject).not.toMatch(/laser|scalp|SMP/i);

    // Booked: no longer a recall. Attended: a new window, and a new invitation is allowed.
    const second = bookedId(await bookCourseSession(staff.reception, plan.id, { start: instant(dueFrom, "10:00") }, now));
    expect(await listRecalls(staff.reception, now)).toMatchObject({ ok: true, data: { recalls: [] } });
    expect(await inviteRecall(staff.reception, plan.id, now)).toMatchObject({ ok: false, code: "conflict" });
    await recordAttendance(staff.sally, second, "attended", instant(dueFrom, "10:25"));
    const nextTime = instant(addLondonDays(dueFrom, 30), "09:00");
    expect(await inviteRecall(staff.reception, plan.id, nextTime)).toMatchObject({ ok: true, data: { recall: { dueFrom: addLondonDays(dueFrom, 42) } } });
    const events = await getPlanForStaff(staff.sally, plan.id, nextTime);
    expect(events.ok && events.data.events.filter((e) => e.action === "recall_invited").map((e) => e.after?.dueFrom)).toEqual([addLondonDays(dueFrom, 42), dueFrom]);
  });
});

describe("laser services need a plan", () => {
  it("are never bookable online, and a phone booking of one answers 409 plan_required telling staff to start a plan", async () => {
    const date = consultationDate();
    const online = await getAvailability({ service: "laser-small-area", practitioner: "any", from: date, to: date }, new Date(`${date}T00:00:00Z`), "public");
    expect(online).toMatchObject({ ok: false, code: "invalid_request" });
    const request = createBookingSchema.parse({ ...bookingBody({ start: at(date, "10:00") }), service: "laser-small-area" });
    expect(await createBookingRequest(request, { now: later(instant(date, "10:00"), -3 * DAY), actor: { type: "patient" } })).toMatchObject({ ok: false, code: "invalid_request" });
    const phone = await createPhoneBooking(
      staff.reception,
      { service: "laser-full-scalp", practitioner: "sally", start: instant(date, "10:00"), patient: { name: "Caller", email: "caller@example.com", phone: "07700 900777" } },
      later(instant(date, "10:00"), -DAY),
    );
    expect(phone).toMatchObject({ ok: false, code: "plan_required", fieldErrors: { service: expect.stringMatching(/plan/) } });
    expect(!phone.ok && phone.message).toMatch(/Record the consultation's outcome to start a plan/);
    expect(await updateService("laser-small-area", { bookableOnline: true })).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { bookableOnline: expect.any(String) } });
    expect((await pool.query(`SELECT count(*)::int AS n FROM "Booking"`)).rows[0].n).toBe(0);
  });
});

describe("course settings", () => {
  it("are seeded, editable by the admin, checked as a pair, and apply at once", async () => {
    const original = await getSettingsForAdmin();
    expect(original).toMatchObject({ minIntervalWeeks: 6, maxIntervalWeeks: 8, patchTestWaitHours: 48, patchTestValidMonths: 6, laserDevices: 1 });
    expect(await updateClinicSettings({ maxIntervalWeeks: 5 })).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { maxIntervalWeeks: expect.any(String) } });
    expect(await updateClinicSettings({ minIntervalWeeks: 9 })).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { minIntervalWeeks: expect.any(String) } });
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "settings@example.com" });
    const first = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "10:00") }, now));
    try {
      expect(await updateClinicSettings({ minIntervalWeeks: 7, maxIntervalWeeks: 9 })).toMatchObject({ ok: true, data: { settings: { minIntervalWeeks: 7, maxIntervalWeeks: 9 } } });
      expect(await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 42), "10:00") }, now)).toMatchObject({ ok: false, code: "too_soon" });
      const read = await getPlanForStaff(staff.sally, plan.id, now);
      expect(read.ok && read.data.plan.nextWindow).toEqual({ earliest: addLondonDays(first, 49), latest: addLondonDays(first, 63) });
    } finally {
      await updateClinicSettings({ minIntervalWeeks: original.minIntervalWeeks, maxIntervalWeeks: original.maxIntervalWeeks });
    }
  });
});

describe("health data stays in the staff area", () => {
  it("no email, manage-link answer or calendar feed of a whole course shows the skin type or the outcome notes", async () => {
    const date = consultationDate();
    const { plan, consultation } = await courseFor(pool, staff.sally, { date, time: "09:00", email: "private@example.com" });
    const first = addLondonDays(date, 7);
    const now = later(consultation.start, DAY);
    const one = bookedId(await bookCourseSession(staff.sally, plan.id, { start: instant(first, "10:00") }, now));
    await recordAttendance(staff.sally, one, "attended", instant(first, "10:25"));
    await inviteRecall(staff.reception, plan.id, instant(addLondonDays(first, 30), "09:00"));
    await bookCourseSession(staff.sally, plan.id, { start: instant(addLondonDays(first, 42), "10:00") }, now);

    const all = (await pool.query(`SELECT kind, subject, "textBody", "htmlBody", coalesce("icsContent", '') AS ics FROM "EmailMessage"`)).rows;
    expect(all.map((e) => e.kind).sort()).toEqual(["acknowledgement", "aftercare", "confirmation", "confirmation", "confirmation", "plan_quote", "recall", "reminder", "reminder", "reminder"]);
    for (const email of all) expectNoHealthData(`${email.subject}\n${email.textBody}\n${email.htmlBody}\n${email.ics}`, `the ${email.kind} email`);

    const feed = await rotateCalendarFeed(staff.sally, "sally");
    const token = feed.ok ? feed.data.url.match(/calendar\/([^.]+)\.ics/)![1]! : "";
    const ics = await getCalendarFeed(token, now);
    expect(ics).toContain("Laser session: full scalp");
    expectNoHealthData(ics!, "the calendar feed");
  });
});
