import "server-only";
import { db, type Tx } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/result";
import { getClinicSettings } from "@/lib/clinic/settings";
import { BookingAbort, bookingDtoSelect, runBookingTransaction, toPublicBookingDto, type BookingRow, type BookingStatus, type PublicBookingDto } from "./internal";
import { LIVE_STATUSES, closeBooking, lockBookingRow, moveBooking } from "./change";
import { notifyCancelled, notifyRescheduled, planReminder } from "./notify";
import { MANAGE_TOKEN_PATTERN, hashToken } from "./tokens";
import { getPatientCourseView, type PatientCourseView } from "@/lib/courses/session-window";

/**
 * What a patient can do through the private manage link. The token is looked up by its hash; a
 * malformed token is treated exactly like an unknown one (404), so the link reveals nothing.
 */
export type ManagedBookingDto = PublicBookingDto & { patient: { name: string }; course?: PatientCourseView };

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
  /** Where the consultation is: the clinic's name and address from its settings, on one line. */
  clinicAddress: string;
  /** A laser session of a course: "Session 2 of 6" and the dates it may move to (the page shows it from the UI round on). */
  course?: PatientCourseView | null;
};

const NOT_FOUND = "We could not find that booking. Please check the link in your email.";

async function bookingIdForToken(client: typeof db | Tx, token: string): Promise<string | null> {
  if (!MANAGE_TOKEN_PATTERN.test(token)) return null;
  const link = await client.manageToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { bookingId: true } });
  return link?.bookingId ?? null;
}

const DAY_MS = 86_400_000;

/** A manage link stops opening `manageLinkDaysAfter` days after its appointment ends (then: 404). */
export function isManageLinkExpired(endsAt: Date, manageLinkDaysAfter: number, now: Date): boolean {
  return now.getTime() >= endsAt.getTime() + manageLinkDaysAfter * DAY_MS;
}

type Settings = Awaited<ReturnType<typeof getClinicSettings>>;

async function findByToken(token: string, now: Date): Promise<{ row: BookingRow; settings: Settings } | null> {
  const id = await bookingIdForToken(db, token);
  if (!id) return null;
  const [row, settings] = await Promise.all([db.booking.findUnique({ where: { id }, select: bookingDtoSelect }), getClinicSettings()]);
  if (!row || isManageLinkExpired(row.endsAt, settings.manageLinkDaysAfter, now)) return null;
  return { row, settings };
}

function toManagedDto(row: BookingRow): ManagedBookingDto {
  return { ...toPublicBookingDto(row), patient: { name: row.patient.name } };
}

function changeDeadlineOf(row: BookingRow, cutoffMinutes: number): Date {
  return new Date(row.startsAt.getTime() - cutoffMinutes * 60_000);
}

export async function getManagedBooking(token: string, now: Date): Promise<ManagedBookingView | null> {
  const found = await findByToken(token, now);
  if (!found) return null;
  const { row, settings } = found;
  const deadline = changeDeadlineOf(row, settings.patientChangeCutoffMinutes);
  return {
    reference: row.reference,
    status: row.status,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    practitioner: { slug: row.practitioner.slug, name: row.practitioner.name },
    service: { slug: row.service.slug, name: row.service.name },
    patient: { name: row.patient.name },
    canChange: LIVE_STATUSES.includes(row.status) && now < deadline,
    changeDeadline: deadline.toISOString(),
    clinicPhone: settings.phone,
    clinicAddress: [settings.name, ...settings.addressLines].join(", "),
    course: await getPatientCourseView(db, row),
  };
}

/** The patient's DTO; a course session also says which session it is and where it may move (api.md). */
async function toManagedDtoWithCourse(row: BookingRow): Promise<ManagedBookingDto> {
  const course = await getPatientCourseView(db, row);
  return { ...toManagedDto(row), ...(course ? { course } : {}) };
}

export async function getManagedBookingDto(token: string, now: Date): Promise<Result<{ booking: ManagedBookingDto }>> {
  const found = await findByToken(token, now);
  if (!found) return fail("not_found", NOT_FOUND);
  return ok({ booking: await toManagedDtoWithCourse(found.row) });
}

/**
 * Runs a patient's change: lock the booking's row, check it is still live and outside the cut-off,
 * then `work`. Expected outcomes come back as failures; deadlocks are retried.
 */
async function changeAsPatient(
  token: string,
  now: Date,
  change: "cancel" | "reschedule",
  work: (tx: Tx, row: BookingRow, settings: Settings) => Promise<BookingRow>,
): Promise<Result<{ booking: ManagedBookingDto }>> {
  const result = await runBookingTransaction(async (tx) => {
    const id = await bookingIdForToken(tx, token);
    const row = id ? await lockBookingRow(tx, id) : null;
    if (!row) throw new BookingAbort("not_found", NOT_FOUND);
    const settings = await getClinicSettings(tx);
    if (isManageLinkExpired(row.endsAt, settings.manageLinkDaysAfter, now)) throw new BookingAbort("not_found", NOT_FOUND);
    if (row.status === "cancelled" && change === "cancel") return row; // a repeated cancel is answered, not refused
    if (!LIVE_STATUSES.includes(row.status)) throw new BookingAbort("conflict", "This booking can no longer be changed online.");
    if (now >= changeDeadlineOf(row, settings.patientChangeCutoffMinutes)) {
      const hours = Math.round(settings.patientChangeCutoffMinutes / 60);
      throw new BookingAbort("too_late", `Your appointment is less than ${hours} hours away, so it can no longer be changed online. Please call the clinic on ${settings.phone}.`);
    }
    return work(tx, row, settings);
  });
  return result.ok ? ok({ booking: await toManagedDtoWithCourse(result.data) }) : result;
}

export async function cancelBookingByPatient(token: string, input: { reason?: string }, now: Date): Promise<Result<{ booking: ManagedBookingDto }>> {
  return changeAsPatient(token, now, "cancel", async (tx, row, settings) => {
    const updated = await closeBooking(tx, row, { status: "cancelled", reason: input.reason || null, actor: { type: "patient" } });
    await notifyCancelled(tx, updated, settings, "patient", null, row.status === "confirmed");
    return updated;
  });
}

export async function rescheduleBookingByPatient(token: string, input: { start: Date; practitioner?: string }, now: Date): Promise<Result<{ booking: ManagedBookingDto }>> {
  return changeAsPatient(token, now, "reschedule", async (tx, row, settings) => {
    const updated = await moveBooking(tx, row, { start: input.start, practitioner: input.practitioner, now, audience: "public", actor: { type: "patient" } });
    await notifyRescheduled(tx, updated, settings, "patient");
    await planReminder(tx, updated, settings, now);
    return updated;
  });
}
