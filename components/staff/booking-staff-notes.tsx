"use client";

/**
 * Private notes on a booking that only staff see (never the patient). Saving posts the whole text;
 * the page refreshes so the History shows the change. Typed text stays if saving fails.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { failureMessage, staffRequest } from "./booking-api";

/** The API refuses longer notes (lib/validation/staff). */
const MAX_LENGTH = 5000;

export function BookingStaffNotes({ bookingId, staffNotes }: { bookingId: string; staffNotes: string | null }) {
  const router = useRouter();
  const [saved, setSaved] = useState(staffNotes ?? "");
  const [text, setText] = useState(staffNotes ?? "");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const dirty = text !== saved;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    setFieldError(null);
    if (text.length > MAX_LENGTH) {
      setFieldError(`Please keep the notes under ${MAX_LENGTH.toLocaleString("en-GB")} characters.`);
      return;
    }
    setBusy(true);
    const result = await staffRequest<{ booking: StaffBookingDto }>("POST", `/api/staff/bookings/${encodeURIComponent(bookingId)}/notes`, {
      staffNotes: text,
    });
    setBusy(false);
    if (result.kind === "ok") {
      const stored = result.data.booking.staffNotes ?? "";
      setSaved(stored);
      setText(stored);
      setStatus({ tone: "success", text: "Notes saved." });
      router.refresh();
      return;
    }
    if (result.kind === "error" && result.error.fields?.staffNotes) {
      setFieldError(result.error.fields.staffNotes);
      return;
    }
    setStatus({ tone: "error", text: failureMessage(result) });
  }

  return (
    <Card as="section" aria-labelledby="staff-notes-heading">
      <h2 id="staff-notes-heading" className="text-lg font-bold">
        Staff notes
      </h2>
      <form onSubmit={save} className="mt-3 flex flex-col gap-3" noValidate>
        <Field id="staff-notes" label="Private staff notes" hint="Only staff see these. The patient never does." error={fieldError}>
          <TextArea
            name="staffNotes"
            rows={4}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (status?.tone === "success") setStatus(null);
            }}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" loading={busy}>
            Save notes
          </Button>
          <p aria-live="polite" className="text-sm text-ink-600">
            {dirty && !busy ? "You have unsaved changes." : null}
          </p>
        </div>
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      </form>
    </Card>
  );
}
