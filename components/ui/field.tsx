"use client";

/**
 * Form fields that wire up labels, hints and errors for assistive technology.
 *
 *   <Field id="email" label="Email address" hint="We send your confirmation here." error={errors.email} required>
 *     <TextInput type="email" name="email" autoComplete="email" />
 *   </Field>
 *
 * Field props: id (the control's id), label (ReactNode), hint?, error? (string; shown in red with
 *   id `${id}-error` and role="alert"), required? (adds a "*" and aria-required on the control),
 *   optional? (adds "(optional)" after the label), className?.
 * Inside a Field, TextInput / TextArea / Select take their id, aria-invalid and aria-describedby
 *   (`${id}-hint ${id}-error`, only the ones that are shown) from the Field, so you need not repeat
 *   them. Outside a Field pass id and invalid yourself. Any aria-describedby you pass is appended.
 *   All are 16px text (no iOS zoom on focus) and at least 44px tall. `ref` works (React 19).
 * Checkbox is self-contained because its label sits beside the box:
 *   <Checkbox id="consent" name="consent" label={<>I agree to the <a href="/privacy">privacy notice</a></>}
 *             error={errors.consent} required />
 * Fieldset groups radios or checkboxes under a legend, with the same hint/error wiring:
 *   <Fieldset id="practitioner" legend="Who would you like to see?" error={...}>...radios...</Fieldset>
 *   (put aria-describedby={describedByFor("practitioner", { hint, error })} on the radios if needed).
 */
import { createContext, useContext, type ComponentProps, type ReactNode } from "react";

type FieldContextValue = {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
};

const FieldContext = createContext<FieldContextValue | null>(null);

/** The aria-describedby value for a control with the given optional hint and error. */
export function describedByFor(id: string, { hint, error }: { hint?: ReactNode; error?: ReactNode }): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function joinIds(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined.length > 0 ? joined : undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="text-sm text-ink-600">
      {children}
    </p>
  );
}

function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} role="alert" className="flex items-start gap-1.5 text-sm font-semibold text-red-700">
      <svg className="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
        <path
          fillRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-11.5a.9.9 0 0 1 .9.9v3.2a.9.9 0 1 1-1.8 0V7.4a.9.9 0 0 1 .9-.9Zm0 7.9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
          clipRule="evenodd"
        />
      </svg>
      <span>
        <span className="sr-only">Error: </span>
        {children}
      </span>
    </p>
  );
}

function LabelSuffix({ required, optional }: { required?: boolean; optional?: boolean }) {
  if (required) {
    // The asterisk is visual only; aria-required on the control tells screen readers.
    return (
      <span aria-hidden="true" className="ml-0.5 text-red-700">
        *
      </span>
    );
  }
  if (optional) return <span className="font-normal text-ink-600"> (optional)</span>;
  return null;
}

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  optional?: boolean;
  className?: string;
  children: ReactNode;
};

export function Field({ id, label, hint, error, required = false, optional = false, className = "", children }: FieldProps) {
  const value: FieldContextValue = {
    id,
    describedBy: describedByFor(id, { hint, error }),
    invalid: Boolean(error),
    required,
  };
  return (
    <div className={`flex flex-col gap-1.5 ${error ? "border-l-4 border-red-700 pl-3" : ""} ${className}`}>
      <label htmlFor={id} className="font-semibold text-ink-900">
        {label}
        <LabelSuffix required={required} optional={optional} />
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorText id={id}>{error}</ErrorText> : null}
      <FieldContext value={value}>{children}</FieldContext>
    </div>
  );
}

const controlBase =
  "block w-full min-w-0 rounded-lg border bg-white px-3.5 text-base text-ink-900 shadow-xs " +
  "placeholder:text-ink-500 transition-[border-color,box-shadow] focus:border-brand-600 " +
  "disabled:cursor-not-allowed disabled:bg-sand-100 disabled:text-ink-600 [&[readonly]]:bg-sand-100";

function controlState(invalid: boolean): string {
  return invalid ? "border-red-700 ring-1 ring-red-700" : "border-ink-400 hover:border-ink-600";
}

type ControlExtras = { invalid?: boolean };

function useControlProps(props: { id?: string; invalid?: boolean; "aria-describedby"?: string; required?: boolean }) {
  const field = useContext(FieldContext);
  const invalid = props.invalid ?? field?.invalid ?? false;
  return {
    id: props.id ?? field?.id,
    invalid,
    ariaInvalid: invalid || undefined,
    ariaDescribedBy: joinIds(field?.describedBy, props["aria-describedby"]),
    ariaRequired: props.required || field?.required || undefined,
  };
}

export type TextInputProps = ComponentProps<"input"> & ControlExtras;

export function TextInput({ invalid: invalidProp, className = "", ...rest }: TextInputProps) {
  const c = useControlProps({ ...rest, invalid: invalidProp });
  return (
    <input
      type="text"
      {...rest}
      id={c.id}
      aria-invalid={c.ariaInvalid}
      aria-describedby={c.ariaDescribedBy}
      aria-required={c.ariaRequired}
      className={`${controlBase} ${controlState(c.invalid)} min-h-11 py-2.5 ${className}`}
    />
  );
}

export type TextAreaProps = ComponentProps<"textarea"> & ControlExtras;

export function TextArea({ invalid: invalidProp, className = "", rows = 4, ...rest }: TextAreaProps) {
  const c = useControlProps({ ...rest, invalid: invalidProp });
  return (
    <textarea
      rows={rows}
      {...rest}
      id={c.id}
      aria-invalid={c.ariaInvalid}
      aria-describedby={c.ariaDescribedBy}
      aria-required={c.ariaRequired}
      className={`${controlBase} ${controlState(c.invalid)} min-h-24 resize-y py-2.5 leading-normal ${className}`}
    />
  );
}

/**
 * The optional "reason" box of a cancel or decline dialog. Typing clears the error shown under it;
 * the 500-character limit is the one the server's schemas enforce.
 */
export function ReasonField({ id, label, hint, value, error, onChange }: { id: string; label: string; hint?: string; value: string; error: string | null; onChange: (value: string) => void }) {
  return (
    <Field id={id} label={label} optional error={error} hint={hint}>
      <TextArea name="reason" rows={3} maxLength={500} value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export type SelectProps = ComponentProps<"select"> & ControlExtras;

export function Select({ invalid: invalidProp, className = "", children, ...rest }: SelectProps) {
  const c = useControlProps({ ...rest, invalid: invalidProp });
  return (
    <div className="relative">
      <select
        {...rest}
        id={c.id}
        aria-invalid={c.ariaInvalid}
        aria-describedby={c.ariaDescribedBy}
        aria-required={c.ariaRequired}
        className={`${controlBase} ${controlState(c.invalid)} min-h-11 appearance-none py-2.5 pr-10 ${className}`}
      >
        {children}
      </select>
      <svg
        className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-ink-600"
        viewBox="0 0 20 20"
        fill="currentColor"
        aria-hidden="true"
        focusable="false"
      >
        <path
          fillRule="evenodd"
          d="M5.2 7.7a.9.9 0 0 1 1.3 0L10 11.2l3.5-3.5a.9.9 0 1 1 1.3 1.3l-4.2 4.1a.9.9 0 0 1-1.2 0L5.2 9a.9.9 0 0 1 0-1.3Z"
          clipRule="evenodd"
        />
      </svg>
    </div>
  );
}

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
};

export function Checkbox({ id, label, hint, error, className = "", "aria-describedby": extraDescribedBy, required, ...rest }: CheckboxProps) {
  return (
    <div className={`flex flex-col gap-1.5 ${error ? "border-l-4 border-red-700 pl-3" : ""} ${className}`}>
      {error ? <ErrorText id={id}>{error}</ErrorText> : null}
      <div className="flex items-start gap-3">
        {/* The 24px box sits in a 44px-tall row and its label is clickable too, so the target is generous. */}
        <span className="flex min-h-11 shrink-0 items-center">
          <input
            type="checkbox"
            {...rest}
            id={id}
            required={required}
            aria-invalid={error ? true : undefined}
            aria-describedby={joinIds(describedByFor(id, { hint, error }), extraDescribedBy)}
            className={`size-6 cursor-pointer rounded accent-brand-700 disabled:cursor-not-allowed`}
          />
        </span>
        <div className="flex min-w-0 flex-col gap-1 py-2.5">
          <label htmlFor={id} className="cursor-pointer leading-snug text-ink-900">
            {label}
          </label>
          {hint ? <Hint id={id}>{hint}</Hint> : null}
        </div>
      </div>
    </div>
  );
}

type FieldsetProps = {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

export function Fieldset({ id, legend, hint, error, required = false, className = "", children }: FieldsetProps) {
  return (
    <fieldset
      id={id}
      aria-describedby={describedByFor(id, { hint, error })}
      className={`min-w-0 ${error ? "border-l-4 border-red-700 pl-3" : ""} ${className}`}
    >
      <legend className="mb-1.5 font-semibold text-ink-900">
        {legend}
        <LabelSuffix required={required} />
      </legend>
      <div className="flex flex-col gap-1.5">
        {hint ? <Hint id={id}>{hint}</Hint> : null}
        {error ? <ErrorText id={id}>{error}</ErrorText> : null}
        {children}
      </div>
    </fieldset>
  );
}
