import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { getClinicInfo, getClinicSettings } from "@/lib/clinic/settings";
import { fail, ok, SLOT_TAKEN_MESSAGE, type Result } from "@/lib/result";
import { findPractitioners, findService, type ServiceForBooking } from "@/lib/availability";
import type { CreateBookingInput } from "@/lib/validation/booking";
import {
  BookingAbort,
  auditSnapshot,
  bookingDtoSelect,
  choosePractitionerForSlot,
  lockPractitioners,
  practitionersBusyBetween,
  recordBookingEvent,
  runBookingTransaction,
  toPublicBookingDto,
  type Actor,
  type BookingRow,
  type PublicBookingDto,
} from "./internal";
import { notifyRequestReceived } from "./notify";
import { phoneKeyOf } from "./phone";
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

export type NewBooking = {
  service: ServiceForBooking;
  candidateIds: string[];
  start: Date;
  patient: { name: string; email: string; phone: string };
  notes?: string;
  status: "requested" | "confirmed";
  source: "online" | "staff";
  audience: "public" | "staff";
  actor: Actor;
  now: Date;
};

/**
 * The one way a booking is made, inside the caller's transaction: lock the candidates' diaries,
 * re-check the slot, pick the practitioner, write the booking and its audit event. The exclusion
 * constraint is the backstop that turns any remaining race into a clean "slot taken".
 */
export async function insertBooking(tx: Tx, input: NewBooking): Promise<BookingRow> {
  await lockPractitioners(tx, input.candidateIds);
  // When many patients want one slot, all but the first find it taken here, in one query, instead
  // of loading whole diaries while the others wait for the lock.
  const end = new Date(input.start.getTime() + input.service.durationMinutes * 60_000);
  const busy = await practitionersBusyBetween(tx, input.candidateIds, input.start, end);
  const candidateIds = input.candidateIds.filter((id) => !busy.has(id));
  if (candidateIds.length === 0) throw new BookingAbort("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });
  const slot = await choosePractitionerForSlot(tx, { service: input.service, candidateIds, start: input.start, now: input.now, audience: input.audience });
  if (!slot) throw new BookingAbort("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });
  // Anyone can send a public request with anyone's email, so it never changes the stored patient:
  // what it said is kept on the booking (staff see it beside the record). Staff are trusted to update.
  const patient = await tx.patient.upsert({
    where: { email: input.patient.email },
    create: input.patient,
    update: input.source === "online" ? {} : { name: input.patient.name, phone: input.patient.phone },
    select: { id: true },
  });
  const booking = await tx.booking.create({
    data: {
      reference: generateBookingReference(),
      serviceId: input.service.id,
      practitionerId: slot.practitionerId,
      patientId: patient.id,
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      status: input.status,
      source: input.source,
      notes: input.notes,
      contactName: input.patient.name,
      contactPhone: input.patient.phone,
      contactPhoneKey: phoneKeyOf(input.patient.phone),
    },
    select: bookingDtoSelect,
  });
  await recordBookingEvent(tx, { bookingId: booking.id, action: input.status, actor: input.actor, after: auditSnapshot(booking) });
  return booking;
}

/**
 * Serialises requests for one patient (by email and by phone), so that two sent at once cannot both
 * pass the live-requests limit. Taken before any practitioner lock, always in this order.
 */
async function lockPatientContacts(tx: Tx, email: string, phoneKey: string): Promise<void> {
  for (const key of [`patient-email:${email}`, `patient-phone:${phoneKey}`].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }
}

/**
 * One patient may hold only a few upcoming online requests (stored setting
 * maxLiveRequestsPerPatient), counted per email address and per phone number: otherwise one script
 * could hold every free slot in a stranger's name and have the clinic email them for each.
 * Bookings staff make are not counted.
 */
async function refuseOverRequestLimit(tx: Tx, patient: { email: string; phone: string }, now: Date): Promise<void> {
  const phoneKey = phoneKeyOf(patient.phone);
  await lockPatientContacts(tx, patient.email, phoneKey);
  const settings = await getClinicSettings(tx);
  // Raw SQL: one indexed count, with no query plan to compile on a process's first booking.
  const [{ live }] = await tx.$queryRaw<[{ live: number }]>`
    SELECT count(*)::int AS live FROM "Booking" b JOIN "Patient" p ON p.id = b."patientId"
    WHERE b.source = 'online' AND b.status IN ('requested', 'confirmed') AND b."startsAt" > ${now}
      AND (p.email = ${patient.email} OR b."contactPhoneKey" = ${phoneKey})`;
  if (live >= settings.maxLiveRequestsPerPatient) {
    const requests = settings.maxLiveRequestsPerPatient === 1 ? "an upcoming booking" : `${settings.maxLiveRequestsPerPatient} upcoming bookings`;
    throw new BookingAbort(
      "request_limit_reached",
      `You already have ${requests} with us, which is as many as can be requested online. Please use the link in your email to change one, or call the clinic on ${settings.phone}.`,
    );
  }
}

/**
 * A patient's online request for a slot: held (status `requested`) until staff confirm or decline.
 * The booking, its acknowledgement email (outbox) and the idempotency record commit together.
 */
export async function createBookingRequest(input: CreateBookingInput, context: CreateBookingContext): Promise<Result<CreatedBooking>> {
  const requestHash = requestHashOf(input);
  const key = context.idempotencyKey;
  if (key) {
    const replay = await replayIdempotent(key, requestHash);
    if (replay) return replay;
  }
  const [service, candidates] = await Promise.all([findService(db, input.service, "public"), findPractitioners(db, input.practitioner)]);
  if (!service) return fail("invalid_request", "Please check the highlighted fields.", { service: "That service cannot be booked online." });
  if (candidates.length === 0) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or no preference." });

  return runBookingTransaction(
    async (tx) => {
      await refuseOverRequestLimit(tx, input.patient, context.now);
      const booking = await insertBooking(tx, {
        service,
        candidateIds: candidates.map((c) => c.id),
        start: input.start,
        patient: input.patient,
        notes: input.notes,
        status: "requested",
        source: "online",
        audience: "public",
        actor: context.actor,
        now: context.now,
      });
      const manageUrl = await notifyRequestReceived(tx, booking, await getClinicInfo(tx));
      const body: CreatedBooking = { booking: toPublicBookingDto(booking), manageUrl };
      if (key) {
        await tx.idempotencyRecord.create({
          data: { key: hashToken(key), scope: "POST /api/bookings", requestHash, responseStatus: 201, responseBody: sealResponseBody(key, body) },
        });
      }
      return body;
    },
    // The same key arrived twice at once and the other request won: answer as it did.
    key ? () => replayIdempotent(key, requestHash) : undefined,
  );
}
