import "server-only";
import type { Tx } from "@/lib/db";
import { getCourseRules } from "@/lib/clinic/settings";
import { chooseLaserDevice, LASER_BUSY_MESSAGE, lockLasers } from "@/lib/availability/laser";
import { isTooSoon } from "@/lib/availability/course-windows";
import { BookingAbort, lockPractitioners, type BookingRow } from "@/lib/bookings/internal";
import { londonDateOf } from "@/lib/time/london";
import { checkSessionTiming, neighboursOf, type CourseSession } from "./course-state";

/**
 * What moving a laser booking adds to an ordinary move (lib/bookings/change.ts): the course's timing
 * rules for a course session (the patient's window, the staff's minimum interval unless they give a
 * reason, the patch test), the locks in the order every booking path takes them (plan, then
 * practitioners, then lasers), and a free laser at the new time.
 */
export type LaserMove = { laserDevice: number; courseOverrideReason: string | null };

const toCourseSession = (s: { id: string; startsAt: Date; endsAt: Date; status: string }): CourseSession => ({ id: s.id, start: s.startsAt, end: s.endsAt, status: s.status });

export async function prepareLaserMove(
  tx: Tx,
  row: BookingRow,
  input: { start: Date; durationMinutes: number; practitionerIds: string[]; audience: "public" | "staff"; now: Date; overrideReason?: string },
): Promise<LaserMove | null> {
  if (!row.service.usesLaserDevice) return null;
  const end = new Date(input.start.getTime() + input.durationMinutes * 60_000);
  let courseOverrideReason: string | null = null;
  const planId = row.treatmentPlan?.id;
  if (planId) {
    await tx.$queryRaw`SELECT id FROM "TreatmentPlan" WHERE id = ${planId} FOR UPDATE`;
    const plan = await tx.treatmentPlan.findUniqueOrThrow({
      where: { id: planId },
      select: {
        patchTests: { orderBy: [{ at: "desc" }, { createdAt: "desc" }], take: 1, select: { result: true, at: true } },
        sessions: { select: { id: true, startsAt: true, endsAt: true, status: true } },
      },
    });
    const rules = await getCourseRules(tx);
    const { previous, next } = neighboursOf(plan.sessions.map(toCourseSession), row.id);
    const reason = input.audience === "staff" ? input.overrideReason : undefined;
    const refusal = checkSessionTiming({
      start: input.start,
      end,
      previous,
      next,
      patchTest: plan.patchTests[0] ?? null,
      settings: rules,
      audience: input.audience,
      overrideReason: reason,
      today: londonDateOf(input.now),
    });
    if (refusal) throw new BookingAbort(refusal.code, refusal.message, refusal.fieldErrors);
    const overrides = (previous && isTooSoon(previous.start, input.start, rules.minIntervalWeeks)) || (next && isTooSoon(input.start, next.start, rules.minIntervalWeeks));
    courseOverrideReason = overrides && reason ? reason : null;
  }
  await lockPractitioners(tx, input.practitionerIds);
  await lockLasers(tx);
  const laserDevice = await chooseLaserDevice(tx, { start: input.start, end, ignoreBookingId: row.id });
  if (laserDevice === null) throw new BookingAbort("slot_unavailable", LASER_BUSY_MESSAGE, { start: LASER_BUSY_MESSAGE });
  return { laserDevice, courseOverrideReason };
}
