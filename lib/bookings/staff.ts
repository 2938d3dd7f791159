import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/result";
import { getClinicInfo, getClinicSettings } from "@/lib/clinic/settings";
import { findPractitioners, findService } from "@/lib/availability";
import { workingRangesForDate } from "@/lib/availability/slots";
import { seesEveryDiary, type StaffUser } from "@/lib/auth/types";
import { addLondonDays, isoWeekdayOf, londonDatesBetween, londonWallTimeToInstant, type LondonDate } from "@/lib/time/london";
import { BookingAbort, auditSnapshot, bookingDtoSelect, recordBookingEvent, runBookingTransaction, type BookingRow, type BookingStatus } from "./internal";
import { LIVE_STATUSES, closeBooking, lockBookingRow, moveBooking } from "./change";
import { insertBooking } from "./create";
import { notifyCancelled, notifyConfirmed, notifyDeclined, notifyRescheduled, planReminder } from "./notify";
import { queueAftercareIfLaserSession } from "@/lib/courses/aftercare";
import { courseRefOf, type CourseRef } from "@/lib/courses/session-position";
import { phoneKeyOf } from "./phone";

/**
 * The staff side of bookings. Every function takes the signed-in staff member and puts what they
 * may see into the query itself: a practitioner's queries only ever match their own diary, so
 * another practitioner's booking is simply not found (404), never "forbidden".
 */
export type StaffBookingDto = {
  id: string;
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  practitioner: string;
  practitionerName: string;
  service: string;
  serviceName: string;
  source: "online" | "staff";
  /** The stored patient record. */
  patient: { name: string; email: string; phone: string };
  /** What the booking's request said, when its name or phone differ from the stored record. */
  given?: { name: string; phone: string };
  notes: string | null;
  staffNotes: string | null;
  statusReason: string | null;
  createdAt: string;
  /** A laser session of a treatment course: "Session `number` of `of`" (number null once it no longer counts). */
  course: CourseRef | null;
  /** A consultation whose outcome is recorded: its treatment plan. */
  outcomePlanId: string | null;
};

export type BookingEventDto = {
  id: string;
  action: string;
  at: string;
  actor: { type: "patient" | "staff" | "system"; name: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** A public request never changes the stored patient, so it may have said something else. */
function givenDetails(row: BookingRow): StaffBookingDto["given"] {
  const name = row.contactName ?? row.patient.name;
  const phone = row.contactPhone ?? row.patient.phone;
  const differs = name !== row.patient.name || phoneKeyOf(phone) !== phoneKeyOf(row.patient.phone);
  return differs ? { name, phone } : undefined;
}

export function toStaffBookingDto(row: BookingRow): StaffBookingDto {
  const given = givenDetails(row);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    practitioner: row.practitioner.slug,
    practitionerName: row.practitioner.name,
    service: row.service.slug,
    serviceName: row.service.name,
    source: row.source,
    patient: { name: row.patient.name, email: row.patient.email, phone: row.patient.phone },
    ...(given ? { given } : {}),
    notes: row.notes,
    staffNotes: row.staffNotes,
    statusReason: row.statusReason,
    createdAt: row.createdAt.toISOString(),
    course: courseRefOf(row.id, row.treatmentPlan),
    outcomePlanId: row.outcomePlan?.id ?? null,
  };
}

/** The bookings a staff member may see. */
export function bookingScope(staff: StaffUser): Prisma.BookingWhereInput {
  if (seesEveryDiary(staff)) return {};
  return { practitionerId: staff.practitionerId ?? "no-practitioner" };
}

/** Practitioners' diaries a staff member may open; a practitioner always gets their own. */
function practitionerScope(staff: StaffUser, slug?: string): Prisma.PractitionerWhereInput {
  if (!seesEveryDiary(staff)) return { id: staff.practitionerId ?? "no-practitioner" };
  return { active: true, ...(slug && slug !== "all" ? { slug } : {}) };
}

const londonRange = (from: LondonDate, to: LondonDate) => ({ gte: londonWallTimeToInstant(from, 0), lt: londonWallTimeToInstant(addLondonDays(to, 1), 0) });

export async function listBookingsForStaff(
  staff: StaffUser,
  query: { from: LondonDate; to: LondonDate; practitioner?: string; status?: BookingStatus },
): Promise<Result<{ bookings: StaffBookingDto[] }>> {
  const rows = await db.booking.findMany({
    where: {
      AND: [bookingScope(staff), { startsAt: londonRange(query.from, query.to) }],
      ...(query.practitioner && query.practitioner !== "all" ? { practitioner: { slug: query.practitioner } } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: bookingDtoSelect,
  });
  return ok({ bookings: rows.map(toStaffBookingDto) });
}

export async function getBookingForStaff(staff: StaffUser, id: string): Promise<{ booking: StaffBookingDto; events: BookingEventDto[] } | null> {
  const row = await db.booking.findFirst({ where: { AND: [{ id }, bookingScope(staff)] }, select: bookingDtoSelect });
  if (!row) return null;
  const events = await db.bookingEvent.findMany({ where: { bookingId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((v): v is string => Boolean(v)))];
  const actors = await db.staffUser.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  return {
    booking: toStaffBookingDto(row),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.createdAt.toISOString(),
      actor: { type: e.actorType as BookingEventDto["actor"]["type"], name: actors.find((a) => a.id === e.actorId)?.name ?? null },
      before: (e.before as Record<string, unknown> | null) ?? null,
      after: (e.after as Record<string, unknown> | null) ?? null,
    })),
  };
}

export async function listPendingRequests(staff: StaffUser, now: Date = new Date()): Promise<StaffBookingDto[]> {
  const rows = await db.booking.findMany({
    where: { AND: [bookingScope(staff), { status: "requested", startsAt: { gte: now } }] },
    orderBy: { startsAt: "asc" },
    select: bookingDtoSelect,
  });
  return rows.map(toStaffBookingDto);
}

export async function searchBookings(staff: StaffUser, q: string): Promise<StaffBookingDto[]> {
  const term = q.trim().slice(0, 100);
  if (term.length < 2) return [];
  const digits = term.replace(/\D/g, "");
  const rows = await db.booking.findMany({
    where: {
      AND: [
        bookingScope(staff),
        {
          OR: [
            { reference: { equals: term.toUpperCase() } },
            { patient: { name: { contains: term, mode: "insensitive" } } },
            { patient: { email: { contains: term.toLowerCase() } } },
            ...(digits.length >= 4 ? [{ patient: { phone: { contains: digits.slice(-6) } } }] : []),
          ],
        },
      ],
    },
    orderBy: { startsAt: "desc" },
    take: 50,
    select: bookingDtoSelect,
  });
  return rows.map(toStaffBookingDto);
}

export type DiaryDay = {
  date: LondonDate;
  working: { start: string; end: string }[];
  breaks: { start: string; end: string }[];
  timeOff: { start: string; end: string; reason: string | null }[];
  bookings: StaffBookingDto[];
};
export type DiaryDto = { from: LondonDate; to: LondonDate; practitioners: { slug: string; name: string; days: DiaryDay[] }[] };

export async function getDiary(staff: StaffUser, query: { from: LondonDate; to: LondonDate; practitioner?: string }): Promise<DiaryDto> {
  const range = londonRange(query.from, query.to);
  const practitioners = await db.practitioner.findMany({
    where: practitionerScope(staff, query.practitioner),
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      weeklyHours: { select: { weekday: true, startMinute: true, endMinute: true } },
      weeklyBreaks: { select: { weekday: true, startMinute: true, endMinute: true } },
      dateOverrides: { where: { date: { gte: new Date(`${query.from}T00:00:00Z`), lte: new Date(`${query.to}T00:00:00Z`) } }, select: { date: true, startMinute: true, endMinute: true } },
      timeOff: { where: { startsAt: { lt: range.lt }, endsAt: { gt: range.gte } }, select: { startsAt: true, endsAt: true, reason: true } },
    },
  });
  const bookings = await db.booking.findMany({
    where: { practitionerId: { in: practitioners.map((p) => p.id) }, startsAt: range },
    orderBy: { startsAt: "asc" },
    select: bookingDtoSelect,
  });
  const dates = londonDatesBetween(query.from, query.to);
  const iso = (date: LondonDate, minute: number) => londonWallTimeToInstant(date, minute).toISOString();
  return {
    from: query.from,
    to: query.to,
    practitioners: practitioners.map((p) => {
      const schedule = {
        weeklyHours: p.weeklyHours,
        weeklyBreaks: p.weeklyBreaks,
        dateOverrides: p.dateOverrides.map((o) => ({ date: o.date.toISOString().slice(0, 10), startMinute: o.startMinute, endMinute: o.endMinute })),
      };
      return {
        slug: p.slug,
        name: p.name,
        days: dates.map((date) => {
          const dayStart = londonWallTimeToInstant(date, 0).getTime();
          const dayEnd = londonWallTimeToInstant(addLondonDays(date, 1), 0).getTime();
          const working = workingRangesForDate(schedule, date);
          const hours = workingRangesForDate({ ...schedule, weeklyBreaks: [] }, date);
          const breaks = hours.length ? schedule.weeklyBreaks.filter((b) => b.weekday === isoWeekdayOf(date)) : [];
          return {
            date,
            working: working.map((r) => ({ start: iso(date, r.startMinute), end: iso(date, r.endMinute) })),
            breaks: breaks.map((r) => ({ start: iso(date, r.startMinute), end: iso(date, r.endMinute) })),
            timeOff: p.timeOff
              .filter((t) => t.startsAt.getTime() < dayEnd && t.endsAt.getTime() > dayStart)
              .map((t) => ({ start: t.startsAt.toISOString(), end: t.endsAt.toISOString(), reason: t.reason })),
            bookings: bookings.filter((b) => b.practitioner.id === p.id && b.startsAt.getTime() >= dayStart && b.startsAt.getTime() < dayEnd).map(toStaffBookingDto),
          };
        }),
      };
    }),
  };
}

export async function listPractitioners(): Promise<{ slug: string; name: string }[]> {
  return db.practitioner.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { slug: true, name: true } });
}

/** `usesLaserDevice`: a laser session, booked from a treatment plan rather than the phone-booking form. */
export async function listServices(): Promise<{ slug: string; name: string; durationMinutes: number; bookableOnline: boolean; usesLaserDevice: boolean }[]> {
  return db.service.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { slug: true, name: true, durationMinutes: true, bookableOnline: true, usesLaserDevice: true } });
}

// ---- Changes ----------------------------------------------------------------------------------

type StaffChange = (tx: Tx, row: BookingRow) => Promise<BookingRow>;

/**
 * Runs a staff change on one booking: lock its row, check it is within the staff member's reach
 * (otherwise 404), then `change`. Expected outcomes come back as failures; deadlocks are retried.
 */
async function changeAsStaff(staff: StaffUser, id: string, change: StaffChange): Promise<Result<{ booking: StaffBookingDto }>> {
  const result = await runBookingTransaction(async (tx) => {
    const row = await lockBookingRow(tx, id);
    const reachable = row && (seesEveryDiary(staff) || row.practitioner.id === staff.practitionerId);
    if (!row || !reachable) throw new BookingAbort("not_found", "That booking was not found.");
    return change(tx, row);
  });
  return result.ok ? ok({ booking: toStaffBookingDto(result.data) }) : result;
}

const actorOf = (staff: StaffUser) => ({ type: "staff" as const, staffUserId: staff.id });

export async function confirmBooking(staff: StaffUser, id: string, now: Date = new Date()): Promise<Result<{ booking: StaffBookingDto }>> {
  return changeAsStaff(staff, id, async (tx, row) => {
    if (row.status === "confirmed") return row; // a repeated confirm is answered once, and emails once
    if (row.status !== "requested") throw new BookingAbort("conflict", `This booking is ${row.status.replace("_", "-")}, so it cannot be confirmed.`);
    const updated = await tx.booking.update({ where: { id }, data: { status: "confirmed" }, select: bookingDtoSelect });
    await recordBookingEvent(tx, { bookingId: id, action: "confirmed", actor: actorOf(staff), before: auditSnapshot(row), after: auditSnapshot(updated) });
    const settings = await getClinicSettings(tx);
    await notifyConfirmed(tx, updated, settings);
    await planReminder(tx, updated, settings, now);
    return updated;
  });
}

/** `notifyPatient: false` sends nothing: for the day a script fills the diary with strangers' addresses. */
export async function declineBooking(staff: StaffUser, id: string, input: { reason?: string; notifyPatient?: boolean }): Promise<Result<{ booking: StaffBookingDto }>> {
  return changeAsStaff(staff, id, async (tx, row) => {
    if (row.status === "declined") return row;
    if (row.status !== "requested") throw new BookingAbort("conflict", "Only requests can be declined. Cancel a confirmed booking instead.");
    const updated = await closeBooking(tx, row, { status: "declined", reason: input.reason || null, actor: actorOf(staff) });
    if (input.notifyPatient !== false) await notifyDeclined(tx, updated, await getClinicInfo(tx), input.reason || null);
    return updated;
  });
}

export async function cancelBookingByStaff(staff: StaffUser, id: string, input: { reason?: string; notifyPatient?: boolean }): Promise<Result<{ booking: StaffBookingDto }>> {
  return changeAsStaff(staff, id, async (tx, row) => {
    if (row.status === "cancelled") return row;
    if (!LIVE_STATUSES.includes(row.status)) throw new BookingAbort("conflict", "Only requested or confirmed bookings can be cancelled.");
    const updated = await closeBooking(tx, row, { status: "cancelled", reason: input.reason || null, actor: actorOf(staff) });
    if (input.notifyPatient !== false) await notifyCancelled(tx, updated, await getClinicInfo(tx), "clinic", input.reason || null, row.status === "confirmed");
    return updated;
  });
}

export async function rescheduleBookingByStaff(
  staff: StaffUser,
  id: string,
  input: { start: Date; practitioner?: string; notifyPatient?: boolean; override?: { reason: string } },
  now: Date,
): Promise<Result<{ booking: StaffBookingDto }>> {
  if (input.practitioner && input.practitioner !== "any" && !seesEveryDiary(staff) && input.practitioner !== staff.practitionerSlug) {
    return fail("forbidden", "You can only move bookings within your own diary.");
  }
  return changeAsStaff(staff, id, async (tx, row) => {
    const updated = await moveBooking(tx, row, {
      start: input.start,
      practitioner: seesEveryDiary(staff) ? input.practitioner : row.practitioner.slug,
      now,
      audience: "staff",
      actor: actorOf(staff),
      overrideReason: input.override?.reason,
    });
    const settings = await getClinicSettings(tx);
    if (input.notifyPatient !== false) await notifyRescheduled(tx, updated, settings, "clinic");
    await planReminder(tx, updated, settings, now);
    return updated;
  });
}

export async function recordAttendance(staff: StaffUser, id: string, outcome: "attended" | "no_show", now: Date): Promise<Result<{ booking: StaffBookingDto }>> {
  return changeAsStaff(staff, id, async (tx, row) => {
    if (row.status === outcome) return row;
    if (!["confirmed", "attended", "no_show"].includes(row.status)) throw new BookingAbort("conflict", "Only confirmed bookings can be marked attended or no-show.");
    if (row.startsAt.getTime() > now.getTime()) throw new BookingAbort("conflict", "This appointment has not started yet.");
    const updated = await tx.booking.update({ where: { id }, data: { status: outcome }, select: bookingDtoSelect });
    await recordBookingEvent(tx, { bookingId: id, action: outcome, actor: actorOf(staff), before: auditSnapshot(row), after: auditSnapshot(updated) });
    await queueAftercareIfLaserSession(tx, updated, await getClinicInfo(tx));
    return updated;
  });
}

export async function updateStaffNotes(staff: StaffUser, id: string, staffNotes: string): Promise<Result<{ booking: StaffBookingDto }>> {
  return changeAsStaff(staff, id, async (tx, row) => {
    const updated = await tx.booking.update({ where: { id }, data: { staffNotes: staffNotes || null }, select: bookingDtoSelect });
    await recordBookingEvent(tx, { bookingId: id, action: "notes_changed", actor: actorOf(staff), before: { staffNotes: row.staffNotes }, after: { staffNotes: updated.staffNotes } });
    return updated;
  });
}

export type PhoneBookingInput = {
  service: string;
  practitioner: string;
  start: Date;
  patient: { name: string; email: string; phone: string };
  notes?: string;
  notifyPatient?: boolean;
};

/** A receptionist books a phone caller: confirmed at once, emailed unless told not to. */
export async function createPhoneBooking(staff: StaffUser, input: PhoneBookingInput, now: Date): Promise<Result<{ booking: StaffBookingDto }>> {
  const [service, candidates] = await Promise.all([findService(db, input.service, "staff"), findPractitioners(db, input.practitioner)]);
  if (!service) return fail("invalid_request", "Please check the highlighted fields.", { service: "Please choose a service." });
  if (service.usesLaserDevice) {
    const message = "Laser sessions are booked from the patient's treatment plan. Record the consultation's outcome to start a plan, then book its sessions there.";
    return fail("plan_required", message, { service: message });
  }
  if (candidates.length === 0) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or any." });
  const result = await runBookingTransaction(async (tx) => {
    const booking = await insertBooking(tx, {
      service,
      candidateIds: candidates.map((c) => c.id),
      start: input.start,
      patient: input.patient,
      notes: input.notes,
      status: "confirmed",
      source: "staff",
      audience: "staff",
      actor: actorOf(staff),
      now,
    });
    const settings = await getClinicSettings(tx);
    if (input.notifyPatient !== false) await notifyConfirmed(tx, booking, settings);
    await planReminder(tx, booking, settings, now);
    return booking;
  });
  return result.ok ? ok({ booking: toStaffBookingDto(result.data) }) : result;
}
