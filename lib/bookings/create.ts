import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { getClinicInfo } from "@/lib/clinic/settings";
import { fail, ok, SLOT_TAKEN_MESSAGE, type Result } from "@/lib/result";
import { findPractitioners, findService } from "@/lib/availability";
import { queueEmail } from "@/lib/email/outbox";
import { renderAcknowledgementEmail } from "@/lib/email/templates";
import { kickOutbox } from "@/lib/email/delivery";
import type { CreateBookingInput } from "@/lib/validation/booking";
import {
  BookingAbort,
  TRANSACTION_OPTIONS,
  auditSnapshot,
  bookingDtoSelect,
  choosePractitionerForSlot,
  isOverlapViolation,
  isRetryableTransactionError,
  isUniqueViolation,
  lockPractitioners,
  issueManageLink,
  recordBookingEvent,
  toEmailBooking,
  toPublicBookingDto,
  type Actor,
  type PublicBookingDto,
} from "./internal";
import { generateBookingReference, hashToken, openResponseBody, sealResponseBody, type SealedBody } from "./tokens";

export type CreatedBooking = { booking: PublicBookingDto; manageUrl: string };

export type CreateBookingContext = {
  now: Date;
  actor: Actor;
  /** The client's Idempotency-Key header, if it sent one. */
  idempotencyKey?: string;
};

function requestHashOf(input: CreateBookingInput): string {
  const canonical = JSON.stringify([input.service, input.practitioner, input.start.toISOString(), input.patient.name, input.patient.email, input.patient.phone, input.notes ?? null]);
  return createHash("sha256").update(canonical).digest("hex");
}

async function replayIdempotent(idempotencyKey: string, requestHash: string): Promise<Result<CreatedBooking> | null> {
  const record = await db.idempotencyRecord.findUnique({ where: { key: hashToken(idempotencyKey) } });
  if (!record) return null;
  if (record.requestHash !== requestHash) {
    return fail("idempotency_key_reused", "This Idempotency-Key was already used for a different booking. Please send a new key.");
  }
  return ok(openResponseBody(idempotencyKey, record.responseBody as SealedBody) as CreatedBooking);
}

/**
 * A patient's online request for a slot: held (status `requested`) until staff confirm or decline.
 * One transaction re-checks the slot under a per-practitioner lock, writes the booking, its audit
 * event, the acknowledgement email (outbox) and the idempotency record; the exclusion constraint is
 * the backstop that turns any remaining race into a clean "slot taken".
 */
export async function createBookingRequest(input: CreateBookingInput, context: CreateBookingContext): Promise<Result<CreatedBooking>> {
  const requestHash = requestHashOf(input);
  if (context.idempotencyKey) {
    const replay = await replayIdempotent(context.idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const [service, candidates] = await Promise.all([findService(db, input.service, "public"), findPractitioners(db, input.practitioner)]);
  if (!service) return fail("invalid_request", "Please check the highlighted fields.", { service: "That service cannot be booked online." });
  if (candidates.length === 0) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or no preference." });

  for (let attempt = 1; ; attempt++) {
    try {
      const created = await db.$transaction(async (tx) => {
        await lockPractitioners(tx, candidates.map((c) => c.id));
        const slot = await choosePractitionerForSlot(tx, { service, candidateIds: candidates.map((c) => c.id), start: input.start, now: context.now });
        if (!slot) throw new BookingAbort("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });

        const patient = await tx.patient.upsert({
          where: { email: input.patient.email },
          create: { name: input.patient.name, email: input.patient.email, phone: input.patient.phone },
          update: { name: input.patient.name, phone: input.patient.phone },
          select: { id: true },
        });
        const booking = await tx.booking.create({
          data: {
            reference: generateBookingReference(),
            serviceId: service.id,
            practitionerId: slot.practitionerId,
            patientId: patient.id,
            startsAt: new Date(slot.start),
            endsAt: new Date(slot.end),
            status: "requested",
            source: "online",
            notes: input.notes,
          },
          select: bookingDtoSelect,
        });
        await recordBookingEvent(tx, { bookingId: booking.id, action: "requested", actor: context.actor, after: auditSnapshot(booking) });

        const manageUrl = await issueManageLink(tx, booking.id);
        const clinic = await getClinicInfo(tx);
        await queueEmail(tx, {
          dedupeKey: `booking:${booking.id}:acknowledgement`,
          kind: "acknowledgement",
          bookingId: booking.id,
          to: booking.patient.email,
          toName: booking.patient.name,
          ...renderAcknowledgementEmail(toEmailBooking(booking), clinic, manageUrl),
        });

        const body: CreatedBooking = { booking: toPublicBookingDto(booking), manageUrl };
        if (context.idempotencyKey) {
          await tx.idempotencyRecord.create({
            data: { key: hashToken(context.idempotencyKey), scope: "POST /api/bookings", requestHash, responseStatus: 201, responseBody: sealResponseBody(context.idempotencyKey, body) },
          });
        }
        return body;
      }, TRANSACTION_OPTIONS);
      kickOutbox();
      return ok(created);
    } catch (error) {
      if (error instanceof BookingAbort) return fail(error.code, error.message, error.fieldErrors);
      if (isOverlapViolation(error)) return fail("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });
      if (isUniqueViolation(error) && context.idempotencyKey) {
        // The same key arrived twice at once and the other request won: answer as it did.
        const replay = await replayIdempotent(context.idempotencyKey, requestHash);
        if (replay) return replay;
      }
      // A reference collision or a deadlock: draw again, a few times.
      if ((isUniqueViolation(error) || isRetryableTransactionError(error)) && attempt < 4) continue;
      throw error;
    }
  }
}
