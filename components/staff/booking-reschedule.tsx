"use client";

/**
 * Moving a booking to a new day, time and (for reception and admin) practitioner. Reuses the
 * patient-side calendar and time picker, fed from the staff availability endpoint, which offers
 * every service and ignores the patients' minimum notice.
 */
import { useEffect, useRef, useState } from "react";
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import { InlineSlotChooser, type TimesNotice } from "@/components/booking/inline-slot-chooser";
import { RadioCards } from "@/components/booking/radio-cards";
import { ANY_PRACTITIONER } from "@/components/booking/types";
import { useSlotPicker } from "@/components/booking/use-slot-picker";
import { SLOT_TAKEN_MESSAGE, failureMessage, isSlotTaken, staffRequest } from "./booking-api";

export const STAFF_AVAILABILITY_URL = "/api/staff/availability";
/** Staff book treatment courses (sessions 6-8 weeks apart), so their calendar runs a year ahead. */
export const STAFF_HORIZON_DAYS = 365;

export type PractitionerChoice = { slug: string; name: string };

type BookingResponse = { booking: StaffBookingDto };

export type BookingRescheduleProps = {
  booking: StaffBookingDto;
  practitioners: PractitionerChoice[];
  /** Reception and admin may move a booking to another practitioner; a practitioner keeps it. */
  canChangePractitioner: boolean;
  horizonDays?: number;
  onDone: (booking: StaffBookingDto, notified: boolean) => void;
  onClose: () => void;
};

/**
 * With "any practitioner" a time may be free with several people: keep the booking with its own
 * practitioner when they are free, otherwise take the first free one. Sending an explicit slug
 * means the page can say exactly who the patient will see before staff press the button.
 */
function resolvePractitioner(choice: string, freeWith: string[], current: string): string | null {
  if (choice !== ANY_PRACTITIONER) return choice;
  if (freeWith.includes(current)) return current;
  return freeWith[0] ?? null;
}

export function BookingReschedule({ booking, practitioners, canChangePractitioner, horizonDays = STAFF_HORIZON_DAYS, onDone, onClose }: BookingRescheduleProps) {
  const [practitioner, setPractitioner] = useState(booking.practitioner);
  const [notify, setNotify] = useState(true);
  const [timesNotice, setTimesNotice] = useState<TimesNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useSlotPicker({ service: booking.service, practitioner, horizonDays, availabilityUrl: STAFF_AVAILABILITY_URL });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const timesHeadingRef = useRef<HTMLHeadingElement>(null);
  const submitRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const nameOf = (slug: string) => practitioners.find((p) => p.slug === slug)?.name ?? slug;
  const chosen = picker.timesForSelectedDate.find((option) => option.start === picker.selectedStart) ?? null;
  const target = chosen ? resolvePractitioner(practitioner, chosen.practitioners, booking.practitioner) : null;
  const minutes = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);

  async function move() {
    setError(null);
    if (!chosen || !target) {
      setTimesNotice({ tone: "error", text: "Please choose a day and a time." });
      timesHeadingRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await staffRequest<BookingResponse>("POST", `/api/staff/bookings/${encodeURIComponent(booking.id)}/reschedule`, {
      start: chosen.start,
      practitioner: target,
      notifyPatient: notify,
    });
    setBusy(false);
    if (result.kind === "ok") {
      onDone(result.data.booking, notify);
      return;
    }
    if (isSlotTaken(result)) {
      // Keep the practitioner and email choices; only the taken time has to go.
      setTimesNotice({ tone: "warning", text: SLOT_TAKEN_MESSAGE });
      picker.selectStart(null);
      picker.reload();
      timesHeadingRef.current?.focus();
      return;
    }
    if (result.kind === "error" && result.error.fields?.start) {
      setTimesNotice({ tone: "error", text: result.error.fields.start });
      timesHeadingRef.current?.focus();
      return;
    }
    setError(failureMessage(result));
  }

  return (
    <section aria-labelledby="reschedule-heading" className="rounded-card border-2 border-brand-200 bg-white p-4 shadow-card sm:p-6">
      <h2 id="reschedule-heading" ref={headingRef} tabIndex={-1} className="text-xl font-bold">
        Reschedule this booking
      </h2>
      <p className="mt-1 text-ink-700">
        Now: {formatLondonDateTimeWithZone(Date.parse(booking.start))} with {booking.practitionerName}. It stays there until you
        move it.
      </p>

      {canChangePractitioner ? (
        <fieldset className="mt-4 min-w-0">
          <legend className="mb-2 font-semibold text-ink-900">Practitioner</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            <RadioCards
              name="reschedule-practitioner"
              options={[
                ...practitioners.map((p) => ({ value: p.slug, label: p.slug === booking.practitioner ? `${p.name} (current)` : p.name })),
                { value: ANY_PRACTITIONER, label: "Whoever is free" },
              ]}
              value={practitioner}
              onChange={(slug) => {
                setPractitioner(slug);
                setTimesNotice(null);
              }}
            />
          </div>
        </fieldset>
      ) : null}

      <div className="mt-6">
        <InlineSlotChooser
          picker={picker}
          idPrefix="reschedule"
          dayTitle="New day"
          timeTitle="New time"
          timesHeadingRef={timesHeadingRef}
          nextRef={submitRef}
          lengthNote={`This appointment lasts ${minutes} minutes.`}
          emptyMessage="No free times this month. Try the next month or another practitioner."
          notice={timesNotice}
          onClearNotice={() => setTimesNotice(null)}
        />
      </div>

      <div ref={submitRef} className="mt-6 flex flex-col gap-3 border-t border-sand-200 pt-4">
        <p aria-live="polite" className="text-ink-900">
          {chosen && target ? (
            <>
              New time: <strong>{formatLondonDateTimeWithZone(Date.parse(chosen.start))}</strong> with{" "}
              <strong>{nameOf(target)}</strong>.
            </>
          ) : (
            <span className="text-ink-600">Choose a day and a time above.</span>
          )}
        </p>
        <Checkbox
          id="reschedule-notify"
          name="notifyPatient"
          checked={notify}
          onChange={(event) => setNotify(event.target.checked)}
          label="Email the patient about the change"
          hint={notify ? undefined : "The patient will not be told by email: let them know yourself."}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="button" onClick={move} loading={busy}>
            {busy ? "Moving the booking…" : "Move booking"}
          </Button>
          <Button type="button" variant="ghost" onClick={onClose} disabled={busy}>
            Close without changing
          </Button>
        </div>
      </div>
    </section>
  );
}
