import "server-only";
import { fail, ok, SLOT_TAKEN_MESSAGE, type Result } from "@/lib/result";
import { seesEveryDiary, type StaffUser } from "@/lib/auth/types";
import { getClinicSettings, getCourseRules } from "@/lib/clinic/settings";
import { findPractitioners, findService } from "@/lib/availability";
import { isTooSoon } from "@/lib/availability/course-windows";
import { chooseLaserDevice, LASER_BUSY_MESSAGE, lockLasers } from "@/lib/availability/laser";
import {
  BookingAbort,
  auditSnapshot,
  bookingDtoSelect,
  choosePractitionerForSlot,
  lockPractitioners,
  practitionersBusyBetween,
  recordBookingEvent,
  runBookingTransaction,
} from "@/lib/bookings/internal";
import { notifyConfirmed, planReminder } from "@/lib/bookings/notify";
import { toStaffBookingDto, type StaffBookingDto } from "@/lib/bookings/staff";
import { generateBookingReference } from "@/lib/bookings/tokens";
import { londonDateOf } from "@/lib/time/london";
import type { BookSessionInput } from "@/lib/validation/courses";
import { checkSessionTiming, countedSessions, neighboursOf } from "./course-state";
import { actorOf, latestPatchTest, lockPlanForStaff, recordPlanEvent } from "./plans";
import { courseRefOf } from "./session-position";

/**
 * Books the next session of a course (api.md: POST /api/staff/plans/{id}/sessions): confirmed at
 * once, in the plan's practitioner's diary unless another is chosen, resting on the consultation's
 * consent. Refused with 409 patch_test_required, too_soon (unless `override.reason`) or
 * slot_unavailable (the practitioner or every laser busy). The session gets a confirmation with its
 * calendar invite and manage link, and a reminder.
 */
export async function bookCourseSession(staff: StaffUser, planId: string, input: BookSessionInput, now: Date): Promise<Result<{ booking: StaffBookingDto }>> {
  const choice = input.practitioner;
  if (choice && !seesEveryDiary(staff) && choice !== staff.practitionerSlug) return fail("forbidden", "You can only book sessions in your own diary.");

  const result = await runBookingTransaction(async (tx) => {
    const plan = await lockPlanForStaff(tx, staff, planId);
    if (!plan.suitable) throw new BookingAbort("conflict", "This plan found laser removal not suitable, so it has no sessions.");
    const sessions = plan.sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, status: s.status }));
    if (countedSessions(sessions).length >= plan.estimatedSessions) {
      throw new BookingAbort("conflict", `All ${plan.estimatedSessions} sessions of this plan are booked or done.`);
    }
    const service = await findService(tx, plan.service.slug, "staff");
    if (!service) throw new BookingAbort("conflict", "This plan's laser service is not offered at the moment.");
    const candidates = await findPractitioners(tx, choice ?? plan.practitioner.slug);
    if (candidates.length === 0) throw new BookingAbort("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or any." });

    const rules = await getCourseRules(tx);
    const end = new Date(input.start.getTime() + service.durationMinutes * 60_000);
    const { previous } = neighboursOf(sessions, null);
    const overrideReason = input.override?.reason;
    const refusal = checkSessionTiming({ start: input.start, end, previous, next: null, patchTest: latestPatchTest(plan), settings: rules, audience: "staff", overrideReason, today: londonDateOf(now) });
    if (refusal) throw new BookingAbort(refusal.code, refusal.message, refusal.fieldErrors);
    // Kept only when it overrides the minimum interval: on the plan it reads as "why this one came sooner".
    const keptReason = overrideReason && previous && isTooSoon(previous.start, input.start, rules.minIntervalWeeks) ? overrideReason : null;

    const candidateIds = candidates.map((c) => c.id);
    await lockPractitioners(tx, candidateIds);
    await lockLasers(tx);
    const busy = await practitionersBusyBetween(tx, candidateIds, input.start, end);
    const freeIds = candidateIds.filter((id) => !busy.has(id));
    if (freeIds.length === 0) throw new BookingAbort("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });
    const laserDevice = await chooseLaserDevice(tx, { start: input.start, end });
    if (laserDevice === null) throw new BookingAbort("slot_unavailable", LASER_BUSY_MESSAGE, { start: LASER_BUSY_MESSAGE });
    const slot = await choosePractitionerForSlot(tx, { service, candidateIds: freeIds, start: input.start, now, audience: "staff" });
    if (!slot) throw new BookingAbort("slot_unavailable", "That time is not free in the diary (working hours, breaks or time off). Please pick another.", { start: SLOT_TAKEN_MESSAGE });

    const booking = await tx.booking.create({
      data: {
        reference: generateBookingReference(),
        serviceId: service.id,
        practitionerId: slot.practitionerId,
        patientId: plan.patient.id,
        startsAt: new Date(slot.start),
        endsAt: new Date(slot.end),
        status: "confirmed",
        source: "staff",
        treatmentPlanId: plan.id,
        laserDevice,
        courseOverrideReason: keptReason,
      },
      select: bookingDtoSelect,
    });
    const course = courseRefOf(booking.id, booking.treatmentPlan);
    const session = course?.number ? `${course.number} of ${course.of}` : null;
    await recordBookingEvent(tx, { bookingId: booking.id, action: "confirmed", actor: actorOf(staff), after: { ...auditSnapshot(booking), session, ...(keptReason ? { overrideReason: keptReason } : {}) } });
    await recordPlanEvent(tx, {
      planId: plan.id,
      action: "session_booked",
      actor: actorOf(staff),
      after: { bookingId: booking.id, reference: booking.reference, number: course?.number ?? null, start: booking.startsAt.toISOString(), practitioner: booking.practitioner.slug, overrideReason: keptReason },
    });
    const settings = await getClinicSettings(tx);
    await notifyConfirmed(tx, booking, settings);
    await planReminder(tx, booking, settings, now);
    return booking;
  });
  return result.ok ? ok({ booking: toStaffBookingDto(result.data) }) : result;
}
