import "server-only";
import { db } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/result";
import type { StaffUser } from "@/lib/auth/types";
import { getBookingRules, getCourseRules } from "@/lib/clinic/settings";
import { computeServiceSlots, findPractitioners, findService, loadSchedules, rulesForAudience, slotRulesFor } from "@/lib/availability";
import { lastCourseBookingDate, lastPatchTestValidDate, patchTestReadyAt } from "@/lib/availability/course-windows";
import { proposeCourseStarts } from "@/lib/availability/course-proposals";
import { londonDateOf, type LondonDate } from "@/lib/time/london";
import { describeCourse } from "./course-state";
import { latestPatchTest, planScope, planSelect } from "./plans";

/**
 * Proposed starts for the sessions still to book (api.md: GET /api/staff/plans/{id}/proposal):
 * one per session, in the practitioner's free time with a laser free, the first once the patch
 * test's wait is over, each min..max weeks after the one before (lib/availability/course-proposals.ts).
 * The search runs to the staff booking horizon (12 months) or the last date the patch test covers,
 * whichever is sooner; sessions that find no time there are counted in `unplaced`.
 */
export type ProposalDto = { starts: string[]; practitioner: string; unplaced: number; searchedUntil: LondonDate | null };

export async function getCourseProposal(staff: StaffUser, planId: string, query: { practitioner?: string }, now: Date): Promise<Result<ProposalDto>> {
  const plan = await db.treatmentPlan.findFirst({ where: { AND: [{ id: planId }, planScope(staff)] }, select: planSelect });
  if (!plan) return fail("not_found", "That treatment plan was not found.");
  if (!plan.suitable) return fail("conflict", "This plan found laser removal not suitable, so it has no sessions.");
  const choice = query.practitioner ?? plan.practitioner.slug;
  const [rules, bookingRules, service, practitioners] = await Promise.all([
    getCourseRules(),
    getBookingRules(),
    findService(db, plan.service.slug, "staff"),
    findPractitioners(db, choice),
  ]);
  if (!service) return fail("conflict", "This plan's laser service is not offered at the moment.");
  if (practitioners.length === 0) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or any." });

  const today = londonDateOf(now);
  const patchTest = latestPatchTest(plan);
  const state = describeCourse({
    suitable: plan.suitable,
    estimatedSessions: plan.estimatedSessions,
    sessions: plan.sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, status: s.status })),
    patchTest,
    settings: rules,
    today,
  });
  if (state.toBook === 0) return ok({ starts: [], practitioner: choice, unplaced: 0, searchedUntil: null });
  if (!patchTest || patchTest.result !== "pass") return fail("patch_test_required", "A passed patch test is needed before sessions can be proposed. Record the patch test first.");

  const notBefore = Math.max(patchTestReadyAt(patchTest.at, rules.patchTestWaitHours), now.getTime());
  const from = londonDateOf(notBefore);
  const horizon = lastCourseBookingDate(today);
  const patchTestUntil = lastPatchTestValidDate(patchTest.at, rules.patchTestValidMonths);
  const to = horizon < patchTestUntil ? horizon : patchTestUntil;
  if (to < from) return ok({ starts: [], practitioner: choice, unplaced: state.toBook, searchedUntil: to });

  const schedules = await loadSchedules(db, { practitionerIds: practitioners.map((p) => p.id), from, to });
  const freeSlots = await computeServiceSlots(db, { service, from, to, now: now.getTime(), rules: slotRulesFor(service, rulesForAudience(bookingRules, "staff")), practitioners: schedules });
  const proposal = proposeCourseStarts({ remaining: state.toBook, previousSessionStart: state.last ? state.last.start.getTime() : null, notBefore, settings: rules, freeSlots });
  return ok({ starts: proposal.starts.map((start) => new Date(start).toISOString()), practitioner: choice, unplaced: proposal.unplaced, searchedUntil: to });
}
