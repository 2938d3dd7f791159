"use client";

/**
 * Clinic settings in two forms, each saved on its own (PUT /api/staff/admin/settings takes any
 * subset): the clinic's details as patients see them, and the booking rules. The rules are stored
 * in minutes and days but edited in the units people think in (hours, weeks), converted here.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import type { ClinicSettingsDto } from "@/lib/admin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { fieldErrorsOf } from "./admin-shared";
import { failureMessage, staffRequest } from "./booking-api";
import { Toast, useToast } from "./staff-toast";

const WEEK_HOURS = 7 * 24;

/** Minutes as hours for the form: "12", "1.5"; never a long float. */
function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Hours typed by a person -> whole minutes within [min, max] hours, or an error to show. */
function parseHours(text: string, min: number, max: number): { minutes: number } | { error: string } {
  const value = Number(text.trim().replace(",", "."));
  if (!text.trim() || !Number.isFinite(value)) return { error: "Give a number of hours, for example 12 or 1.5." };
  if (value < min || value > max) return { error: `Give between ${min} and ${max} hours (${max / 24} days).` };
  return { minutes: Math.round(value * 60) };
}

type SaveResult = { ok: true } | { ok: false; fields: Record<string, string>; message: string };

async function put(body: Partial<ClinicSettingsDto>): Promise<SaveResult> {
  const result = await staffRequest<{ settings: ClinicSettingsDto }>("PUT", "/api/staff/admin/settings", body);
  if (result.kind === "ok") return { ok: true };
  return { ok: false, fields: fieldErrorsOf(result), message: failureMessage(result) };
}

function FormCard({ id, title, intro, error, busy, onSubmit, children }: { id: string; title: string; intro: ReactNode; error: string | null; busy: boolean; onSubmit: (event: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  return (
    <Card as="section" aria-labelledby={`${id}-title`} padding="lg">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {title}
      </h2>
      <p className="mt-1 text-ink-700">{intro}</p>
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="mt-5 flex flex-col gap-5">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {children}
        <div>
          <Button type="submit" loading={busy}>
            Save {title.toLowerCase()}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function DetailsForm({ settings, onSaved }: { settings: ClinicSettingsDto; onSaved: (text: string) => void }) {
  const router = useRouter();
  const [name, setName] = useState(settings.name);
  const [address, setAddress] = useState(settings.addressLines.join("\n"));
  const [phone, setPhone] = useState(settings.phone);
  const [email, setEmail] = useState(settings.email);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const addressLines = address.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    setBusy(true);
    setFormError(null);
    const result = await put({ name, addressLines, phone, email });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setAddress(addressLines.join("\n"));
      onSaved("Clinic details saved. The website and new emails use them straight away.");
      router.refresh();
      return;
    }
    // Address errors come per line ("addressLines.2"); the form has one box for all of them.
    const addressError = Object.entries(result.fields).find(([key]) => key.startsWith("addressLines"))?.[1];
    setErrors({ ...result.fields, ...(addressError ? { addressLines: addressError } : {}) });
    setFormError(result.message);
  }

  return (
    <FormCard id="details" title="Clinic details" intro="Shown in the website footer and in every email to patients." error={formError} busy={busy} onSubmit={submit}>
      <Field id="settings-name" label="Clinic name" error={errors.name} required>
        <TextInput value={name} onChange={(e) => setName(e.target.value)} autoComplete="organization" />
      </Field>
      <Field id="settings-address" label="Address" hint="One line per row, up to 6 lines, each up to 100 characters." error={errors.addressLines} required>
        <TextArea value={address} onChange={(e) => setAddress(e.target.value)} rows={5} autoComplete="street-address" />
      </Field>
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="settings-phone" label="Phone" hint="Patients call this to change a booking." error={errors.phone} required>
          <TextInput type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" />
        </Field>
        <Field id="settings-email" label="Email" hint="Patients’ replies go here." error={errors.email} required>
          <TextInput type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" spellCheck={false} />
        </Field>
      </div>
    </FormCard>
  );
}

type AdvanceUnit = "weeks" | "days";

function RulesForm({ settings, onSaved }: { settings: ClinicSettingsDto; onSaved: (text: string) => void }) {
  const router = useRouter();
  const [minNotice, setMinNotice] = useState(hoursText(settings.minNoticeMinutes));
  const initialUnit: AdvanceUnit = settings.maxAdvanceDays % 7 === 0 ? "weeks" : "days";
  const [advance, setAdvance] = useState(String(initialUnit === "weeks" ? settings.maxAdvanceDays / 7 : settings.maxAdvanceDays));
  const [advanceUnit, setAdvanceUnit] = useState<AdvanceUnit>(initialUnit);
  const [cutoff, setCutoff] = useState(hoursText(settings.patientChangeCutoffMinutes));
  const [reminder, setReminder] = useState(hoursText(settings.reminderLeadMinutes));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Checked here with messages in hours and weeks; the API's own limits are in minutes and days.
    const local: Record<string, string> = {};
    const notice = parseHours(minNotice, 0, WEEK_HOURS);
    const change = parseHours(cutoff, 0, WEEK_HOURS);
    const remind = parseHours(reminder, 1, WEEK_HOURS);
    const advanceNumber = Number(advance.trim());
    const advanceDays = advanceUnit === "weeks" ? advanceNumber * 7 : advanceNumber;
    if ("error" in notice) local.minNoticeMinutes = notice.error;
    if ("error" in change) local.patientChangeCutoffMinutes = change.error;
    if ("error" in remind) local.reminderLeadMinutes = remind.error;
    if (!advance.trim() || !Number.isInteger(advanceNumber) || advanceDays < 1 || advanceDays > 366) {
      local.maxAdvanceDays = advanceUnit === "weeks" ? "Give a whole number of weeks, 1 to 52." : "Give a whole number of days, 1 to 366.";
    }
    if (Object.keys(local).length > 0 || "error" in notice || "error" in change || "error" in remind) {
      setErrors(local);
      setFormError("Please check the highlighted fields.");
      return;
    }
    setBusy(true);
    setFormError(null);
    const result = await put({
      minNoticeMinutes: notice.minutes,
      maxAdvanceDays: advanceDays,
      patientChangeCutoffMinutes: change.minutes,
      reminderLeadMinutes: remind.minutes,
    });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      onSaved("Booking rules saved. They apply to the next booking or change.");
      router.refresh();
      return;
    }
    setErrors(result.fields);
    setFormError(result.message);
  }

  return (
    <FormCard
      id="rules"
      title="Booking rules"
      intro="What patients can do online. Staff bookings ignore the notice and how-far-ahead limits."
      error={formError}
      busy={busy}
      onSubmit={submit}
    >
      {/* One rule per row with short number boxes: the hints differ in length, and side by side
          the boxes would not line up. */}
      <div className="flex flex-col gap-5">
        <Field id="settings-min-notice" label="Minimum notice (hours)" hint="Patients cannot book online sooner than this before the start." error={errors.minNoticeMinutes} required>
          <TextInput type="number" inputMode="decimal" min={0} max={WEEK_HOURS} step="any" value={minNotice} className="max-w-40" onChange={(e) => setMinNotice(e.target.value)} />
        </Field>
        <Field id="settings-advance" label="How far ahead" hint="The furthest ahead patients can book online." error={errors.maxAdvanceDays} required>
          <div className="flex max-w-80 gap-2">
            <TextInput type="number" inputMode="numeric" min={1} step={1} value={advance} onChange={(e) => setAdvance(e.target.value)} className="min-w-0 flex-1" />
            <div className="w-32 shrink-0">
              <Select
                id="settings-advance-unit"
                aria-label="How far ahead: unit"
                value={advanceUnit}
                onChange={(e) => {
                  // Keep the same span when the unit changes: 8 weeks becomes 56 days, not 8 days.
                  const next = e.target.value as AdvanceUnit;
                  const n = Number(advance);
                  if (Number.isFinite(n) && advance.trim()) {
                    setAdvance(String(next === "days" ? n * 7 : Math.max(1, Math.round(n / 7))));
                  }
                  setAdvanceUnit(next);
                }}
              >
                <option value="weeks">weeks</option>
                <option value="days">days</option>
              </Select>
            </div>
          </div>
        </Field>
        <Field
          id="settings-cutoff"
          label="Patient change cut-off (hours)"
          hint="Patients can move or cancel online until this long before; after that they phone."
          error={errors.patientChangeCutoffMinutes}
          required
        >
          <TextInput type="number" inputMode="decimal" min={0} max={WEEK_HOURS} step="any" value={cutoff} className="max-w-40" onChange={(e) => setCutoff(e.target.value)} />
        </Field>
        <Field id="settings-reminder" label="Reminder lead time (hours)" hint="The reminder email goes this long before the appointment." error={errors.reminderLeadMinutes} required>
          <TextInput type="number" inputMode="decimal" min={1} max={WEEK_HOURS} step="any" value={reminder} className="max-w-40" onChange={(e) => setReminder(e.target.value)} />
        </Field>
      </div>
    </FormCard>
  );
}

export function AdminSettingsForm({ settings }: { settings: ClinicSettingsDto }) {
  const toast = useToast();
  return (
    <>
      <DetailsForm settings={settings} onSaved={toast.show} />
      <RulesForm settings={settings} onSaved={toast.show} />
      <Toast toast={toast.toast} dismiss={toast.dismiss} />
    </>
  );
}
