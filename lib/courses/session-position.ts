import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A course session's number is its place among the plan's sessions that still count, by start: a
 * cancelled or missed (no-show) session gives its number up, so the later ones move down and the
 * session booked next takes the next number. Nothing is stored that could fall out of step.
 * No imports from lib/bookings, so the booking select there can use this.
 */
export const COUNTED_SESSION_STATUSES = ["requested", "confirmed", "attended"] as const;

/** What a booking row needs to say "Session 2 of 6" (nested in the booking selects). */
export const courseOfBookingSelect = {
  id: true,
  estimatedSessions: true,
  sessions: {
    where: { status: { in: [...COUNTED_SESSION_STATUSES] } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true },
  },
} satisfies Prisma.TreatmentPlanSelect;

export type CourseOfBookingRow = Prisma.TreatmentPlanGetPayload<{ select: typeof courseOfBookingSelect }>;

/** `number` is null for a session that no longer counts (cancelled, declined, no-show). */
export type CourseRef = { planId: string; number: number | null; of: number };

export function courseRefOf(bookingId: string, plan: CourseOfBookingRow | null): CourseRef | null {
  if (!plan) return null;
  const index = plan.sessions.findIndex((session) => session.id === bookingId);
  return { planId: plan.id, number: index === -1 ? null : index + 1, of: plan.estimatedSessions };
}

/** "session 2 of 6" for emails and invites: the service name alone says nothing of the course. */
export function describeSession(course: CourseRef | null): string | null {
  return course?.number ? `session ${course.number} of ${course.of}` : null;
}
