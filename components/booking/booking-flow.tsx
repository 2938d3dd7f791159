"use client";

import { useRef, useState, type ReactNode } from "react";
import { createBookingSchema, toFieldErrors } from "@/lib/validation/booking";
import { formatLondonLongDate, formatLondonTime, londonDateOf, londonZoneLabel } from "@/lib/time/london";
import { Alert } from "@/components/ui/alert";
import { GENERIC_ERROR, newIdempotencyKey, postJson } from "./api";
import { BookingReceived } from "./booking-received";
import {
  DETAILS_FIELDS,
  DetailsForm,
  EMPTY_DETAILS,
  detailsFieldOf,
  validateDetailsField,
  type DetailsErrors,
  type DetailsField,
  type DetailsValues,
} from "./details-form";
import { SlotChooser } from "./slot-chooser";
import { ANY_PRACTITIONER, telHref, type BookingSummary, type PractitionerOption } from "./types";
import { useSlotPicker } from "./use-slot-picker";

const SERVICE = "consultation";
const SLOT_TAKEN = "That time was just taken, please pick another.";

export type BookingFlowProps = {
  practitioners: PractitionerOption[];
  /** How far ahead patients may book (days); the calendar stops there. */
  horizonDays?: number;
  clinicPhone?: string | null;
};

type CreatedBooking = { booking: BookingSummary; manageUrl: string };
type Received = { reference: string; start: string; practitionerName: string; email: string; manageUrl: string };

function slugOf(value: BookingSummary["practitioner"]): string {
  return typeof value === "string" ? value : value.slug;
}

export function BookingFlow({ practitioners, horizonDays = 84, clinicPhone }: BookingFlowProps) {
  const [practitioner, setPractitioner] = useState<string>(ANY_PRACTITIONER);
  const picker = useSlotPicker({ service: SERVICE, practitioner, horizonDays });
  const [hasChosenTime, setHasChosenTime] = useState(false);
  const [values, setValues] = useState<DetailsValues>(EMPTY_DETAILS);
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [timeError, setTimeError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [received, setReceived] = useState<Received | null>(null);

  const timesHeadingRef = useRef<HTMLHeadingElement>(null);
  const detailsHeadingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const fieldRefs = useRef<Partial<Record<DetailsField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  // One Idempotency-Key per attempt: reused only when the very same request is sent again after a
  // network failure or rate limit, so a retry can never create a second booking.
  const attempt = useRef<{ signature: string; key: string } | null>(null);

  const nameOf = (slug: string) => practitioners.find((p) => p.slug === slug)?.name ?? slug;
  const callUs = clinicPhone ? `call us on ${clinicPhone}` : "call us";

  function focusTimes() {
    timesHeadingRef.current?.focus();
  }

  function handleTimeChosen() {
    setHasChosenTime(true);
    setTimeError(null);
    // Let the details step render before moving there.
    requestAnimationFrame(() => {
      const heading = detailsHeadingRef.current;
      if (!heading) return;
      heading.focus({ preventScroll: true });
      const sideBySide = window.matchMedia("(min-width: 1024px)").matches;
      (sideBySide ? heading : (summaryRef.current ?? heading)).scrollIntoView({ block: "start" });
    });
  }

  function updateValue(field: DetailsField, value: string | boolean) {
    const next = { ...values, [field]: value } as DetailsValues;
    setValues(next);
    // Once a field shows an error, re-check it as the patient types so the message goes away as soon as it is fixed.
    if (errors[field]) setErrors((current) => ({ ...current, [field]: validateDetailsField(field, next) }));
  }

  function blurField(field: DetailsField) {
    if (field === "consent") return;
    const value = values[field];
    if (typeof value === "string" && value.trim() === "" && !errors[field]) return;
    setErrors((current) => ({ ...current, [field]: validateDetailsField(field, values) }));
  }

  function focusFirstInvalid(fieldErrors: DetailsErrors, timeMissing: boolean) {
    if (timeMissing) {
      focusTimes();
      return;
    }
    const first = DETAILS_FIELDS.find((field) => fieldErrors[field]);
    const element = first ? fieldRefs.current[first] : null;
    if (!element) return;
    // Centre it so its label and error message are not hidden under the sticky header.
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "center" });
  }

  async function submit() {
    setFormMessage(null);
    const start = picker.selectedStart;
    const body = {
      service: SERVICE,
      practitioner,
      start: start ?? "",
      patient: { name: values.name, email: values.email, phone: values.phone },
      notes: values.notes,
      consent: values.consent,
    };

    const parsed = createBookingSchema.safeParse(body);
    if (!parsed.success) {
      const issues = toFieldErrors(parsed.error);
      const fieldErrors: DetailsErrors = {};
      for (const [path, message] of Object.entries(issues)) {
        const field = detailsFieldOf(path);
        if (field) fieldErrors[field] = message;
      }
      const timeMissing = "start" in issues || "practitioner" in issues;
      setErrors(fieldErrors);
      setTimeError(timeMissing ? "Please choose a day and a time above." : null);
      focusFirstInvalid(fieldErrors, timeMissing);
      return;
    }

    const payload = { ...body, notes: values.notes.trim() || undefined, consent: true as const };
    const signature = JSON.stringify(payload);
    if (attempt.current?.signature !== signature) attempt.current = { signature, key: newIdempotencyKey() };

    setSubmitting(true);
    const result = await postJson<CreatedBooking>("/api/bookings", payload, { "Idempotency-Key": attempt.current.key });
    setSubmitting(false);

    if (result.kind === "ok") {
      const { booking, manageUrl } = result.data;
      setReceived({
        reference: booking.reference,
        start: booking.start,
        practitionerName: nameOf(slugOf(booking.practitioner)),
        email: parsed.data.patient.email,
        manageUrl,
      });
      return;
    }
    if (result.kind === "network") {
      setFormMessage(GENERIC_ERROR);
      return;
    }

    const { status, error } = result;
    if (status === 429) {
      setFormMessage(error.message);
      return;
    }
    attempt.current = null;
    if (status === 409 && error.code === "slot_unavailable") {
      setTimeError(SLOT_TAKEN);
      picker.selectStart(null);
      picker.reload();
      focusTimes();
      return;
    }
    if (status === 400 && error.fields) {
      const fieldErrors: DetailsErrors = {};
      let timeProblem = false;
      for (const [path, message] of Object.entries(error.fields)) {
        const field = detailsFieldOf(path);
        if (field) fieldErrors[field] = message;
        else if (path === "start" || path === "practitioner" || path === "service") timeProblem = true;
      }
      setErrors(fieldErrors);
      if (timeProblem) setTimeError(error.message || "Please choose a day and a time above.");
      if (Object.keys(fieldErrors).length === 0 && !timeProblem) setFormMessage(error.message);
      focusFirstInvalid(fieldErrors, timeProblem);
      return;
    }
    setFormMessage(error.message || GENERIC_ERROR);
  }

  if (received) return <BookingReceived {...received} />;

  const chosenStart = picker.selectedStart;
  const chosenInstant = chosenStart ? Date.parse(chosenStart) : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-x-10">
      <section aria-labelledby="step-practitioner-heading" className="lg:col-start-1">
        <h2 id="step-practitioner-heading" className="mb-3 text-xl font-bold">
          <StepNumber n={1} /> Who would you like to see?
        </h2>
        <div role="radiogroup" aria-labelledby="step-practitioner-heading" className="grid gap-2 sm:grid-cols-3">
            {[...practitioners, { slug: ANY_PRACTITIONER, name: "No preference", title: "The first free practitioner" }].map(
              (option) => (
                <PractitionerCard
                  key={option.slug}
                  slug={option.slug}
                  name={option.name}
                  title={option.title}
                  checked={practitioner === option.slug}
                  onChange={() => {
                    setPractitioner(option.slug);
                    setTimeError(null);
                  }}
                />
              ),
            )}
        </div>
      </section>

      <div className="lg:col-start-1">
        <SlotChooser
          picker={picker}
          headingLevel="h2"
          idPrefix="step"
          dayTitle={
            <>
              <StepNumber n={2} /> Choose a day
            </>
          }
          timeTitle={
            <>
              <StepNumber n={3} /> Choose a time
            </>
          }
          timesHeadingRef={timesHeadingRef}
          onDayChosen={() => {
            setTimeError(null);
            requestAnimationFrame(focusTimes);
          }}
          onTimeChosen={handleTimeChosen}
          emptyMessage={`No free times this month: try next month or ${callUs}.`}
          timesNotice={
            timeError ? (
              <Alert tone={timeError === SLOT_TAKEN ? "warning" : "error"} role="alert" className="mb-3">
                {timeError}
              </Alert>
            ) : null
          }
        />
      </div>

      <aside
        ref={summaryRef}
        id="booking-summary"
        aria-labelledby="summary-heading"
        className="rounded-card border border-brand-100 bg-brand-50 p-4 lg:sticky lg:top-24 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:self-start"
      >
        <h2 id="summary-heading" className="text-lg font-bold">
          Your consultation
        </h2>
        <p className="text-sm text-ink-600">Free · 30 minutes · at the clinic in Sutton Coldfield</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
          <SummaryRow label="With">
            {practitioner === ANY_PRACTITIONER ? "No preference" : nameOf(practitioner)}
          </SummaryRow>
          <SummaryRow label="Day">
            {picker.selectedDate ? formatLondonLongDate(picker.selectedDate) : <NotChosen />}
          </SummaryRow>
          <SummaryRow label="Time">
            {chosenInstant !== null ? (
              <>
                {formatLondonTime(chosenInstant)} <span className="text-ink-600">UK time ({londonZoneLabel(chosenInstant)})</span>
              </>
            ) : (
              <NotChosen />
            )}
          </SummaryRow>
        </dl>
        {chosenInstant !== null ? (
          <button
            type="button"
            onClick={focusTimes}
            className="mt-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900"
          >
            Change day or time
          </button>
        ) : null}
      </aside>

      <section aria-labelledby="step-details-heading" className="lg:col-start-1" hidden={!hasChosenTime}>
        <h2 id="step-details-heading" ref={detailsHeadingRef} tabIndex={-1} className="mb-1 text-xl font-bold">
          <StepNumber n={4} /> Your details
        </h2>
        {chosenInstant !== null ? (
          <p className="mb-4 text-ink-700">
            For {formatLondonLongDate(londonDateOf(chosenInstant))} at {formatLondonTime(chosenInstant)}{" "}
            {londonZoneLabel(chosenInstant)}
            {practitioner === ANY_PRACTITIONER ? "" : ` with ${nameOf(practitioner)}`}.
          </p>
        ) : (
          <p className="mb-4 text-ink-700">Choose a time above, then send your request.</p>
        )}
        <div className="max-w-xl">
          <DetailsForm
            values={values}
            errors={errors}
            onChange={updateValue}
            onBlur={blurField}
            onSubmit={submit}
            submitting={submitting}
            fieldRefs={fieldRefs}
            formMessage={
              formMessage ? (
                <Alert tone="error">
                  {formMessage}
                  {clinicPhone ? (
                    <>
                      {" "}
                      Clinic phone:{" "}
                      <a href={telHref(clinicPhone)} className="font-semibold underline">
                        {clinicPhone}
                      </a>
                      .
                    </>
                  ) : null}
                </Alert>
              ) : null
            }
          />
        </div>
      </section>
    </div>
  );
}

function StepNumber({ n }: { n: number }) {
  return (
    <span className="mr-1 inline-flex size-7 items-center justify-center rounded-full bg-brand-700 align-[0.1em] text-sm font-bold text-white">
      <span className="sr-only">Step </span>
      {n}
      <span className="sr-only">:</span>
    </span>
  );
}

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-ink-700">{label}</dt>
      <dd className="text-ink-900">{children}</dd>
    </>
  );
}

function NotChosen() {
  return <span className="text-ink-500">Not chosen yet</span>;
}

function PractitionerCard({
  slug,
  name,
  title,
  checked,
  onChange,
}: {
  slug: string;
  name: string;
  title?: string;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <label
      className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border bg-white px-4 py-3 transition-colors has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-(--focus-ring) ${
        checked ? "border-brand-700 ring-2 ring-brand-700" : "border-sand-300 hover:border-brand-400"
      }`}
    >
      <input
        type="radio"
        name="practitioner"
        value={slug}
        checked={checked}
        onChange={onChange}
        className="size-5 shrink-0 accent-brand-700 focus-visible:outline-none"
      />
      <span className="min-w-0">
        <span className="block font-semibold text-ink-900">{name}</span>
        {title ? <span className="block text-sm leading-snug text-ink-600">{title}</span> : null}
      </span>
    </label>
  );
}
