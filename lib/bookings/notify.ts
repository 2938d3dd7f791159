import "server-only";
import type { Tx } from "@/lib/db";
import type { BookingRules, ClinicInfo } from "@/lib/clinic/settings";
import { queueEmail } from "@/lib/email/outbox";
import { buildBookingInvite } from "@/lib/email/ics";
import {
  renderAcknowledgementEmail,
  renderCancelledEmail,
  renderClinicCancelledEmail,
  renderClinicRescheduledEmail,
  renderConfirmationEmail,
  renderDeclinedEmail,
  renderPatientRescheduledEmail,
  renderReminderEmail,
} from "@/lib/email/templates";
import { bookUrl, toEmailBooking, type BookingRow } from "./internal";
import { issueManageToken, manageUrlFor, manageUrlPlaceholder } from "./manage-link";

/**
 * The patient emails that follow booking changes, queued in the change's own transaction.
 * Each carries a manage link of its own (minted as it is sent: see ./manage-link.ts) where the
 * booking can still be changed, and a calendar invite
 * once the booking is confirmed: same UID for the booking's life, SEQUENCE = icsSequence.
 */
function invite(row: BookingRow, clinic: ClinicInfo, method: "REQUEST" | "CANCEL"): { content: string; method: "REQUEST" | "CANCEL" } {
  return {
    method,
    content: buildBookingInvite({
      bookingId: row.id,
      sequence: row.icsSequence,
      method,
      start: row.startsAt,
      end: row.endsAt,
      title: `${row.service.name} at ${clinic.name}`,
      description: `Booking reference ${row.reference}. To change or cancel, use the link in your email or call ${clinic.phone}.`,
      location: [clinic.name, ...clinic.addressLines].join(", "),
      organizer: { name: clinic.name, email: clinic.email },
      attendee: { name: row.patient.name, email: row.patient.email },
    }),
  };
}

function base(row: BookingRow, kind: string, dedupeSuffix = "") {
  return {
    dedupeKey: `booking:${row.id}:${kind}${dedupeSuffix}`,
    kind,
    bookingId: row.id,
    bookingSequence: row.icsSequence,
    to: row.patient.email,
    toName: row.patient.name,
  };
}

/** Returns the manage link for the confirmation page; the acknowledgement email gets its own. */
export async function notifyRequestReceived(tx: Tx, row: BookingRow, clinic: ClinicInfo): Promise<string> {
  await queueEmail(tx, { ...base(row, "acknowledgement"), ...renderAcknowledgementEmail(toEmailBooking(row), clinic, manageUrlPlaceholder()) });
  return manageUrlFor(await issueManageToken(tx, row.id));
}

export async function notifyConfirmed(tx: Tx, row: BookingRow, clinic: ClinicInfo): Promise<void> {
  const manageUrl = manageUrlPlaceholder();
  await queueEmail(tx, {
    ...base(row, "confirmation", `:${row.icsSequence}`),
    ...renderConfirmationEmail(toEmailBooking(row), clinic, manageUrl),
    ics: invite(row, clinic, "REQUEST"),
  });
}

export async function notifyDeclined(tx: Tx, row: BookingRow, clinic: ClinicInfo, reason: string | null): Promise<void> {
  await queueEmail(tx, { ...base(row, "declined"), ...renderDeclinedEmail(toEmailBooking(row), clinic, bookUrl(), reason) });
}

/** `wasConfirmed`: the patient holds a calendar invite, which this email withdraws. */
export async function notifyCancelled(tx: Tx, row: BookingRow, clinic: ClinicInfo, by: "patient" | "clinic", reason: string | null, wasConfirmed: boolean): Promise<void> {
  const rendered = by === "patient" ? renderCancelledEmail(toEmailBooking(row), clinic, bookUrl()) : renderClinicCancelledEmail(toEmailBooking(row), clinic, bookUrl(), reason);
  await queueEmail(tx, { ...base(row, "cancelled"), ...rendered, ics: wasConfirmed ? invite(row, clinic, "CANCEL") : undefined });
}

export async function notifyRescheduled(tx: Tx, row: BookingRow, clinic: ClinicInfo, by: "patient" | "clinic"): Promise<void> {
  const manageUrl = manageUrlPlaceholder();
  const confirmed = row.status === "confirmed";
  const rendered =
    by === "patient" ? renderPatientRescheduledEmail(toEmailBooking(row), clinic, manageUrl, confirmed) : renderClinicRescheduledEmail(toEmailBooking(row), clinic, manageUrl, confirmed);
  await queueEmail(tx, { ...base(row, "rescheduled", `:${row.icsSequence}`), ...rendered, ics: confirmed ? invite(row, clinic, "REQUEST") : undefined });
}

/**
 * The reminder for a confirmed booking, `reminderLeadMinutes` before it starts. It is bound to the
 * booking's current icsSequence: a move or a cancellation bumps the sequence, so this reminder is
 * dropped at send time and the move plans a new one. Too late for a useful reminder: none.
 */
export async function planReminder(tx: Tx, row: BookingRow, settings: ClinicInfo & BookingRules, now: Date): Promise<void> {
  if (row.status !== "confirmed") return;
  const sendAt = new Date(row.startsAt.getTime() - settings.reminderLeadMinutes * 60_000);
  if (sendAt.getTime() <= now.getTime()) return;
  const manageUrl = manageUrlPlaceholder();
  await queueEmail(tx, {
    ...base(row, "reminder", `:${row.icsSequence}`),
    ...renderReminderEmail(toEmailBooking(row), settings, manageUrl),
    notBefore: sendAt,
    validForSequence: row.icsSequence,
  });
}
