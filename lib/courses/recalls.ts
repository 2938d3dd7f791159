import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { ok, type Result } from "@/lib/result";
import type { StaffUser } from "@/lib/auth/types";
import { getClinicInfo, getCourseRules, type CourseRules } from "@/lib/clinic/settings";
import { queueEmail } from "@/lib/email/outbox";
import { renderRecallEmail } from "@/lib/email/course-templates";
import { BookingAbort, runBookingTransaction } from "@/lib/bookings/internal";
import { londonDateOf, type LondonDate } from "@/lib/time/london";
import { describeCourse, recallFor } from "./course-state";
import { actorOf, latestPatchTest, lockPlanForStaff, planScope, planSelect, recordPlanEvent, type PlanRow } from "./plans";

/**
 * The front desk's recall list (api.md: GET /api/staff/recalls): courses with sessions left whose
 * last session was attended, with nothing booked, due within 14 days or overdue; and the invitation
 * email, once per window (the window is fixed by the last attended session, so the next attended
 * session opens a new one).
 */
export type RecallDto = {
  planId: string;
  patient: { id: string; name: string };
  practitioner: string;
  /** London date of the last (attended) session, and its booking. */
  lastSession: LondonDate;
  lastSessionBookingId: string;
  dueFrom: LondonDate;
  dueBy: LondonDate;
  overdue: boolean;
  /** When the patient was invited for this window, or null. */
  invitedAt: string | null;
};

/** Plans that can be due: suitable, something attended, nothing booked (the rest is worked out per plan). */
const recallCandidates: Prisma.TreatmentPlanWhereInput = {
  suitable: true,
  sessions: { some: { status: "attended" } },
  NOT: { sessions: { some: { status: { in: ["requested", "confirmed"] } } } },
};

const recallSelect = { ...planSelect, recallInvitations: { select: { dueFrom: true, sentAt: true } } } satisfies Prisma.TreatmentPlanSelect;

function recallOf(row: PlanRow & { recallInvitations: { dueFrom: Date; sentAt: Date }[] }, rules: CourseRules, today: LondonDate): RecallDto | null {
  const state = describeCourse({
    suitable: row.suitable,
    estimatedSessions: row.estimatedSessions,
    sessions: row.sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, status: s.status })),
    patchTest: latestPatchTest(row),
    settings: rules,
    today,
  });
  const due = recallFor(state, rules, today);
  if (!due || !state.last) return null;
  const invitation = row.recallInvitations.find((i) => i.dueFrom.toISOString().slice(0, 10) === due.dueFrom);
  return {
    planId: row.id,
    patient: { id: row.patient.id, name: row.patient.name },
    practitioner: row.practitioner.slug,
    lastSession: due.lastSessionDate,
    lastSessionBookingId: state.last.id,
    dueFrom: due.dueFrom,
    dueBy: due.dueBy,
    overdue: due.overdue,
    invitedAt: invitation ? invitation.sentAt.toISOString() : null,
  };
}

export async function listRecalls(staff: StaffUser, now: Date): Promise<Result<{ recalls: RecallDto[] }>> {
  const [rows, rules] = await Promise.all([db.treatmentPlan.findMany({ where: { AND: [planScope(staff), recallCandidates] }, select: recallSelect }), getCourseRules()]);
  const today = londonDateOf(now);
  const recalls = rows.map((row) => recallOf(row, rules, today)).filter((r): r is RecallDto => r !== null);
  return ok({ recalls: recalls.sort((a, b) => a.dueFrom.localeCompare(b.dueFrom) || a.patient.name.localeCompare(b.patient.name)) });
}

/** Emails the patient an invitation to book their next session; a second one for the same window answers 409 already_invited. */
export async function inviteRecall(staff: StaffUser, planId: string, now: Date): Promise<Result<{ recall: RecallDto }>> {
  const result = await runBookingTransaction(async (tx) => {
    await lockPlanForStaff(tx, staff, planId);
    const row = await tx.treatmentPlan.findUniqueOrThrow({ where: { id: planId }, select: recallSelect });
    const rules = await getCourseRules(tx);
    const recall = recallOf(row, rules, londonDateOf(now));
    if (!recall) throw new BookingAbort("conflict", "This course has no recall due: its next session is booked, its last one is not attended yet, it has none left, or it is not due within 14 days.");
    if (recall.invitedAt) throw new BookingAbort("already_invited", `The patient was already invited to book this session on ${recall.invitedAt.slice(0, 10)}.`);

    const sentAt = now;
    await tx.recallInvitation.create({ data: { planId, dueFrom: new Date(`${recall.dueFrom}T00:00:00Z`), dueBy: new Date(`${recall.dueBy}T00:00:00Z`), sentById: staff.id, sentAt } });
    await recordPlanEvent(tx, { planId, action: "recall_invited", actor: actorOf(staff), after: { dueFrom: recall.dueFrom, dueBy: recall.dueBy } });
    const last = row.sessions.find((s) => s.id === recall.lastSessionBookingId)!;
    await queueEmail(tx, {
      dedupeKey: `plan:${planId}:recall:${recall.dueFrom}`,
      kind: "recall",
      bookingId: last.id,
      to: row.patient.email,
      toName: row.patient.name,
      ...renderRecallEmail(
        { reference: last.reference, patientName: row.patient.name, practitionerName: row.practitioner.name, lastSessionDate: recall.lastSession, dueFrom: recall.dueFrom, dueBy: recall.dueBy },
        await getClinicInfo(tx),
      ),
    });
    return { ...recall, invitedAt: sentAt.toISOString() };
  });
  return result.ok ? ok({ recall: result.data }) : result;
}
