"use client";

/**
 * The Services page body: one form per service (name, description, length, "from" price in
 * pounds, bookable online, active) -> PATCH /api/staff/admin/services/{slug}. Prices are typed in
 * pounds, as everyone thinks of them, and sent in pence as the API stores them.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminServiceDto } from "@/lib/admin";
import { formatPounds } from "@/lib/time/london";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, TextArea, TextInput } from "@/components/ui/field";
import { fieldErrorsOf } from "./admin-shared";
import { failureMessage, staffRequest } from "./booking-api";
import { Toast, useToast } from "./staff-toast";

/** "£1,250.50", "1250.5", "99" -> pence; null when it is not an amount of money. */
function poundsToPence(input: string): number | null {
  const cleaned = input.trim().replace(/^£/, "").replaceAll(",", "").trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  // Whole pence via the string, not parseFloat(x) * 100, which turns 19.99 into 1998.9999...
  const [pounds = "0", fraction = ""] = cleaned.split(".");
  return Number(pounds) * 100 + Number(fraction.padEnd(2, "0"));
}

function penceToPounds(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

function ServiceForm({ service, onSaved }: { service: AdminServiceDto; onSaved: (text: string) => void }) {
  const router = useRouter();
  const id = `service-${service.slug}`;
  const [name, setName] = useState(service.name);
  const [description, setDescription] = useState(service.description);
  const [duration, setDuration] = useState(String(service.durationMinutes));
  const [price, setPrice] = useState(penceToPounds(service.priceFromPence));
  const [bookableOnline, setBookableOnline] = useState(service.bookableOnline);
  const [active, setActive] = useState(service.active);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const pence = poundsToPence(price);
    if (pence === null) local.priceFromPence = "Give the price in pounds, for example 250 or 99.50.";
    const minutes = Number(duration);
    if (!duration.trim() || !Number.isInteger(minutes)) local.durationMinutes = "Give the length in whole minutes.";
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFormError("Please check the highlighted fields.");
      return;
    }
    setBusy(true);
    setFormError(null);
    const result = await staffRequest<{ service: AdminServiceDto }>("PATCH", `/api/staff/admin/services/${encodeURIComponent(service.slug)}`, {
      name,
      description,
      durationMinutes: minutes,
      priceFromPence: pence,
      bookableOnline,
      active,
    });
    setBusy(false);
    if (result.kind === "ok") {
      setErrors({});
      onSaved(`Saved ${result.data.service.name}. Patients see the change straight away.`);
      router.refresh();
      return;
    }
    setErrors(fieldErrorsOf(result));
    setFormError(failureMessage(result));
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      className={`flex min-w-0 flex-col gap-4 rounded-(--radius-card) border border-sand-200 p-5 shadow-(--shadow-card) sm:p-6 ${service.active ? "bg-white" : "bg-sand-100"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {service.name}
        </h2>
        <p className="text-sm text-ink-600">
          {service.active ? (service.bookableOnline ? "Bookable online" : "Staff bookings only") : "Not offered"} · from{" "}
          {service.priceFromPence === 0 ? "free" : formatPounds(service.priceFromPence)} · {service.durationMinutes} min
        </p>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id={`${id}-name`} label="Name" error={errors.name} required>
        <TextInput value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <Field id={`${id}-description`} label="Description" hint="Shown to patients on the home page and when booking." error={errors.description} optional>
        <TextArea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={500} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-duration`} label="Length (minutes)" hint="5 to 240." error={errors.durationMinutes} required>
          <TextInput type="number" inputMode="numeric" min={5} max={240} step={5} value={duration} onChange={(e) => setDuration(e.target.value)} />
        </Field>
        <Field id={`${id}-price`} label="Price from (£)" hint="0 shows as “Free”." error={errors.priceFromPence} required>
          <TextInput inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} autoComplete="off" />
        </Field>
      </div>
      <div className="flex flex-col">
        <Checkbox
          id={`${id}-online`}
          label="Bookable online"
          hint="Off: only staff can book it, for example after a consultation."
          checked={bookableOnline}
          onChange={(e) => setBookableOnline(e.target.checked)}
          error={errors.bookableOnline}
        />
        <Checkbox
          id={`${id}-active`}
          label="Active"
          hint="Off: hidden from patients and from new staff bookings. Existing bookings stay."
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          error={errors.active}
        />
      </div>
      <div>
        <Button type="submit" loading={busy}>
          Save<span className="sr-only"> {service.name}</span>
        </Button>
      </div>
    </form>
  );
}

export function AdminServices({ services }: { services: AdminServiceDto[] }) {
  const toast = useToast();
  return (
    <>
      {services.length === 0 ? (
        <p className="rounded-(--radius-card) border border-sand-200 bg-white p-6 text-center">No services yet.</p>
      ) : (
        <ul className="grid gap-5 lg:grid-cols-2">
          {services.map((service) => (
            <li key={service.slug} className="min-w-0">
              <ServiceForm service={service} onSaved={toast.show} />
            </li>
          ))}
        </ul>
      )}
      <Toast toast={toast.toast} dismiss={toast.dismiss} />
    </>
  );
}
