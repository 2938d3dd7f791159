import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { getBankHolidaysForYears } from "@/lib/time/bank-holidays";
import { addLondonDays, isoWeekdayOf, londonDateOf, londonWallTimeToInstant } from "@/lib/time/london";
import { BASE_URL, SMTP_PORT } from "../../playwright.config";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { signInApi, testDb } from "./support";

/**
 * Every route of api.md's "Treatment courses" over HTTP against the real server, with real staff
 * sessions: the session rules (401, 403, 404) and each error code as the browser and the clinic's
 * other clients will see them. The domain's details are covered by tests/integration/courses.test.ts;
 * here the server's clock is the real one, so dates are days ahead (Wednesdays clear of bank holidays)
 * and the few things that must lie in the past (an attended consultation, an attended session) are
 * moved there in the database.
 */
type Actor = "anonymous" | "sally" | "hannah" | "reception" | "admin";
const clients = {} as Record<Actor, APIRequestContext>;
let db: pg.Pool;
let smtp: TestSmtpServer;
const created = { bookings: [] as string[], plans: [] as string[] };

test.beforeAll(async () => {
  db = testDb();
  smtp = await startTestSmtpServer(SMTP_PORT);
  clients.anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  for (const who of ["sally", "hannah", "reception", "admin"] as const) clients[who] = await signInApi(`${who}@clinic.example`);
});

test.afterAll(async () => {
  // Leave the diary as the other specs expect it: sessions first (they rest on the plan), then plans and consultations.
  await db.query(`DELETE FROM "Booking" WHERE "treatmentPlanId" = ANY($1)`, [created.plans]);
  await db.query(`DELETE FROM "TreatmentPlan" WHERE id = ANY($1)`, [created.plans]);
  await db.query(`DELETE FROM "Booking" WHERE id = ANY($1)`, [created.bookings]);
  await Promise.all(Object.values(clients).map((c) => c.dispose()));
  await smtp.close();
  await db.end();
});

const holidays = new Set(getBankHolidaysForYears(2026, 2032).map((h) => h.date));
/** A Wednesday at least `days` ahead whose dates `weeks` weeks on are not bank holidays either. */
function clearWednesday(days: number, weeks: number[]): string {
  let date = addLondonDays(londonDateOf(Date.now()), days);
  while (isoWeekdayOf(date) !== 3 || [0, ...weeks].some((w) => holidays.has(addLondonDays(date, 7 * w)))) date = addLondonDays(date, 1);
  return date;
}
const at = (date: string, time: string) => londonWallTimeToInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3))).toISOString();

async function status(actor: Actor, method: "GET" | "POST", path: string, data?: unknown) {
  const response = method === "GET" ? await clients[actor].get(path) : await clients[actor].post(path, { data: data ?? {} });
  return { status: response.status(), body: await response.json() };
}

test("every treatment-course route answers over HTTP as api.md says, with the session rules", async () => {
  // An attended consultation with Sally (two days ago).
  const consultationDay = clearWednesday(10, []);
  const booked = await clients.anonymous.post("/api/bookings", {
    data: { service: "consultation", practitioner: "sally", start: at(consultationDay, "16:30"), patient: { name: "Course Patient", email: "course.e2e@example.com", phone: "07700 900246" }, consent: true },
  });
  expect(booked.status()).toBe(201);
  const consultationId = (await db.query(`SELECT id FROM "Booking" WHERE reference = $1`, [(await booked.json()).booking.reference])).rows[0].id as string;
  created.bookings.push(consultationId);
  const outcome = { suitable: true, area: "full", fitzpatrick: 4, estimatedSessions: 6, notes: "E2E outcome notes" };

  expect((await status("anonymous", "POST", `/api/staff/bookings/${consultationId}/outcome`, outcome)).status).toBe(401);
  expect((await status("sally", "POST", `/api/staff/bookings/${consultationId}/outcome`, outcome)).body.error.code).toBe("not_attended");
  await db.query(
    `UPDATE "Booking" SET status = 'attended', "startsAt" = date_trunc('hour', now()) - interval '2 days', "endsAt" = date_trunc('hour', now()) - interval '2 days' + interval '30 minutes' WHERE id = $1`,
    [consultationId],
  );
  expect((await status("hannah", "POST", `/api/staff/bookings/${consultationId}/outcome`, outcome)).status).toBe(404);
  const invalid = await status("sally", "POST", `/api/staff/bookings/${consultationId}/outcome`, { ...outcome, fitzpatrick: 7, estimatedSessions: 0 });
  expect(invalid).toMatchObject({ status: 400, body: { error: { code: "invalid_request", fields: { fitzpatrick: expect.any(String), estimatedSessions: expect.any(String) } } } });
  const planned = await status("sally", "POST", `/api/staff/bookings/${consultationId}/outcome`, outcome);
  expect(planned).toMatchObject({ status: 201, body: { plan: { service: "laser-full-scalp", sessionPricePence: 25_000, estimatedSessions: 6, quotePence: 150_000, status: "proposed", patientId: expect.any(String) } } });
  const planId = planned.body.plan.id as string;
  created.plans.push(planId);
  expect((await status("sally", "POST", `/api/staff/bookings/${consultationId}/outcome`, outcome)).status).toBe(409);

  // The plan: Sally's; the front desk sees it, Hannah does not.
  for (const actor of ["sally", "reception", "admin"] as const) expect((await status(actor, "GET", `/api/staff/plans/${planId}`)).status, actor).toBe(200);
  expect((await status("hannah", "GET", `/api/staff/plans/${planId}`)).status).toBe(404);
  expect((await status("anonymous", "GET", `/api/staff/plans/${planId}`)).status).toBe(401);
  expect((await status("reception", "GET", `/api/staff/plans/no-such-plan`)).status).toBe(404);

  // No patch test yet: nothing can be proposed or booked.
  const firstDay = clearWednesday(4, [5, 6, 7, 8]);
  expect((await status("sally", "GET", `/api/staff/plans/${planId}/proposal`)).body.error.code).toBe("patch_test_required");
  expect((await status("sally", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(firstDay, "16:00") })).body.error.code).toBe("patch_test_required");

  const future = new Date(Date.now() + 3_600_000).toISOString();
  expect((await status("sally", "POST", `/api/staff/plans/${planId}/patch-test`, { result: "pass", at: future })).status).toBe(400);
  expect((await status("hannah", "POST", `/api/staff/plans/${planId}/patch-test`, { result: "pass" })).status).toBe(404);
  expect((await status("anonymous", "POST", `/api/staff/plans/${planId}/patch-test`, { result: "pass" })).status).toBe(401);
  const testedAt = new Date(Date.now() - 3_600_000).toISOString();
  expect(await status("sally", "POST", `/api/staff/plans/${planId}/patch-test`, { result: "pass", at: testedAt })).toMatchObject({ status: 200, body: { plan: { patchTest: { result: "pass", at: testedAt } } } });

  const proposal = await status("sally", "GET", `/api/staff/plans/${planId}/proposal`);
  expect(proposal.status).toBe(200);
  expect(proposal.body.starts.length).toBeGreaterThan(0);
  expect(Date.parse(proposal.body.starts[0])).toBeGreaterThanOrEqual(Date.parse(testedAt) + 48 * 3_600_000);
  expect((await status("hannah", "GET", `/api/staff/plans/${planId}/proposal`)).status).toBe(404);
  expect((await status("reception", "GET", `/api/staff/plans/${planId}/proposal?practitioner=hannah`)).status).toBe(200);

  // Sessions.
  expect((await status("anonymous", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(firstDay, "16:00") })).status).toBe(401);
  expect((await status("hannah", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(firstDay, "16:00") })).status).toBe(404);
  expect((await status("sally", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(firstDay, "16:00"), practitioner: "hannah" })).status).toBe(403);
  expect((await status("sally", "POST", `/api/staff/plans/${planId}/sessions`, { start: "soon" })).status).toBe(400);
  const one = await status("reception", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(firstDay, "16:00") });
  expect(one).toMatchObject({ status: 201, body: { booking: { status: "confirmed", start: at(firstDay, "16:00"), course: { planId, number: 1, of: 6 } } } });
  const tooSoon = await status("sally", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(addLondonDays(firstDay, 35), "16:00") });
  expect(tooSoon).toMatchObject({ status: 409, body: { error: { code: "too_soon" } } });
  const two = await status("sally", "POST", `/api/staff/plans/${planId}/sessions`, { start: at(addLondonDays(firstDay, 49), "16:00") });
  expect(two).toMatchObject({ status: 201, body: { booking: { course: { number: 2, of: 6 } } } });
  const detail = await status("sally", "GET", `/api/staff/bookings/${one.body.booking.id}`);
  expect(detail.body).toMatchObject({ booking: { course: { planId, number: 1, of: 6 } }, events: [{ action: "confirmed", after: { session: "1 of 6" } }] });
  // The laser is Sally's at that time: Hannah is offered no laser time over it.
  const hannahsLaser = await status("hannah", "GET", `/api/staff/availability?service=laser-small-area&practitioner=hannah&from=${firstDay}&to=${firstDay}`);
  expect(hannahsLaser.body.slots.map((s: { start: string }) => s.start)).not.toContain(at(firstDay, "16:00"));
  expect(hannahsLaser.body.slots.map((s: { start: string }) => s.start)).toContain(at(firstDay, "16:20"));

  // A laser session cannot be booked from the phone-booking route.
  const phone = await status("reception", "POST", "/api/staff/bookings", {
    service: "laser-full-scalp",
    practitioner: "sally",
    start: at(firstDay, "11:00"),
    patient: { name: "Caller", email: "caller.e2e@example.com", phone: "07700 900135" },
    notifyPatient: false,
  });
  expect(phone).toMatchObject({ status: 409, body: { error: { code: "plan_required", message: expect.stringMatching(/start a plan/) } } });

  // The patient's manage link for session 2: "Session 2 of 6" and its window; moves only inside it.
  const secondReference = two.body.booking.reference as string;
  const mail = await smtp.waitFor((m) => m.subject?.includes(`confirmed (${secondReference})`) ?? false, 30_000);
  const token = mail.text!.match(/\/booking\/([A-Za-z0-9_-]{43})/)![1]!;
  const managed = await clients.anonymous.get(`/api/manage/${token}`);
  expect(await managed.json()).toMatchObject({ booking: { reference: secondReference, course: { number: 2, of: 6, window: { earliest: addLondonDays(firstDay, 42), latest: addLondonDays(firstDay, 56) } } } });
  const outside = await clients.anonymous.post(`/api/manage/${token}/reschedule`, { data: { start: at(addLondonDays(firstDay, 35), "16:00") } });
  expect(outside.status()).toBe(409);
  expect((await outside.json()).error.code).toBe("outside_course_window");
  const inside = await clients.anonymous.post(`/api/manage/${token}/reschedule`, { data: { start: at(addLondonDays(firstDay, 42), "16:00") } });
  expect(inside.status()).toBe(200);
  expect((await inside.json()).booking).toMatchObject({ start: at(addLondonDays(firstDay, 42), "16:00"), course: { number: 2 } });

  // Session 1 happened a month ago (moved there in the database); marked attended, it queues aftercare.
  await db.query(
    `UPDATE "Booking" SET "startsAt" = date_trunc('hour', now()) - interval '30 days', "endsAt" = date_trunc('hour', now()) - interval '30 days' + interval '20 minutes' WHERE id = $1`,
    [one.body.booking.id],
  );
  expect((await status("sally", "POST", `/api/staff/bookings/${one.body.booking.id}/attendance`, { outcome: "attended" })).status).toBe(200);
  const aftercare = await smtp.waitFor((m) => (/aftercare/i.test(m.subject ?? "") && m.subject?.includes(one.body.booking.reference)) ?? false, 30_000);
  expect(aftercare.text).not.toMatch(/E2E outcome notes|fitzpatrick/i);

  // Recalls: with session 2 booked there is none; cancelled, the course is due (last session + 6 weeks is within 14 days).
  expect((await status("anonymous", "GET", "/api/staff/recalls")).status).toBe(401);
  expect((await status("reception", "GET", "/api/staff/recalls")).body.recalls.map((r: { planId: string }) => r.planId)).not.toContain(planId);
  expect((await status("reception", "POST", `/api/staff/recalls/${planId}/invite`)).status).toBe(409);
  expect((await status("sally", "POST", `/api/staff/bookings/${two.body.booking.id}/cancel`, { notifyPatient: false })).status).toBe(200);
  for (const actor of ["sally", "reception", "admin"] as const) {
    expect((await status(actor, "GET", "/api/staff/recalls")).body.recalls.map((r: { planId: string }) => r.planId), actor).toContain(planId);
  }
  expect((await status("hannah", "GET", "/api/staff/recalls")).body.recalls.map((r: { planId: string }) => r.planId)).not.toContain(planId);
  expect((await status("hannah", "POST", `/api/staff/recalls/${planId}/invite`)).status).toBe(404);
  expect(await status("reception", "POST", `/api/staff/recalls/${planId}/invite`)).toMatchObject({ status: 200, body: { recall: { planId, invitedAt: expect.any(String) } } });
  expect(await status("sally", "POST", `/api/staff/recalls/${planId}/invite`)).toMatchObject({ status: 409, body: { error: { code: "already_invited" } } });

  // The plan keeps the whole story.
  const story = await status("sally", "GET", `/api/staff/plans/${planId}`);
  expect(story.body.events.map((e: { action: string }) => e.action)).toEqual(["recall_invited", "session_booked", "session_booked", "patch_test_recorded", "outcome_recorded"]);
  expect(story.body.plan).toMatchObject({ status: "in_progress", sessionsAttended: 1, sessions: [{ number: 1, status: "attended" }, { number: null, status: "cancelled" }] });
});
