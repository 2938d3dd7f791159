import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/result";
import { seesEveryDiary, type StaffUser } from "@/lib/auth/types";
import { getClinicInfo, getCourseRules, type CourseRules } from "@/lib/clinic/settings";
import { lastPatchTestValidDate, patchTestReadyAt } from "@/lib/availability/course-windows";
import { queueEmail } from "@/lib/email/outbox";
import { renderPlanQuoteEmail } from "@/lib/email/course-templates";
import { BookingAbort, recordBookingEvent, runBookingTransaction, type Actor } from "@/lib/bookings/internal";
import { lockBookingRow } from "@/lib/bookings/change";
import { londonDateOf, type LondonDate } from "@/lib/time/london";
import type { OutcomeInput, PatchTestInput } from "@/lib/validation/courses";
import { countedSessions, describeCourse, type PlanStatus } from "./course-state";

/**
 * Treatment plans: a consultation's outcome, its quote, the patch test, and the course it plans
 * (api.md, "Treatment courses"). A plan belongs to its consultation's practitioner: a practitioner
 * reaches only their own plans (others are not found, 404); the front desk reaches all.
 * Fitzpatrick type and outcome notes are health data: they appear here, in the staff API, and
 * nowhere a patient or a calendar can see.
 */
export const AREA_SERVICE_SLUGS = { small: "laser-small-area", full: "laser-full-scalp" } as const;

export const planSelect = {
  id: true,
  suitable: true,
  area: true,
  fitzpatrick: true,
  estimatedSessions: true,
  sessionPricePence: true,
  notes: true,
  createdAt: true,
  consultation: { select: { id: true, reference: true } },
  patient: { select: { id: true, name: true, email: true } },
  practitioner: { select: { id: true, slug: true, name: true } },
  service: { select: { id: true, slug: true, name: true } },
  patchTests: { orderBy: [{ at: "desc" }, { createdAt: "desc" }], take: 1, select: { result: true, at: true } },
  sessions: {
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, reference: true, startsAt: true, endsAt: true, status: true, courseOverrideReason: true, practitioner: { select: { slug: true } } },
  },
} satisfies Prisma.TreatmentPlanSelect;

export type PlanRow = Prisma.TreatmentPlanGetPayload<{ select: typeof planSelect }>;

export type PlanSessionDto = {
  /** The session's place in the course; null once it no longer counts (cancelled, no-show). */
  number: number | null;
  bookingId: string;
  reference: string;
  start: string;
  end: string;
  status: string;
  practitioner: string;
  /** Why it was booked closer than the minimum interval to the one before, if it was. */
  overrideReason: string | null;
};

export type PlanDto = {
  id: string;
  patientId: string;
  patient: { id: string; name: string };
  consultation: { id: string; reference: string };
  practitioner: string;
  practitionerName: string;
  service: string;
  serviceName: string;
  suitable: boolean;
  area: "small" | "full";
  fitzpatrick: number;
  estimatedSessions: number;
  sessionPricePence: number;
  /** estimatedSessions x sessionPricePence: an estimate, the patient pays per session. */
  quotePence: number;
  status: PlanStatus;
  notes: string | null;
  createdAt: string;
  /** The latest patch test; for a pass, when sessions may start and the last date it covers. */
  patchTest: { result: "pass" | "fail"; at: string; readyAt: string | null; validUntil: LondonDate | null } | null;
  sessions: PlanSessionDto[];
  sessionsToBook: number;
  sessionsAttended: number;
  /** London dates the next session to book may be on; `latest` null: no upper bound (a first session). */
  nextWindow: { earliest: LondonDate; latest: LondonDate | null } | null;
  overdue: boolean;
};

export type PlanEventDto = {
  id: string;
  action: string;
  at: string;
  actor: { type: "patient" | "staff" | "system"; name: string | null };
  after: Record<string, unknown> | null;
};

/** The plans a staff member may reach. */
export function planScope(staff: StaffUser): Prisma.TreatmentPlanWhereInput {
  return seesEveryDiary(staff) ? {} : { practitionerId: staff.practitionerId ?? "no-practitioner" };
}

export const actorOf = (staff: StaffUser): Actor => ({ type: "staff", staffUserId: staff.id });

const PLAN_NOT_FOUND = "That treatment plan was not found.";

export function latestPatchTest(row: Pick<PlanRow, "patchTests">) {
  const test = row.patchTests[0];
  return test ? { result: test.result, at: test.at } : null;
}

export function toPlanDto(row: PlanRow, rules: CourseRules, today: LondonDate): PlanDto {
  const patchTest = latestPatchTest(row);
  const sessions = row.sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, status: s.status }));
  const state = describeCourse({ suitable: row.suitable, estimatedSessions: row.estimatedSessions, sessions, patchTest, settings: rules, today });
  const numbers = new Map(countedSessions(sessions).map((s, i) => [s.id, i + 1]));
  return {
    id: row.id,
    patientId: row.patient.id,
    patient: { id: row.patient.id, name: row.patient.name },
    consultation: row.consultation,
    practitioner: row.practitioner.slug,
    practitionerName: row.practitioner.name,
    service: row.service.slug,
    serviceName: row.service.name,
    suitable: row.suitable,
    area: row.area,
    fitzpatrick: row.fitzpatrick,
    estimatedSessions: row.estimatedSessions,
    sessionPricePence: row.sessionPricePence,
    quotePence: row.estimatedSessions * row.sessionPricePence,
    status: state.status,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    patchTest: patchTest && {
      result: patchTest.result,
      at: patchTest.at.toISOString(),
      readyAt: patchTest.result === "pass" ? new Date(patchTestReadyAt(patchTest.at, rules.patchTestWaitHours)).toISOString() : null,
      validUntil: patchTest.result === "pass" ? lastPatchTestValidDate(patchTest.at, rules.patchTestValidMonths) : null,
    },
    sessions: row.sessions.map((s) => ({
      number: numbers.get(s.id) ?? null,
      bookingId: s.id,
      reference: s.reference,
      start: s.startsAt.toISOString(),
      end: s.endsAt.toISOString(),
      status: s.status,
      practitioner: s.practitioner.slug,
      overrideReason: s.courseOverrideReason,
    })),
    sessionsToBook: state.toBook,
    sessionsAttended: state.attended,
    nextWindow: state.nextWindow,
    overdue: state.overdue,
  };
}

/** Locks the plan's row until the transaction ends (one change to a course at a time) and reads it. */
export async function lockPlanForStaff(tx: Tx, staff: StaffUser, planId: string): Promise<PlanRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TreatmentPlan" WHERE id = ${planId} FOR UPDATE`;
  const row = locked[0] ? await tx.treatmentPlan.findFirst({ where: { AND: [{ id: planId }, planScope(staff)] }, select: planSelect }) : null;
  if (!row) throw new BookingAbort("not_found", PLAN_NOT_FOUND);
  return row;
}

export async function recordPlanEvent(tx: Tx, input: { planId: string; action: string; actor: Actor; before?: object | null; after?: object | null }): Promise<void> {
  await tx.treatmentPlanEvent.create({
    data: {
      planId: input.planId,
      action: input.action,
      actorType: input.actor.type,
      actorId: input.actor.type === "staff" ? input.actor.staffUserId : null,
      before: input.before ?? Prisma.JsonNull,
      after: input.after ?? Prisma.JsonNull,
    },
  });
}

/**
 * Records the outcome of an attended consultation as a plan, priced from the plan's laser service
 * as stored now. A suitable plan is emailed to the patient with its quote, in plain words and
 * without the assessment (skin type, notes). One outcome per consultation.
 */
export async function recordOutcome(staff: StaffUser, bookingId: string, input: OutcomeInput, now: Date): Promise<Result<{ plan: PlanDto }>> {
  const result = await runBookingTransaction(async (tx) => {
    const booking = await lockBookingRow(tx, bookingId);
    if (!booking || !(seesEveryDiary(staff) || booking.practitioner.id === staff.practitionerId)) throw new BookingAbort("not_found", "That booking was not found.");
    if (booking.service.usesLaserDevice) throw new BookingAbort("conflict", "Outcomes are recorded on consultations, not on laser sessions.");
    if (booking.status !== "attended") {
      throw new BookingAbort("not_attended", "Mark the consultation attended before recording its outcome.");
    }
    if (await tx.treatmentPlan.count({ where: { consultationId: bookingId } })) throw new BookingAbort("conflict", "An outcome is already recorded for this consultation.");
    const service = await tx.service.findFirst({ where: { slug: AREA_SERVICE_SLUGS[input.area], active: true }, select: { id: true, name: true, priceFromPence: true } });
    if (!service) throw new BookingAbort("conflict", "That laser service is not offered at the moment. Check the services in the admin settings.");

    const plan = await tx.treatmentPlan.create({
      data: {
        consultationId: bookingId,
        patientId: booking.patient.id,
        practitionerId: booking.practitioner.id,
        serviceId: service.id,
        suitable: input.suitable,
        area: input.area,
        fitzpatrick: input.fitzpatrick,
        estimatedSessions: input.estimatedSessions,
        sessionPricePence: service.priceFromPence,
        notes: input.notes ?? null,
        createdById: staff.id,
      },
      select: planSelect,
    });
    const quotePence = plan.estimatedSessions * plan.sessionPricePence;
    const summary = { suitable: plan.suitable, area: plan.area, fitzpatrick: plan.fitzpatrick, estimatedSessions: plan.estimatedSessions, sessionPricePence: plan.sessionPricePence, quotePence };
    await recordPlanEvent(tx, { planId: plan.id, action: "outcome_recorded", actor: actorOf(staff), after: { ...summary, consultationId: bookingId } });
    await recordBookingEvent(tx, { bookingId, action: "outcome_recorded", actor: actorOf(staff), after: { planId: plan.id, suitable: plan.suitable, estimatedSessions: plan.estimatedSessions } });

    const rules = await getCourseRules(tx);
    if (plan.suitable) {
      await queueEmail(tx, {
        dedupeKey: `plan:${plan.id}:quote`,
        kind: "plan_quote",
        bookingId,
        to: booking.patient.email,
        toName: booking.patient.name,
        ...renderPlanQuoteEmail(
          {
            reference: booking.reference,
            patientName: booking.patient.name,
            practitionerName: booking.practitioner.name,
            serviceName: service.name,
            estimatedSessions: plan.estimatedSessions,
            sessionPricePence: plan.sessionPricePence,
            quotePence,
            minIntervalWeeks: rules.minIntervalWeeks,
            maxIntervalWeeks: rules.maxIntervalWeeks,
            patchTestWaitHours: rules.patchTestWaitHours,
          },
          await getClinicInfo(tx),
        ),
      });
    }
    return toPlanDto(plan, rules, londonDateOf(now));
  });
  return result.ok ? ok({ plan: result.data }) : result;
}

/** Records a patch test (`at` defaults to now and is never in the future); the latest one counts. */
export async function recordPatchTest(staff: StaffUser, planId: string, input: PatchTestInput, now: Date): Promise<Result<{ plan: PlanDto }>> {
  const at = input.at ?? now;
  if (at.getTime() > now.getTime()) return fail("invalid_request", "Please check the highlighted fields.", { at: "The patch test cannot be in the future." });
  const result = await runBookingTransaction(async (tx) => {
    const plan = await lockPlanForStaff(tx, staff, planId);
    if (!plan.suitable) throw new BookingAbort("conflict", "This plan found laser removal not suitable, so it has no patch test.");
    await tx.patchTest.create({ data: { planId, result: input.result, at, recordedById: staff.id } });
    await recordPlanEvent(tx, { planId, action: "patch_test_recorded", actor: actorOf(staff), after: { result: input.result, at: at.toISOString() } });
    const updated = await tx.treatmentPlan.findUniqueOrThrow({ where: { id: planId }, select: planSelect });
    return toPlanDto(updated, await getCourseRules(tx), londonDateOf(now));
  });
  return result.ok ? ok({ plan: result.data }) : result;
}

export async function getPlanForStaff(staff: StaffUser, planId: string, now: Date): Promise<Result<{ plan: PlanDto; events: PlanEventDto[] }>> {
  const row = await db.treatmentPlan.findFirst({ where: { AND: [{ id: planId }, planScope(staff)] }, select: planSelect });
  if (!row) return fail("not_found", PLAN_NOT_FOUND);
  const events = await db.treatmentPlanEvent.findMany({ where: { planId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((v): v is string => Boolean(v)))];
  const actors = await db.staffUser.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  return ok({
    plan: toPlanDto(row, await getCourseRules(), londonDateOf(now)),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.createdAt.toISOString(),
      actor: { type: e.actorType as PlanEventDto["actor"]["type"], name: actors.find((a) => a.id === e.actorId)?.name ?? null },
      after: (e.after as Record<string, unknown> | null) ?? null,
    })),
  });
}
