import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { fail, ok, SLOT_TAKEN_MESSAGE, type ErrorCode, type Result } from "@/lib/result";
import { kickOutbox } from "@/lib/email/delivery";
import { getServerEnv } from "@/lib/env";
import { addLondonDays, londonDateOf, londonWallTimeToInstant } from "@/lib/time/london";
import { SLOT_HOLDING_STATUSES, findFreeSlotsAt, type ServiceForBooking } from "@/lib/availability";
import type { Slot } from "@/lib/availability/slots";
import type { EmailBooking } from "@/lib/email/templates";
import { courseOfBookingSelect, courseRefOf, describeSession } from "@/lib/courses/session-position";

export type BookingStatus = "requested" | "confirmed" | "declined" | "cancelled" | "attended" | "no_show";

/** The booking as the public API shows it (`api.md`). */
export type PublicBookingDto = { reference: string; status: BookingStatus; start: string; end: string; practitioner: string; service: string };

export const bookingDtoSelect = {
  id: true,
  source: true,
  staffNotes: true,
  statusReason: true,
  createdAt: true,
  reference: true,
  status: true,
  startsAt: true,
  endsAt: true,
  notes: true,
  contactName: true,
  contactPhone: true,
  icsSequence: true,
  practitioner: { select: { id: true, slug: true, name: true } },
  service: { select: { id: true, slug: true, name: true, durationMinutes: true, slotIntervalMinutes: true, bookableOnline: true, usesLaserDevice: true } },
  patient: { select: { id: true, name: true, email: true, phone: true } },
  /** Course sessions: which laser, and the plan (for "Session 2 of 6"). */
  laserDevice: true,
  treatmentPlan: { select: courseOfBookingSelect },
  /** A consultation's outcome, once recorded. */
  outcomePlan: { select: { id: true } },
} satisfies Prisma.BookingSelect;

export type BookingRow = Prisma.BookingGetPayload<{ select: typeof bookingDtoSelect }>;

export function toPublicBookingDto(row: BookingRow): PublicBookingDto {
  return {
    reference: row.reference,
    status: row.status,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    practitioner: row.practitioner.slug,
    service: row.service.slug,
  };
}

export function toEmailBooking(row: BookingRow): EmailBooking {
  return {
    reference: row.reference,
    patientName: row.patient.name,
    practitionerName: row.practitioner.name,
    serviceName: [row.service.name, describeSession(courseRefOf(row.id, row.treatmentPlan))].filter(Boolean).join(", "),
    start: row.startsAt,
    end: row.endsAt,
  };
}

/** A snapshot for the audit trail. */
export function auditSnapshot(row: BookingRow) {
  return { status: row.status, start: row.startsAt.toISOString(), end: row.endsAt.toISOString(), practitioner: row.practitioner.slug };
}

export function bookUrl(): string {
  return new URL("/book", getServerEnv().APP_URL).toString();
}

/** Thrown inside a transaction to roll it back with an expected outcome. */
export class BookingAbort extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * Serialises booking changes per practitioner. The exclusion constraint alone already forbids
 * overlaps, but without this lock a burst of requests for one slot can deadlock in the index and
 * each deadlock costs PostgreSQL's one-second deadlock_timeout. Locks are taken in id order.
 */
export async function lockPractitioners(tx: Tx, practitionerIds: string[]): Promise<void> {
  for (const id of [...new Set(practitionerIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`practitioner:${id}`}))`;
  }
}

/** Those of `practitionerIds` with a live booking overlapping [start, end). */
export async function practitionersBusyBetween(tx: Tx, practitionerIds: string[], start: Date, end: Date): Promise<Set<string>> {
  const rows = await tx.booking.findMany({
    where: { practitionerId: { in: practitionerIds }, status: { in: [...SLOT_HOLDING_STATUSES] }, startsAt: { lt: end }, endsAt: { gt: start } },
    select: { practitionerId: true },
  });
  return new Set(rows.map((row) => row.practitionerId));
}

function findInError(error: unknown, predicate: (value: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const value = error as Record<string, unknown>;
  if (predicate(value)) return true;
  return ["meta", "cause", "driverAdapterError"].some((key) => findInError(value[key], predicate, depth + 1));
}

/** PostgreSQL refused an overlapping booking (exclusion_violation, SQLSTATE 23P01). */
export function isOverlapViolation(error: unknown): boolean {
  return findInError(error, (v) => v.originalCode === "23P01" || v.code === "23P01" || v.kind === "ExclusionConstraintViolation");
}

export function isUniqueViolation(error: unknown): boolean {
  return (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") || findInError(error, (v) => v.originalCode === "23505");
}

/** Serialization failure or deadlock: safe to run the transaction again. */
export function isRetryableTransactionError(error: unknown): boolean {
  return (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") || findInError(error, (v) => v.originalCode === "40001" || v.originalCode === "40P01");
}

export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/**
 * Picks the practitioner for a slot. With one candidate free it is that one; with several ("no
 * preference"), the one with fewer live bookings that London day, then the clinic's order.
 */
export async function choosePractitionerForSlot(
  tx: Tx,
  input: { service: ServiceForBooking; candidateIds: string[]; start: Date; now: Date; audience: "public" | "staff"; ignoreBookingId?: string },
): Promise<Slot | null> {
  const date = londonDateOf(input.start);
  const free = await findFreeSlotsAt(tx, { ...input, practitionerIds: input.candidateIds, date });
  if (free.length <= 1) return free[0] ?? null;
  const dayStart = londonWallTimeToInstant(date, 0);
  const dayEnd = londonWallTimeToInstant(addLondonDays(date, 1), 0);
  const counts = await tx.booking.groupBy({
    by: ["practitionerId"],
    where: { practitionerId: { in: free.map((s) => s.practitionerId) }, status: { in: [...SLOT_HOLDING_STATUSES] }, startsAt: { gte: dayStart, lt: dayEnd } },
    _count: { _all: true },
  });
  const countFor = (id: string) => counts.find((c) => c.practitionerId === id)?._count._all ?? 0;
  const order = (id: string) => input.candidateIds.indexOf(id);
  return [...free].sort((a, b) => countFor(a.practitionerId) - countFor(b.practitionerId) || order(a.practitionerId) - order(b.practitionerId))[0]!;
}

export async function recordBookingEvent(
  tx: Tx,
  input: { bookingId: string; action: string; actor: Actor; before?: object | null; after?: object | null },
): Promise<void> {
  await tx.bookingEvent.create({
    data: {
      bookingId: input.bookingId,
      action: input.action,
      actorType: input.actor.type,
      actorId: input.actor.type === "staff" ? input.actor.staffUserId : null,
      before: input.before ?? Prisma.JsonNull,
      after: input.after ?? Prisma.JsonNull,
    },
  });
}

export type Actor = { type: "patient" } | { type: "staff"; staffUserId: string } | { type: "system" };

export { db };

/**
 * Runs one booking transaction and turns its expected outcomes into results: a BookingAbort or a
 * refused overlap becomes a failure, and a deadlock or a reference collision is run again (three
 * times at most). After commit the outbox is woken so the emails written in it go at once.
 */
export async function runBookingTransaction<T>(work: (tx: Tx) => Promise<T>, onUniqueViolation?: () => Promise<Result<T> | null>): Promise<Result<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await db.$transaction(work, TRANSACTION_OPTIONS);
      kickOutbox();
      return ok(value);
    } catch (error) {
      if (error instanceof BookingAbort) return fail(error.code, error.message, error.fieldErrors);
      if (isOverlapViolation(error)) return fail("slot_unavailable", SLOT_TAKEN_MESSAGE, { start: SLOT_TAKEN_MESSAGE });
      if (isUniqueViolation(error) && onUniqueViolation) {
        const answer = await onUniqueViolation();
        if (answer) return answer;
      }
      if ((isUniqueViolation(error) || isRetryableTransactionError(error)) && attempt < 4) continue;
      throw error;
    }
  }
}
