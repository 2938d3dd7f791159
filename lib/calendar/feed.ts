import "server-only";
import { db } from "@/lib/db";
import { seesEveryDiary, type StaffUser } from "@/lib/auth/types";
import { generateManageToken, hashToken, MANAGE_TOKEN_PATTERN } from "@/lib/bookings/tokens";
import { getServerEnv } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { bookingInviteUid, buildCalendarFeed } from "@/lib/email/ics";

/**
 * A practitioner's private, read-only calendar subscription (ICS) for phone calendars. The URL's
 * token is 256 random bits, stored as a hash, and revocable; the feed names the service and the
 * reference only, never a patient's contact details.
 */
async function findManaged(staff: StaffUser, slug: string) {
  return db.practitioner.findFirst({ where: { slug, active: true, ...(seesEveryDiary(staff) ? {} : { id: staff.practitionerId ?? "no-practitioner" }) }, select: { id: true, calendarFeedTokenHash: true } });
}

export async function getCalendarFeedStatus(staff: StaffUser, slug: string): Promise<{ active: boolean } | null> {
  const practitioner = await findManaged(staff, slug);
  return practitioner ? { active: practitioner.calendarFeedTokenHash !== null } : null;
}

/** A new subscription URL; any earlier one stops working. The URL is shown once. */
export async function rotateCalendarFeed(staff: StaffUser, slug: string): Promise<Result<{ url: string }>> {
  const practitioner = await findManaged(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  const token = generateManageToken();
  await db.practitioner.update({ where: { id: practitioner.id }, data: { calendarFeedTokenHash: hashToken(token) } });
  return ok({ url: new URL(`/calendar/${token}.ics`, getServerEnv().APP_URL).toString() });
}

export async function revokeCalendarFeed(staff: StaffUser, slug: string): Promise<Result<{ active: false }>> {
  const practitioner = await findManaged(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  await db.practitioner.update({ where: { id: practitioner.id }, data: { calendarFeedTokenHash: null } });
  return ok({ active: false });
}

/** The feed for a token, or null for an unknown or revoked one. */
export async function getCalendarFeed(token: string, now: Date): Promise<string | null> {
  if (!MANAGE_TOKEN_PATTERN.test(token)) return null;
  const practitioner = await db.practitioner.findUnique({ where: { calendarFeedTokenHash: hashToken(token) }, select: { id: true, name: true } });
  if (!practitioner) return null;
  const bookings = await db.booking.findMany({
    where: { practitionerId: practitioner.id, status: { in: ["requested", "confirmed", "attended", "no_show"] }, startsAt: { gte: new Date(now.getTime() - 30 * 86_400_000), lte: new Date(now.getTime() + 366 * 86_400_000) } },
    orderBy: { startsAt: "asc" },
    select: { id: true, reference: true, status: true, startsAt: true, endsAt: true, icsSequence: true, service: { select: { name: true } } },
  });
  return buildCalendarFeed({
    name: `${practitioner.name}'s diary`,
    events: bookings.map((b) => ({
      uid: bookingInviteUid(b.id),
      sequence: b.icsSequence,
      start: b.startsAt,
      end: b.endsAt,
      title: `${b.status === "requested" ? "Request: " : ""}${b.service.name} (${b.reference})`,
      status: b.status === "requested" ? "TENTATIVE" : "CONFIRMED",
      stamp: now,
    })),
  });
}
