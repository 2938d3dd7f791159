"use client";

import { useParams, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  formatLondonDateTimeWithZone,
  formatLondonLongDate,
  formatLondonTime,
  londonDateOf,
  londonZoneLabel,
} from "@/lib/time/london";
import { cancelBookingSchema } from "@/lib/validation/booking";
import { Alert } from "@/components/ui/alert";
import { useFocusedNotice } from "@/components/ui/use-focused-notice";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ReasonField } from "@/components/ui/field";
import { GENERIC_ERROR, postJson } from "./api";
import { InlineSlotChooser } from "./inline-slot-chooser";
import { RadioCards } from "./radio-cards";
import { ANY_PRACTITIONER, telHref, type BookingStatus, type BookingSummary, type ManagedBookingView } from "./types";
import { useSlotPicker } from "./use-slot-picker";

const STATUS_TEXT: Record<BookingStatus, { label: string; tone: string }> = {
  requested: { label: "Request received – awaiting confirmation", tone: "bg-amber-100 text-amber-950 ring-amber-300" },
  confirmed: { label: "Confirmed", tone: "bg-green-100 text-green-950 ring-green-300" },
  cancelled: { label: "Cancelled", tone: "bg-sand-200 text-ink-900 ring-sand-300" },
  declined: { label: "Declined", tone: "bg-red-100 text-red-950 ring-red-300" },
  attended: { label: "Attended", tone: "bg-brand-100 text-brand-950 ring-brand-300" },
  no_show: { label: "Missed appointment", tone: "bg-sand-200 text-ink-900 ring-sand-300" },
};

const SLOT_TAKEN = "That time was just taken, please pick another.";

type BookingResponse = { booking: BookingSummary };

export type ManageBookingProps = {
  view: ManagedBookingView;
  /** Whether the appointment is still ahead (decided on the server at request time). */
  upcoming: boolean;
  horizonDays: number;
};

function when(instant: number): string {
  return `${formatLondonLongDate(londonDateOf(instant))} at ${formatLondonTime(instant)} UK time (${londonZoneLabel(instant)})`;
}

export function ManageBooking({ view, upcoming, horizonDays }: ManageBookingProps) {
  const router = useRouter();
  // The token is read from the URL only; it is never logged or stored anywhere else.
  const params = useParams<{ token: string }>();
  const token = params.token;
  const base = `/api/manage/${encodeURIComponent(token)}`;

  const [mode, setMode] = useState<"view" | "reschedule">("view");
  const { notice, ref: noticeRef, announce, clear: clearNotice } = useFocusedNotice<{ tone: "success" | "error"; title: string; body?: ReactNode }>();
  const [cancelled, setCancelled] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [cancelBusy, setCancelBusy] = useState(false);
  const start = Date.parse(view.start);
  const status = cancelled ? "cancelled" : view.status;
  const active = upcoming && (status === "requested" || status === "confirmed");
  const canChange = active && view.canChange;
  const badge = STATUS_TEXT[status];

  async function cancelBooking() {
    const parsed = cancelBookingSchema.safeParse({ reason: reason.trim() || undefined });
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message ?? "Please check the reason.");
      return;
    }
    setCancelBusy(true);
    const result = await postJson<BookingResponse>(`${base}/cancel`, parsed.data);
    setCancelBusy(false);
    setDialogOpen(false);
    if (result.kind === "ok") {
      setCancelled(true);
      setMode("view");
      announce({ tone: "success", title: "Your booking is cancelled", body: "We have sent you an email to confirm this." });
      router.refresh();
      return;
    }
    if (result.kind === "network") {
      announce({ tone: "error", title: "We could not cancel your booking", body: GENERIC_ERROR });
      return;
    }
    announce({ tone: "error", title: "We could not cancel your booking", body: result.error.message });
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="booking-details-heading" className="rounded-card border border-sand-200 bg-white p-5 shadow-card sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id="booking-details-heading" className="text-xl font-bold">
            {view.service.name}
          </h2>
          <p className={`inline-flex items-center rounded-full px-3 py-1 text-sm font-semibold ring-1 ring-inset ${badge.tone}`}>
            <span className="sr-only">Status: </span>
            {badge.label}
          </p>
        </div>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="font-semibold text-ink-700">Reference</dt>
          <dd className="font-mono text-lg font-bold tracking-wider">{view.reference}</dd>
          <dt className="font-semibold text-ink-700">Name</dt>
          <dd>{view.patient.name}</dd>
          <dt className="font-semibold text-ink-700">With</dt>
          <dd>{view.practitioner.name}</dd>
          <dt className="font-semibold text-ink-700">When</dt>
          <dd className={status === "cancelled" || status === "declined" ? "line-through decoration-ink-500" : undefined}>
            {when(start)}
          </dd>
          <dt className="font-semibold text-ink-700">Where</dt>
          <dd>{view.clinicAddress}</dd>
        </dl>
        {status === "requested" && upcoming ? (
          <p className="mt-4 text-ink-700">The clinic will look at your request and confirm it by email.</p>
        ) : null}
      </section>

      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="rounded-xl">
          <Alert tone={notice.tone} title={notice.title}>
            {notice.body}
          </Alert>
        </div>
      ) : null}

      {status === "cancelled" || status === "declined" ? (
        <div className="flex flex-col gap-3">
          <p className="text-ink-700">
            {status === "declined"
              ? "The clinic could not offer this time. You are welcome to choose another one."
              : "You are welcome to book another consultation whenever suits you."}
          </p>
          <div>
            <ButtonLink href="/book" size="lg">
              Book a consultation
            </ButtonLink>
          </div>
        </div>
      ) : null}

      {active && !view.canChange ? (
        <Alert tone="info" role="note" title="Need to change it?">
          Your appointment is less than {Math.round((Date.parse(view.start) - Date.parse(view.changeDeadline)) / 3_600_000)} hours away, so it
          can no longer be changed online. Please call the clinic on{" "}
          <a href={telHref(view.clinicPhone)} className="font-semibold underline">
            {view.clinicPhone}
          </a>
          .
        </Alert>
      ) : null}

      {canChange && mode === "view" ? (
        <section aria-labelledby="change-heading">
          <h2 id="change-heading" className="text-xl font-bold">
            Change or cancel
          </h2>
          <p className="mt-1 text-ink-700">
            You can change or cancel online until {formatLondonDateTimeWithZone(Date.parse(view.changeDeadline))}. After
            that, please call the clinic on{" "}
            <a href={telHref(view.clinicPhone)} className="font-semibold text-brand-700 underline">
              {view.clinicPhone}
            </a>
            .
          </p>
          <div className="mt-4 flex flex-col gap-3 sm:flex-row">
            <Button
              type="button"
              size="lg"
              onClick={() => {
                clearNotice();
                setMode("reschedule");
              }}
            >
              Change time
            </Button>
            <Button
              type="button"
              size="lg"
              variant="secondary"
              onClick={() => {
                setReasonError(null);
                setDialogOpen(true);
              }}
            >
              Cancel booking
            </Button>
          </div>
        </section>
      ) : null}

      {canChange && mode === "reschedule" ? (
        <Reschedule
          view={view}
          base={base}
          horizonDays={horizonDays}
          onDone={(booking) => {
            setMode("view");
            announce({
              tone: "success",
              title: "Your booking has been moved",
              body: (
                <>
                  Your new time is <strong>{when(Date.parse(booking.start))}</strong>.{" "}
                  {booking.status === "confirmed"
                    ? "It stays confirmed: we have emailed you an updated calendar invite."
                    : "The clinic will confirm it by email."}
                </>
              ),
            });
            router.refresh();
          }}
          onTooLate={(message) => {
            setMode("view");
            announce({ tone: "error", title: "This booking can no longer be changed online", body: message });
            router.refresh();
          }}
          onClose={() => setMode("view")}
        />
      ) : null}

      <ConfirmDialog
        open={dialogOpen}
        title={`Cancel your consultation on ${formatLondonDateTimeWithZone(start)}?`}
        description="This cannot be undone."
        confirmLabel="Yes, cancel it"
        cancelLabel="Keep my booking"
        tone="danger"
        busy={cancelBusy}
        onConfirm={cancelBooking}
        onCancel={() => setDialogOpen(false)}
      >
        <ReasonField
          id="cancel-reason"
          label="Reason"
          hint="This helps the clinic, but you do not have to say."
          value={reason}
          error={reasonError}
          onChange={(value) => {
            setReason(value);
            setReasonError(null);
          }}
        />
      </ConfirmDialog>
    </div>
  );
}

function Reschedule({
  view,
  base,
  horizonDays,
  onDone,
  onTooLate,
  onClose,
}: {
  view: ManagedBookingView;
  base: string;
  horizonDays: number;
  onDone: (booking: BookingSummary) => void;
  onTooLate: (message: string) => void;
  onClose: () => void;
}) {
  const [practitioner, setPractitioner] = useState(view.practitioner.slug);
  const picker = useSlotPicker({ service: view.service.slug, practitioner, horizonDays });
  const [timesNotice, setTimesNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const timesHeadingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const chosen = picker.selectedStart;
  const chosenInstant = chosen ? Date.parse(chosen) : null;
  const currentStart = Date.parse(view.start);

  async function move() {
    if (!chosen) {
      setTimesNotice("Please choose a day and a time.");
      timesHeadingRef.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const result = await postJson<BookingResponse>(`${base}/reschedule`, { start: chosen, practitioner });
    setBusy(false);
    if (result.kind === "ok") {
      onDone(result.data.booking);
      return;
    }
    if (result.kind === "network") {
      setError(GENERIC_ERROR);
      return;
    }
    const { status, error: apiError } = result;
    if (status === 409 && apiError.code === "slot_unavailable") {
      setTimesNotice(SLOT_TAKEN);
      picker.selectStart(null);
      picker.reload();
      timesHeadingRef.current?.focus();
      return;
    }
    if (status === 409 && apiError.code === "too_late") {
      onTooLate(apiError.message);
      return;
    }
    setError(apiError.fields?.start ?? apiError.message);
  }

  return (
    <section aria-labelledby="reschedule-heading" className="rounded-card border border-brand-200 bg-white p-4 shadow-card sm:p-6">
      <h2 id="reschedule-heading" ref={headingRef} tabIndex={-1} className="text-xl font-bold">
        Choose a new time
      </h2>
      <p className="mt-1 text-ink-700">
        Your current time, {when(currentStart)}, stays booked until you confirm a new one.
      </p>

      <div role="radiogroup" aria-label="Practitioner" className="mt-4 flex flex-col gap-2 sm:flex-row">
        <RadioCards
          name="reschedule-practitioner"
          options={[
            { value: view.practitioner.slug, label: `With ${view.practitioner.name}` },
            { value: ANY_PRACTITIONER, label: "With any practitioner" },
          ]}
          value={practitioner}
          onChange={(slug) => {
            setPractitioner(slug);
            setTimesNotice(null);
          }}
        />
      </div>

      <div className="mt-6">
        <InlineSlotChooser
          picker={picker}
          idPrefix="reschedule"
          dayTitle="New day"
          timeTitle="New time"
          timesHeadingRef={timesHeadingRef}
          nextRef={confirmRef}
          emptyMessage={`No free times this month: try next month or call us on ${view.clinicPhone}.`}
          notice={timesNotice ? { tone: timesNotice === SLOT_TAKEN ? "warning" : "error", text: timesNotice } : null}
          onClearNotice={() => setTimesNotice(null)}
        />
      </div>

      <div ref={confirmRef} className="mt-6 flex flex-col gap-3 border-t border-sand-200 pt-4">
        <p aria-live="polite" className="text-ink-900">
          {chosenInstant !== null ? (
            <>
              New time: <strong>{when(chosenInstant)}</strong>
              {practitioner === ANY_PRACTITIONER ? null : <> with {view.practitioner.name}</>}.
            </>
          ) : (
            <span className="text-ink-600">Choose a day and a time above.</span>
          )}
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="button" size="lg" onClick={move} loading={busy} disabled={chosen === null}>
            {busy ? "Moving your booking…" : "Move my booking"}
          </Button>
          <Button type="button" size="lg" variant="ghost" onClick={onClose} disabled={busy}>
            Keep my current time
          </Button>
        </div>
      </div>
    </section>
  );
}
