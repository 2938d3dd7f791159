"use client";

import type { FormEvent, ReactNode, RefObject } from "react";
import { z } from "@/lib/validation/zod";
import { notesSchema, patientSchema } from "@/lib/validation/booking";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, TextArea, TextInput } from "@/components/ui/field";

export type DetailsValues = {
  name: string;
  email: string;
  phone: string;
  notes: string;
  consent: boolean;
};

export type DetailsField = keyof DetailsValues;
export type DetailsErrors = Partial<Record<DetailsField, string>>;

export const EMPTY_DETAILS: DetailsValues = { name: "", email: "", phone: "", notes: "", consent: false };

/** Order in which invalid fields receive focus. */
export const DETAILS_FIELDS: DetailsField[] = ["name", "email", "phone", "notes", "consent"];

const CONSENT_ERROR = "Please tick the box so that we can keep your details to handle your booking.";

/** Checks one field with the same zod schemas the API uses; `undefined` means valid. */
export function validateDetailsField(field: DetailsField, values: DetailsValues): string | undefined {
  let result: z.ZodSafeParseResult<unknown>;
  switch (field) {
    case "name":
    case "email":
    case "phone":
      result = patientSchema.shape[field].safeParse(values[field]);
      break;
    case "notes":
      result = notesSchema.safeParse(values.notes);
      break;
    case "consent":
      return values.consent ? undefined : CONSENT_ERROR;
  }
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** Maps API / zod paths (`patient.email`, `consent`) onto the form's fields. */
export function detailsFieldOf(path: string): DetailsField | null {
  const key = path.startsWith("patient.") ? path.slice("patient.".length) : path;
  return (DETAILS_FIELDS as string[]).includes(key) ? (key as DetailsField) : null;
}

export type DetailsFormProps = {
  values: DetailsValues;
  errors: DetailsErrors;
  onChange: (field: DetailsField, value: string | boolean) => void;
  onBlur: (field: DetailsField) => void;
  onSubmit: () => void;
  submitting: boolean;
  /** Form-level message (rate limit, network failure), shown above the button. */
  formMessage: ReactNode;
  fieldRefs: RefObject<Partial<Record<DetailsField, HTMLInputElement | HTMLTextAreaElement | null>>>;
  submitLabel?: string;
};

export function DetailsForm({
  values,
  errors,
  onChange,
  onBlur,
  onSubmit,
  submitting,
  formMessage,
  fieldRefs,
  submitLabel = "Request booking",
}: DetailsFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!submitting) onSubmit();
  }

  const register = (field: DetailsField) => (element: HTMLInputElement | HTMLTextAreaElement | null) => {
    fieldRefs.current[field] = element;
  };

  return (
    <form noValidate onSubmit={handleSubmit} aria-describedby="details-required-note" className="flex flex-col gap-5">
      <p id="details-required-note" className="text-sm text-ink-600">
        Fields marked <span aria-hidden="true" className="text-red-700">*</span>
        <span className="sr-only">as required</span> are required. We only use your details for this booking.
      </p>

      <Field id="patient-name" label="Full name" error={errors.name} required>
        <TextInput
          ref={register("name")}
          name="name"
          autoComplete="name"
          autoCapitalize="words"
          spellCheck={false}
          value={values.name}
          onChange={(event) => onChange("name", event.target.value)}
          onBlur={() => onBlur("name")}
        />
      </Field>

      <Field
        id="patient-email"
        label="Email"
        hint="We send your acknowledgement and confirmation here."
        error={errors.email}
        required
      >
        <TextInput
          ref={register("email")}
          type="email"
          name="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={values.email}
          onChange={(event) => onChange("email", event.target.value)}
          onBlur={() => onBlur("email")}
        />
      </Field>

      <Field id="patient-phone" label="Phone" hint="In case we need to reach you about the appointment." error={errors.phone} required>
        <TextInput
          ref={register("phone")}
          type="tel"
          name="phone"
          inputMode="tel"
          autoComplete="tel"
          value={values.phone}
          onChange={(event) => onChange("phone", event.target.value)}
          onBlur={() => onBlur("phone")}
        />
      </Field>

      <Field id="patient-notes" label="Anything we should know about your SMP?" optional error={errors.notes}
        hint="For example how long ago it was done, or whether you have had removal before.">
        <TextArea
          ref={register("notes")}
          name="notes"
          rows={3}
          maxLength={2000}
          value={values.notes}
          onChange={(event) => onChange("notes", event.target.value)}
          onBlur={() => onBlur("notes")}
        />
      </Field>

      <Checkbox
        ref={register("consent")}
        id="patient-consent"
        name="consent"
        required
        checked={values.consent}
        onChange={(event) => onChange("consent", event.target.checked)}
        error={errors.consent}
        label={
          <>
            I agree that Victoria House Clinic may keep these details to handle my booking.{" "}
            <a
              href="/privacy"
              target="_blank"
              rel="noopener"
              className="font-semibold text-brand-700 underline hover:text-brand-900"
            >
              Read our privacy notice<span className="sr-only"> (opens in a new tab)</span>
            </a>
            .
          </>
        }
      />

      <div aria-live="polite" aria-atomic="true">
        {formMessage}
      </div>

      <div>
        <Button type="submit" size="lg" loading={submitting} fullWidth className="sm:w-auto">
          {submitting ? "Sending your request…" : submitLabel}
        </Button>
        <p className="mt-2 text-sm text-ink-600">Free, no payment needed. The clinic confirms every request by email.</p>
      </div>
    </form>
  );
}
