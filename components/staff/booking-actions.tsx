"use client";

/**
 * What staff can do with a booking in its current status: confirm or decline a request, reschedule,
 * cancel, and record attendance. Each action posts to the staff API, announces the outcome in one
 * focusable notice and refreshes the server-rendered page so details and history catch up.
 * Typed reasons survive a failed request, so nothing has to be typed twice.
 */
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone, formatLondonTime } from "@/lib/time/london";
import { cancelBookingSchema } from "@/lib/validation/booking";
import { Alert } from "@/components/ui/alert";
import { useFocusedNotice } from "@/components/ui/use-focused-notice";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Checkbox, ReasonField } from "@/components/ui/field";
import { failureMessage, staffRequest } from "./booking-api";
import { BookingReschedule, type PractitionerChoice } from "./booking-reschedule";

type BookingResponse = { booking: StaffBookingDto };
type Notice = { tone: "success" | "error"; title: string; body?: ReactNode };
type Pending = "confirm" | "decline" | "cancel" | "attended" | "no_show" | null;
type DialogKind = "decline" | "cancel" | "no_show" | null;

export type BookingActionsProps = {
  booking: StaffBookingDto;
  practitioners: PractitionerChoice[];
  canChangePractitioner: boolean;
  /** Confirmed and starting today or earlier (London date, decided on the server). */
  canMarkAttendance: boolean;
  /** The appointment is today but has not started: the API records attendance only from the start. */
  notStartedYet?: boolean;
  horizonDays?: number;
};

function reasonError(reason: string): string | null {
  const parsed = cancelBookingSchema.safeParse({ reason: reason.trim() || undefined });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Please check the reason.");
}

export function BookingActions({ booking, practitioners, canChangePractitioner, canMarkAttendance, notStartedYet = false, horizonDays }: BookingActionsProps) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "reschedule">("view");
  const { notice, ref: noticeRef, announce, clear: clearNotice } = useFocusedNotice<Notice>();
  const [pending, setPending] = useState<Pending>(null);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [declineReason, setDeclineReason] = useState("");
  const [cancelReason, setCancelReason] = useState("");
  const [cancelNotify, setCancelNotify] = useState(true);
  const [reasonMessage, setReasonMessage] = useState<string | null>(null);
  const rescheduleButtonRef = useRef<HTMLButtonElement>(null);

  const base = `/api/staff/bookings/${encodeURIComponent(booking.id)}`;
  const when = formatLondonDateTimeWithZone(Date.parse(booking.start));
  const live = booking.status === "requested" || booking.status === "confirmed";

  async function run(kind: Exclude<Pending, null>, path: string, body: unknown, success: Notice, failureTitle: string) {
    setPending(kind);
    const result = await staffRequest<BookingResponse>("POST", `${base}/${path}`, body);
    setPending(null);
    setDialog(null);
    if (result.kind === "ok") {
      announce(success);
      router.refresh();
      return true;
    }
    announce({ tone: "error", title: failureTitle, body: failureMessage(result) });
    // The booking may have changed under us (another member of staff, the patient): show what is true now.
    if (result.kind === "error" && (result.status === 409 || result.status === 404)) router.refresh();
    return false;
  }

  async function confirmBooking() {
    await run(
      "confirm",
      "confirm",
      {},
      { tone: "success", title: "Booking confirmed", body: "The patient is sent a confirmation email with a calendar invite." },
      "The booking could not be confirmed",
    );
  }

  async function declineBooking() {
    const problem = reasonError(declineReason);
    setReasonMessage(problem);
    if (problem) return;
    const ok = await run(
      "decline",
      "decline",
      { reason: declineReason.trim() || undefined },
      { tone: "success", title: "Request declined", body: "The patient is emailed, and the time is free again for other patients." },
      "The request could not be declined",
    );
    if (ok) setDeclineReason("");
  }

  async function cancelBooking() {
    const problem = reasonError(cancelReason);
    setReasonMessage(problem);
    if (problem) return;
    const notified = cancelNotify;
    const ok = await run(
      "cancel",
      "cancel",
      { reason: cancelReason.trim() || undefined, notifyPatient: notified },
      {
        tone: "success",
        title: "Booking cancelled",
        body: notified ? "The patient is emailed to say so." : "The patient has not been emailed: please tell them yourself.",
      },
      "The booking could not be cancelled",
    );
    if (ok) setCancelReason("");
  }

  async function markAttendance(outcome: "attended" | "no_show") {
    await run(
      outcome,
      "attendance",
      { outcome },
      { tone: "success", title: outcome === "attended" ? "Marked as attended" : "Marked as a no-show" },
      "The attendance could not be saved",
    );
  }

  const busy = pending !== null;
  const hasActions = live || canMarkAttendance;

  return (
    <section aria-labelledby="actions-heading" className="flex flex-col gap-4">
      <h2 id="actions-heading" className="sr-only">
        Actions
      </h2>

      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="rounded-xl">
          <Alert tone={notice.tone} title={notice.title}>
            {notice.body}
          </Alert>
        </div>
      ) : null}

      {hasActions && mode === "view" ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {booking.status === "requested" ? (
            <>
              <Button type="button" onClick={confirmBooking} loading={pending === "confirm"} disabled={busy}>
                Confirm booking
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={busy}
                onClick={() => {
                  setReasonMessage(null);
                  setDialog("decline");
                }}
              >
                Decline request
              </Button>
            </>
          ) : null}
          {canMarkAttendance ? (
            <>
              <Button type="button" onClick={() => markAttendance("attended")} loading={pending === "attended"} disabled={busy}>
                Mark attended
              </Button>
              <Button type="button" variant="secondary" disabled={busy} onClick={() => setDialog("no_show")}>
                Mark no-show
              </Button>
            </>
          ) : null}
          {live ? (
            <>
              <Button
                ref={rescheduleButtonRef}
                type="button"
                variant="secondary"
                disabled={busy}
                onClick={() => {
                  clearNotice();
                  setMode("reschedule");
                }}
              >
                Reschedule
              </Button>
              <Button
                type="button"
                variant="ghost"
                disabled={busy}
                className="text-red-800! hover:bg-red-50!"
                onClick={() => {
                  setReasonMessage(null);
                  setDialog("cancel");
                }}
              >
                Cancel booking
              </Button>
            </>
          ) : null}
        </div>
      ) : null}

      {canMarkAttendance && notStartedYet && mode === "view" ? (
        <p className="text-sm text-ink-600">
          Attendance can be recorded once the appointment has started, at {formatLondonTime(Date.parse(booking.start))}.
        </p>
      ) : null}

      {live && mode === "reschedule" ? (
        <BookingReschedule
          booking={booking}
          practitioners={practitioners}
          canChangePractitioner={canChangePractitioner}
          horizonDays={horizonDays}
          onClose={() => {
            setMode("view");
            // The panel (and the focus inside it) goes away: put focus back where it started.
            requestAnimationFrame(() => rescheduleButtonRef.current?.focus());
          }}
          onDone={(moved, notified) => {
            setMode("view");
            announce({
              tone: "success",
              title: "Booking moved",
              body: (
                <>
                  New time: <strong>{formatLondonDateTimeWithZone(Date.parse(moved.start))}</strong> with {moved.practitionerName}.{" "}
                  {notified ? "The patient is emailed about the change." : "The patient has not been emailed: please tell them yourself."}
                </>
              ),
            });
            router.refresh();
          }}
        />
      ) : null}

      {/* Each dialog exists only while its action is offered, so hidden copies never share a label. */}
      {booking.status === "requested" ? (
        <ConfirmDialog
          open={dialog === "decline"}
          title="Decline this request?"
          description={`${booking.patient.name} asked for ${when}. The patient is emailed, and the time becomes free for other patients.`}
          confirmLabel="Yes, decline it"
          cancelLabel="Keep the request"
          tone="danger"
          busy={pending === "decline"}
          onConfirm={declineBooking}
          onCancel={() => setDialog(null)}
        >
          <ReasonField
            id="decline-reason"
            label="Reason for declining"
            hint="It is included in the email to the patient."
            value={declineReason}
            error={dialog === "decline" ? reasonMessage : null}
            onChange={(value) => {
              setDeclineReason(value);
              setReasonMessage(null);
            }}
          />
        </ConfirmDialog>
      ) : null}

      {live ? (
        <ConfirmDialog
          open={dialog === "cancel"}
          title="Cancel this booking?"
          description={`${booking.patient.name}, ${when} with ${booking.practitionerName}. This cannot be undone.`}
          confirmLabel="Yes, cancel it"
          cancelLabel="Keep the booking"
          tone="danger"
          busy={pending === "cancel"}
          onConfirm={cancelBooking}
          onCancel={() => setDialog(null)}
        >
          <div className="flex flex-col gap-3">
            <ReasonField
              id="cancel-reason"
              label="Reason for cancelling"
              value={cancelReason}
              error={dialog === "cancel" ? reasonMessage : null}
              onChange={(value) => {
                setCancelReason(value);
                setReasonMessage(null);
              }}
            />
            <Checkbox
              id="cancel-notify"
              name="notifyPatient"
              checked={cancelNotify}
              onChange={(event) => setCancelNotify(event.target.checked)}
              label="Email the patient"
              hint={cancelNotify ? undefined : "The patient will not be told by email: let them know yourself."}
            />
          </div>
        </ConfirmDialog>
      ) : null}

      {canMarkAttendance ? (
        <ConfirmDialog
          open={dialog === "no_show"}
          title="Mark as a no-show?"
          description={`${booking.patient.name} did not come to the appointment on ${when}.`}
          confirmLabel="Yes, mark no-show"
          cancelLabel="Go back"
          busy={pending === "no_show"}
          onConfirm={() => markAttendance("no_show")}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
