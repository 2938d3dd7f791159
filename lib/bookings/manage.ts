import "server-only";
import { db, type Tx } from "@/lib/db";
import { fail, ok, SLOT_TAKEN_MESSAGE, type Result } from "@/lib/result";
import { getClinicSettings } from "@/lib/clinic/settings";
import { findPractitioners, findService } from "@/lib/availability";
import { queueEmail } from "@/lib/email/outbox";
import { renderCancelledEmail, renderPatientRescheduledEmail } from "@/lib/email/templates";
import { kickOutbox } from "@/lib/email/delivery";
import {
  BookingAbort,
  TRANSACTION_OPTIONS,
  auditSnapshot,
  bookUrl,
  bookingDtoSelect,
  choosePractitionerForSlot,
  isOverlapViolation,
  isRetryableTransactionError,
  lockPractitioners,
  recordBookingEvent,
  toEmailBooking,
  toPublicBookingDto,
  type BookingRow,
  type BookingStatus,
  type PublicBookingDto,
} from "./internal";
import { MANAGE_TOKEN_PATTERN, hashToken } from "./tokens";

/**
 * What a patient can do through the private manage link. The token is looked up by its hash; a
 * malformed token is treated exactly like an unknown one (404), so the link reveals nothing.
 */
const CHANGEABLE: BookingStatus[] = ["requested", "confirmed"];

export type ManagedBookingDto = PublicBookingDto & { patient: { name: string } };

export type ManagedBookingView = {
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  practitioner: { slug: string; name: string };
  service: { slug: string; name: string };
  patient: { name: string };
  canChange: boolean;
  changeDeadline: string;
  clinicPhone: string;
};

async function findByToken(client: typeof db | Tx, token: string): Promise<BookingRow | null> {
  if (!MANAGE_TOKEN_PATTERN.test(token)) return null;
  const link = await client.manageToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { bookingId: true } });
  if (!link) return null;
  return client.booking.findUnique({ where: { id: link.bookingId }, select: bookingDtoSelect });
}

function toManagedDto(row: BookingRow): ManagedBookingDto {
  return { ...toPublicBookingDto(row), patient: { name: row.patient.name } };
}

function changeDeadlineOf(row: BookingRow, cutoffMinutes: number): Date {
  return new Date(row.startsAt.getTime() - cutoffMinutes * 60_000);
}

export async function getManagedBooking(token: string, now: Date): Promise<ManagedBookingView | null> {
  const row = await findByToken(db, token);
  if (!row) return null;
  const settings = await getClinicSettings();
  const deadline = changeDeadlineOf(row, settings.patientChangeCutoffMinutes);
  return {
    reference: row.reference,
    status: row.status,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    practitioner: { slug: row.practitioner.slug, name: row.practitioner.name },
    service: { slug: row.service.slug, name: row.service.name },
    patient: { name: row.patient.name },
    canChange: CHANGEABLE.includes(row.status) && now < deadline,
    changeDeadline: deadline.toISOString(),
    clinicPhone: settings.phone,
  };
}

export async function getManagedBookingDto(token: string): Promise<Result<{ booking: ManagedBookingDto }>> {
  const row = await findByToken(db, token);
  if (!row) return fail("not_found", "We could not find that booking. Please check the link in your email.");
  return ok({ booking: toManagedDto(row) });
}

/** Locks the booking row for the rest of the transaction and checks the patient may still change it. */
async function lockChangeableBooking(tx: Tx, token: string, now: Date) {
  if (!MANAGE_TOKEN_PATTERN.test(token)) throw new BookingAbort("not_found", "We could not find that booking. Please check the link in your email.");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT b.id FROM "Booking" b JOIN "ManageToken" t ON t."bookingId" = b.id WHERE t."tokenHash" = ${hashToken(token)} FOR UPDATE OF b`;
  const id = locked[0]?.id;
  if (!id) throw new BookingAbort("not_found", "We could not find that booking. Please check the link in your email.");
  const row = await tx.booking.findUniqueOrThrow({ where: { id }, select: bookingDtoSelect });
  const settings = await getClinicSettings(tx);
  return { row, settings };
}

function tooLateMessage(phone: string): string {
  return `Your appointment is less than 24 hours away, so it can no longer be changed online. Please call the clinic on ${phone}.`;
}

function toFailure(error: unknown) {
  if (error instanceof BookingAbort) return fail(error.code, error.message, error.fieldErrors);
  if (isOverlapViolation(error)) return fail("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });
  return null;
}

export async function cancelBookingByPatient(token: string, input: { reason?: string }, now: Date): Promise<Result<{ booking: ManagedBookingDto }>> {
  try {
    const booking = await db.$transaction(async (tx) => {
      const { row, settings } = await lockChangeableBooking(tx, token, now);
      if (row.status === "cancelled") return row; // a repeated cancel is answered, not refused
      if (!CHANGEABLE.includes(row.status)) throw new BookingAbort("conflict", "This booking can no longer be cancelled online.");
      if (now >= changeDeadlineOf(row, settings.patientChangeCutoffMinutes)) throw new BookingAbort("too_late", tooLateMessage(settings.phone));

      const updated = await tx.booking.update({
        where: { id: row.id },
        data: { status: "cancelled", statusReason: input.reason || null, icsSequence: { increment: 1 } },
        select: bookingDtoSelect,
      });
      await recordBookingEvent(tx, { bookingId: row.id, action: "cancelled", actor: { type: "patient" }, before: auditSnapshot(row), after: { ...auditSnapshot(updated), reason: input.reason ?? null } });
      await queueEmail(tx, {
        dedupeKey: `booking:${row.id}:cancelled`,
        kind: "cancelled",
        bookingId: row.id,
        to: updated.patient.email,
        toName: updated.patient.name,
        ...renderCancelledEmail(toEmailBooking(updated), settings, bookUrl()),
      });
      return updated;
    }, TRANSACTION_OPTIONS);
    kickOutbox();
    return ok({ booking: toManagedDto(booking) });
  } catch (error) {
    const failure = toFailure(error);
    if (failure) return failure;
    throw error;
  }
}

export async function rescheduleBookingByPatient(
  token: string,
  input: { start: Date; practitioner?: string },
  now: Date,
): Promise<Result<{ booking: ManagedBookingDto }>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const booking = await db.$transaction(async (tx) => {
        const { row, settings } = await lockChangeableBooking(tx, token, now);
        if (!CHANGEABLE.includes(row.status)) throw new BookingAbort("conflict", "This booking can no longer be changed online.");
        if (now >= changeDeadlineOf(row, settings.patientChangeCutoffMinutes)) throw new BookingAbort("too_late", tooLateMessage(settings.phone));

        const choice = input.practitioner ?? row.practitioner.slug;
        const candidates = await findPractitioners(tx, choice);
        if (candidates.length === 0) throw new BookingAbort("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or no preference." });
        const service = await findService(tx, row.service.slug, "staff");
        if (!service) throw new BookingAbort("conflict", "This appointment type can no longer be moved online. Please call the clinic.");

        await lockPractitioners(tx, [row.practitioner.id, ...candidates.map((c) => c.id)]);
        const slot = await choosePractitionerForSlot(tx, { service, candidateIds: candidates.map((c) => c.id), start: input.start, now, ignoreBookingId: row.id });
        if (!slot) throw new BookingAbort("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });

        const updated = await tx.booking.update({
          where: { id: row.id },
          // A confirmed time that the patient moves needs the clinic's confirmation again.
          data: { startsAt: new Date(slot.start), endsAt: new Date(slot.end), practitionerId: slot.practitionerId, status: "requested", icsSequence: { increment: 1 } },
          select: bookingDtoSelect,
        });
        await recordBookingEvent(tx, { bookingId: row.id, action: "rescheduled", actor: { type: "patient" }, before: auditSnapshot(row), after: auditSnapshot(updated) });
        await queueEmail(tx, {
          dedupeKey: `booking:${row.id}:rescheduled:${updated.icsSequence}`,
          kind: "rescheduled",
          bookingId: row.id,
          to: updated.patient.email,
          toName: updated.patient.name,
          ...renderPatientRescheduledEmail(toEmailBooking(updated), settings),
        });
        return updated;
      }, TRANSACTION_OPTIONS);
      kickOutbox();
      return ok({ booking: toManagedDto(booking) });
    } catch (error) {
      const failure = toFailure(error);
      if (failure) return failure;
      if (isRetryableTransactionError(error) && attempt < 4) continue;
      throw error;
    }
  }
}
