"use client";

/**
 * "Book a phone caller": reception picks the service, practitioner and a free time (the patient-side
 * calendar fed by the staff availability endpoint), types the caller's details and books. The
 * booking is confirmed at once. Every typed value survives a failed attempt, including a clash
 * (409), so reception only has to pick another time while the caller is still on the line.
 */
import { useRef, useState, type FormEvent } from "react";
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { notesSchema, patientSchema } from "@/lib/validation/booking";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { newIdempotencyKey } from "@/components/booking/api";
import { InlineSlotChooser, type TimesNotice } from "@/components/booking/inline-slot-chooser";
import { ANY_PRACTITIONER } from "@/components/booking/types";
import { useSlotPicker } from "@/components/booking/use-slot-picker";
import { SLOT_TAKEN_MESSAGE, failureMessage, isSlotTaken, staffRequest } from "./booking-api";
import { STAFF_AVAILABILITY_URL, STAFF_HORIZON_DAYS } from "./booking-reschedule";

export type PhoneBookingService = { slug: string; name: string; durationMinutes: number };
export type PhoneBookingPractitioner = { slug: string; name: string };

type CallerField = "name" | "email" | "phone" | "notes";
type CallerValues = Record<CallerField, string>;
type CallerErrors = Partial<Record<CallerField, string>>;

const EMPTY: CallerValues = { name: "", email: "", phone: "", notes: "" };
const FIELD_ORDER: CallerField[] = ["name", "email", "phone", "notes"];

/** The shared schemas speak to the patient ("your name"); here reception reads them. */
function forReception(message: string): string {
  return message.replace(/\byour\b/g, "the caller's");
}

function validateField(field: CallerField, value: string): string | undefined {
  const result = field === "notes" ? notesSchema.safeParse(value) : patientSchema.shape[field].safeParse(value);
  if (result.success) return undefined;
  const message = result.error.issues[0]?.message;
  return message ? forReception(message) : "Please check this.";
}

/** API paths (`patient.email`, `notes`) onto the form's fields. */
function fieldOf(path: string): CallerField | null {
  const key = path.startsWith("patient.") ? path.slice("patient.".length) : path;
  return (FIELD_ORDER as string[]).includes(key) ? (key as CallerField) : null;
}

type Booked = { booking: StaffBookingDto; notified: boolean };

export function PhoneBookingForm({
  services,
  practitioners,
}: {
  services: PhoneBookingService[];
  practitioners: PhoneBookingPractitioner[];
}) {
  const [service, setService] = useState(services.find((s) => s.slug === "consultation")?.slug ?? services[0]?.slug ?? "");
  const [practitioner, setPractitioner] = useState<string>(ANY_PRACTITIONER);
  const picker = useSlotPicker({ service, practitioner, horizonDays: STAFF_HORIZON_DAYS, availabilityUrl: STAFF_AVAILABILITY_URL });
  const [values, setValues] = useState<CallerValues>(EMPTY);
  const [errors, setErrors] = useState<CallerErrors>({});
  const [notify, setNotify] = useState(true);
  const [timesNotice, setTimesNotice] = useState<TimesNotice | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Booked | null>(null);

  const timesHeadingRef = useRef<HTMLHeadingElement>(null);
  const callerHeadingRef = useRef<HTMLHeadingElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const fieldRefs = useRef<Partial<Record<CallerField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  // One key per distinct attempt: a retry of the very same request after a dropped connection
  // cannot create a second booking.
  const attempt = useRef<{ signature: string; key: string } | null>(null);

  const chosenService = services.find((s) => s.slug === service);
  const chosen = picker.timesForSelectedDate.find((option) => option.start === picker.selectedStart) ?? null;
  const nameOf = (slug: string) => practitioners.find((p) => p.slug === slug)?.name ?? slug;

  function update(field: CallerField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    // Once a field shows an error, re-check it while typing so the message goes as soon as it is fixed.
    if (errors[field]) setErrors((current) => ({ ...current, [field]: validateField(field, value) }));
  }

  function blur(field: CallerField) {
    if (values[field].trim() === "" && !errors[field]) return;
    setErrors((current) => ({ ...current, [field]: validateField(field, values[field]) }));
  }

  function focusField(field: CallerField) {
    const element = fieldRefs.current[field];
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "center" });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const nextErrors: CallerErrors = {};
    for (const field of FIELD_ORDER) {
      const message = validateField(field, values[field]);
      if (message) nextErrors[field] = message;
    }
    setErrors(nextErrors);
    const firstInvalid = FIELD_ORDER.find((field) => nextErrors[field]);
    if (!chosen) {
      setTimesNotice({ tone: "error", text: picker.selectedDate ? "Please choose a time." : "Please choose a day and a time." });
      timesHeadingRef.current?.focus();
      return;
    }
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }

    const body = {
      service,
      practitioner,
      start: chosen.start,
      patient: { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() },
      notes: values.notes.trim() || undefined,
      notifyPatient: notify,
    };
    const signature = JSON.stringify(body);
    if (!attempt.current || attempt.current.signature !== signature) attempt.current = { signature, key: newIdempotencyKey() };

    setBusy(true);
    const result = await staffRequest<{ booking: StaffBookingDto }>("POST", "/api/staff/bookings", body, {
      "Idempotency-Key": attempt.current.key,
    });
    setBusy(false);

    if (result.kind === "ok") {
      attempt.current = null;
      setBooked({ booking: result.data.booking, notified: notify });
      requestAnimationFrame(() => {
        successRef.current?.focus({ preventScroll: true });
        successRef.current?.scrollIntoView({ block: "center" });
      });
      return;
    }
    if (isSlotTaken(result)) {
      setTimesNotice({ tone: "warning", text: SLOT_TAKEN_MESSAGE });
      picker.selectStart(null);
      picker.reload();
      timesHeadingRef.current?.focus();
      return;
    }
    if (result.kind === "error" && result.error.fields) {
      const fromApi: CallerErrors = {};
      for (const [path, message] of Object.entries(result.error.fields)) {
        const field = fieldOf(path);
        if (field && !fromApi[field]) fromApi[field] = forReception(message);
      }
      if (result.error.fields.start) {
        setTimesNotice({ tone: "error", text: result.error.fields.start });
      }
      const first = FIELD_ORDER.find((field) => fromApi[field]);
      if (first) {
        setErrors(fromApi);
        focusField(first);
        return;
      }
      if (result.error.fields.start) {
        timesHeadingRef.current?.focus();
        return;
      }
    }
    setFormError(failureMessage(result));
  }

  function bookAnother() {
    setBooked(null);
    setValues(EMPTY);
    setErrors({});
    setNotify(true);
    setTimesNotice(null);
    setFormError(null);
    picker.selectStart(null);
    picker.reload();
    requestAnimationFrame(() => document.getElementById("service")?.focus());
  }

  if (booked) {
    const { booking, notified } = booked;
    return (
      <Card as="section" aria-labelledby="booked-heading" tone="brand" padding="lg" className="max-w-2xl">
        <h2 id="booked-heading" ref={successRef} tabIndex={-1} className="text-2xl font-bold">
          Booked and confirmed
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="font-semibold text-ink-700">Reference</dt>
          <dd className="font-mono text-lg font-bold tracking-wider">{booking.reference}</dd>
          <dt className="font-semibold text-ink-700">Patient</dt>
          <dd>{booking.patient.name}</dd>
          <dt className="font-semibold text-ink-700">When</dt>
          <dd>{formatLondonDateTimeWithZone(Date.parse(booking.start))}</dd>
          <dt className="font-semibold text-ink-700">Service</dt>
          <dd>{booking.serviceName}</dd>
          <dt className="font-semibold text-ink-700">With</dt>
          <dd>{booking.practitionerName}</dd>
        </dl>
        <p className="mt-4 text-ink-700">
          {notified
            ? `A confirmation email is on its way to ${booking.patient.email}.`
            : "No email was sent: read the reference and time to the caller."}
        </p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <ButtonLink href={`/staff/bookings/${encodeURIComponent(booking.id)}`}>Open the booking</ButtonLink>
          <Button type="button" variant="secondary" onClick={bookAnother}>
            Book another caller
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <Card as="section" aria-labelledby="appointment-heading">
        <h2 id="appointment-heading" className="text-xl font-bold">
          1. Appointment
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <Field id="service" label="Service" required>
            <Select
              name="service"
              value={service}
              onChange={(event) => {
                setService(event.target.value);
                setTimesNotice(null);
              }}
            >
              {services.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </Select>
          </Field>
          <Field id="practitioner" label="Practitioner" required>
            <Select
              name="practitioner"
              value={practitioner}
              onChange={(event) => {
                setPractitioner(event.target.value);
                setTimesNotice(null);
              }}
            >
              <option value={ANY_PRACTITIONER}>Any practitioner</option>
              {practitioners.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>

        <div className="mt-6">
          <InlineSlotChooser
            picker={picker}
            idPrefix="phone"
            dayTitle="Day"
            timeTitle="Time"
            timesHeadingRef={timesHeadingRef}
            nextRef={callerHeadingRef}
            lengthNote={chosenService ? `This appointment lasts ${chosenService.durationMinutes} minutes.` : null}
            emptyMessage="No free times this month. Try the next month or another practitioner."
            notice={timesNotice}
            onClearNotice={() => setTimesNotice(null)}
          />
        </div>
      </Card>

      <Card as="section" aria-labelledby="caller-heading">
        <h2 id="caller-heading" ref={callerHeadingRef} className="text-xl font-bold">
          2. Caller&rsquo;s details
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <Field id="caller-name" label="Full name" required error={errors.name} className="md:col-span-2">
            <TextInput
              ref={(element) => {
                fieldRefs.current.name = element;
              }}
              name="name"
              autoComplete="off"
              value={values.name}
              onChange={(event) => update("name", event.target.value)}
              onBlur={() => blur("name")}
            />
          </Field>
          <Field id="caller-email" label="Email address" required error={errors.email}>
            <TextInput
              ref={(element) => {
                fieldRefs.current.email = element;
              }}
              type="email"
              name="email"
              autoComplete="off"
              inputMode="email"
              spellCheck={false}
              value={values.email}
              onChange={(event) => update("email", event.target.value)}
              onBlur={() => blur("email")}
            />
          </Field>
          <Field id="caller-phone" label="Phone number" required error={errors.phone}>
            <TextInput
              ref={(element) => {
                fieldRefs.current.phone = element;
              }}
              type="tel"
              name="phone"
              autoComplete="off"
              value={values.phone}
              onChange={(event) => update("phone", event.target.value)}
              onBlur={() => blur("phone")}
            />
          </Field>
          <Field id="caller-notes" label="Notes" optional error={errors.notes} hint="Anything the practitioner should know." className="md:col-span-2">
            <TextArea
              ref={(element) => {
                fieldRefs.current.notes = element;
              }}
              name="notes"
              rows={3}
              maxLength={2000}
              value={values.notes}
              onChange={(event) => update("notes", event.target.value)}
              onBlur={() => blur("notes")}
            />
          </Field>
        </div>
      </Card>

      <div className="flex flex-col gap-4">
        <p aria-live="polite" className="text-lg text-ink-900">
          {chosen ? (
            <>
              <strong>{formatLondonDateTimeWithZone(Date.parse(chosen.start))}</strong>
              {", "}
              {chosenService?.name ?? service}
              {practitioner === ANY_PRACTITIONER
                ? `, free with ${chosen.practitioners.map(nameOf).join(" and ")}`
                : ` with ${nameOf(practitioner)}`}
              .
            </>
          ) : (
            <span className="text-ink-600">No time chosen yet.</span>
          )}
        </p>
        <Checkbox
          id="notify-patient"
          name="notifyPatient"
          checked={notify}
          onChange={(event) => setNotify(event.target.checked)}
          label="Email the patient a confirmation"
          hint={notify ? "With the time, the reference and a calendar invite." : "No confirmation will be sent: read the details to the caller. The reminder the day before still goes out."}
        />
        {formError ? <Alert tone="error" title="The booking was not made">{formError}</Alert> : null}
        <div>
          <Button type="submit" size="lg" loading={busy} className="w-full sm:w-auto">
            {busy ? "Booking…" : "Book appointment"}
          </Button>
        </div>
      </div>
    </form>
  );
}
