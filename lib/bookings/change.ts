import "server-only";
import type { Tx } from "@/lib/db";
import { SLOT_TAKEN_MESSAGE } from "@/lib/result";
import { findPractitioners, findService } from "@/lib/availability";
import { prepareLaserMove } from "@/lib/courses/session-moves";
import { BookingAbort, auditSnapshot, bookingDtoSelect, choosePractitionerForSlot, lockPractitioners, recordBookingEvent, type Actor, type BookingRow, type BookingStatus } from "./internal";

/**
 * Changes to an existing booking, shared by the patient's manage link and the staff area. Each
 * runs inside the caller's transaction after the caller has locked the booking's row.
 */
export const LIVE_STATUSES: BookingStatus[] = ["requested", "confirmed"];

/** Locks the booking's row until the transaction ends and reads it; null when it does not exist. */
export async function lockBookingRow(tx: Tx, bookingId: string): Promise<BookingRow | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Booking" WHERE id = ${bookingId} FOR UPDATE`;
  if (!locked[0]) return null;
  return tx.booking.findUnique({ where: { id: bookingId }, select: bookingDtoSelect });
}

export async function moveBooking(
  tx: Tx,
  row: BookingRow,
  input: { start: Date; practitioner?: string; now: Date; audience: "public" | "staff"; actor: Actor; overrideReason?: string },
): Promise<BookingRow> {
  if (!LIVE_STATUSES.includes(row.status)) throw new BookingAbort("conflict", "Only requested or confirmed bookings can be moved.");
  const candidates = await findPractitioners(tx, input.practitioner ?? row.practitioner.slug);
  if (candidates.length === 0) throw new BookingAbort("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or no preference." });
  const service = await findService(tx, row.service.slug, "staff");
  if (!service) throw new BookingAbort("conflict", "This appointment type is no longer offered. Please call the clinic.");

  const practitionerIds = [row.practitioner.id, ...candidates.map((c) => c.id)];
  // A laser session: its course's timing rules, then the locks (plan, practitioners, lasers) and a free laser.
  const laser = await prepareLaserMove(tx, row, { start: input.start, durationMinutes: service.durationMinutes, practitionerIds, audience: input.audience, now: input.now, overrideReason: input.overrideReason });
  await lockPractitioners(tx, practitionerIds);
  const slot = await choosePractitionerForSlot(tx, { service, candidateIds: candidates.map((c) => c.id), start: input.start, now: input.now, audience: input.audience, ignoreBookingId: row.id });
  if (!slot) throw new BookingAbort("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });

  const updated = await tx.booking.update({
    where: { id: row.id },
    data: {
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      practitionerId: slot.practitionerId,
      icsSequence: { increment: 1 },
      ...(laser ? { laserDevice: laser.laserDevice, ...(row.treatmentPlan ? { courseOverrideReason: laser.courseOverrideReason } : {}) } : {}),
    },
    select: bookingDtoSelect,
  });
  const overrideReason = laser?.courseOverrideReason ? { overrideReason: laser.courseOverrideReason } : {};
  await recordBookingEvent(tx, { bookingId: row.id, action: "rescheduled", actor: input.actor, before: auditSnapshot(row), after: { ...auditSnapshot(updated), ...overrideReason } });
  return updated;
}

/** Moves a live booking to a final status (cancelled or declined), with the reason. */
export async function closeBooking(tx: Tx, row: BookingRow, input: { status: "cancelled" | "declined"; reason: string | null; actor: Actor }): Promise<BookingRow> {
  const updated = await tx.booking.update({
    where: { id: row.id },
    data: { status: input.status, statusReason: input.reason, icsSequence: { increment: 1 } },
    select: bookingDtoSelect,
  });
  await recordBookingEvent(tx, { bookingId: row.id, action: input.status, actor: input.actor, before: auditSnapshot(row), after: { ...auditSnapshot(updated), reason: input.reason } });
  return updated;
}
