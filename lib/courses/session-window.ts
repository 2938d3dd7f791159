import "server-only";
import type { db, Tx } from "@/lib/db";
import { getCourseRules } from "@/lib/clinic/settings";
import { sessionWindow, type CourseWindow } from "@/lib/availability/course-windows";
import { countedSessions, neighboursOf } from "./course-state";

/**
 * A course session as its patient sees it through the manage link (api.md): "Session 2 of 6" and
 * the London dates it may move to. Nothing of the assessment (skin type, notes, patch test) is in it.
 */
export type PatientCourseView = { number: number | null; of: number; window: CourseWindow | null };

export async function getPatientCourseView(client: typeof db | Tx, booking: { id: string; treatmentPlan: { id: string } | null }): Promise<PatientCourseView | null> {
  if (!booking.treatmentPlan) return null;
  const plan = await client.treatmentPlan.findUniqueOrThrow({
    where: { id: booking.treatmentPlan.id },
    select: {
      estimatedSessions: true,
      patchTests: { orderBy: [{ at: "desc" }, { createdAt: "desc" }], take: 1, select: { result: true, at: true } },
      sessions: { select: { id: true, startsAt: true, endsAt: true, status: true } },
    },
  });
  const sessions = plan.sessions.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt, status: s.status }));
  const index = countedSessions(sessions).findIndex((s) => s.id === booking.id);
  if (index === -1) return { number: null, of: plan.estimatedSessions, window: null };
  const { previous, next } = neighboursOf(sessions, booking.id);
  const window = sessionWindow({ previousSessionDate: previous?.start ?? null, nextSessionDate: next?.start ?? null, patchTest: plan.patchTests[0] ?? null }, await getCourseRules(client));
  return { number: index + 1, of: plan.estimatedSessions, window };
}
