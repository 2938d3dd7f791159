"use client";

/**
 * Date overrides: one day with other hours than the usual week, or not working at all. The list
 * follows each API answer at once (it returns the whole schedule) and the page refreshes so the
 * "outside working hours" warning is re-read too.
 */
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { ScheduleDto } from "@/lib/schedule";
import { formatLondonLongDate } from "@/lib/time/london";
import { londonDateSchema } from "@/lib/validation/booking";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, Fieldset, TextInput } from "@/components/ui/field";
import { failureMessage, staffRequest } from "./booking-api";
import { TIME_STEP_SECONDS, rangeText, timeProblem, timeToMinutes } from "./schedule-time";

type Override = ScheduleDto["overrides"][number];
type Status = { tone: "success" | "warning" | "error"; title: string; text?: string };
type FormErrors = Partial<Record<"date" | "start" | "end", string>>;

function describe(override: Override): string {
  return override.startMinute === null || override.endMinute === null ? "Not working" : `Working ${rangeText(override.startMinute, override.endMinute)}`;
}

export function ScheduleOverrides({ slug, overrides, today }: { slug: string; overrides: Override[]; today: string }) {
  const router = useRouter();
  const [items, setItems] = useState<Override[]>(overrides);
  const [date, setDate] = useState("");
  const [kind, setKind] = useState<"hours" | "off">("hours");
  const [start, setStart] = useState("09:00");
  const [end, setEnd] = useState("17:00");
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [removing, setRemoving] = useState<Override | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const base = `/api/staff/schedule/${encodeURIComponent(slug)}/overrides`;
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));

  function showStatus(next: Status) {
    setStatus(next);
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  function afterSave(schedule: ScheduleDto, title: string) {
    setItems(schedule.overrides);
    const outside = schedule.outsideHours.length;
    showStatus(
      outside > 0
        ? { tone: "warning", title, text: `${outside === 1 ? "1 booking is" : `${outside} bookings are`} outside working hours: see the list at the top of the page.` }
        : { tone: "success", title },
    );
    router.refresh();
  }

  function validate(): FormErrors {
    const found: FormErrors = {};
    if (!date) found.date = "Choose a date.";
    else if (!londonDateSchema.safeParse(date).success) found.date = "Enter a real date.";
    else if (date < today) found.date = "Choose today or a later date.";
    if (kind === "hours") {
      const startProblem = timeProblem(start);
      const endProblem = timeProblem(end);
      if (startProblem) found.start = startProblem;
      if (endProblem) found.end = endProblem;
      if (!startProblem && !endProblem && (timeToMinutes(end) ?? 0) <= (timeToMinutes(start) ?? 0)) found.end = "The end must be after the start.";
    }
    return found;
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const found = validate();
    setErrors(found);
    const first = (["date", "start", "end"] as const).find((key) => found[key]);
    if (first) {
      document.getElementById(`override-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await staffRequest<{ schedule: ScheduleDto }>("POST", base, {
      date,
      startMinute: kind === "hours" ? timeToMinutes(start) : null,
      endMinute: kind === "hours" ? timeToMinutes(end) : null,
    });
    setBusy(false);
    if (result.kind === "ok") {
      afterSave(result.data.schedule, `Override added for ${formatLondonLongDate(date)}`);
      setDate("");
      return;
    }
    if (result.kind === "error" && result.error.fields) {
      const f = result.error.fields;
      const mapped: FormErrors = { date: f.date, start: f.startMinute, end: f.endMinute };
      if (mapped.date || mapped.start || mapped.end) {
        setErrors(mapped);
        return;
      }
    }
    showStatus({ tone: "error", title: "The override was not added", text: failureMessage(result) });
  }

  async function remove() {
    if (!removing) return;
    setRemoveBusy(true);
    const result = await staffRequest<{ schedule: ScheduleDto }>("DELETE", `${base}/${encodeURIComponent(removing.id)}`);
    setRemoveBusy(false);
    const removedDate = removing.date;
    setRemoving(null);
    if (result.kind === "ok") {
      afterSave(result.data.schedule, `Override removed for ${formatLondonLongDate(removedDate)}`);
      return;
    }
    showStatus({ tone: "error", title: "The override was not removed", text: failureMessage(result) });
  }

  return (
    <Card as="section" aria-labelledby="overrides-heading">
      <h2 id="overrides-heading" className="text-xl font-bold">
        Date overrides
      </h2>
      <p className="mt-1 text-ink-700">One day with different hours from the usual week, or a day not working.</p>

      {status ? (
        <div ref={statusRef} tabIndex={-1} className="mt-4 rounded-xl">
          <Alert tone={status.tone} title={status.title}>
            {status.text}
          </Alert>
        </div>
      ) : null}

      {sorted.length === 0 ? (
        <p className="mt-4 text-ink-600">No date overrides.</p>
      ) : (
        <ul className="mt-4 flex flex-col" aria-label="Date overrides">
          {sorted.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-t border-sand-200 py-2 first:border-t-0">
              <p>
                <span className="font-semibold">{formatLondonLongDate(item.date)}</span>
                <span className="text-ink-700">: {describe(item)}</span>
              </p>
              <Button type="button" variant="ghost" className="text-red-800! hover:bg-red-50!" onClick={() => setRemoving(item)}>
                Remove<span className="sr-only"> the override for {formatLondonLongDate(item.date)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={add} noValidate className="mt-4 flex flex-col gap-4 rounded-xl bg-sand-100 p-3 sm:p-4">
        <h3 className="text-lg font-semibold">Add an override</h3>
        <Field id="override-date" label="Date" error={errors.date} className="max-w-xs">
          <TextInput
            type="date"
            name="date"
            min={today}
            value={date}
            onChange={(event) => {
              setDate(event.target.value);
              if (errors.date) setErrors((e) => ({ ...e, date: undefined }));
            }}
          />
        </Field>
        <Fieldset id="override-kind" legend="On that day">
          <div className="flex flex-wrap gap-2">
            {(
              [
                ["hours", "Works these hours"],
                ["off", "Not working"],
              ] as const
            ).map(([value, label]) => (
              <label
                key={value}
                className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border bg-white px-4 py-2 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-(--focus-ring) ${
                  kind === value ? "border-brand-700 ring-2 ring-brand-700" : "border-sand-300 hover:border-brand-400"
                }`}
              >
                <input
                  type="radio"
                  name="override-kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                  className="size-5 accent-brand-700 focus-visible:outline-none"
                />
                <span className="font-semibold">{label}</span>
              </label>
            ))}
          </div>
        </Fieldset>
        {kind === "hours" ? (
          <div className="grid max-w-sm grid-cols-2 items-end gap-3">
            <Field id="override-start" label="Start" error={errors.start}>
              <TextInput type="time" step={TIME_STEP_SECONDS} value={start} onChange={(event) => setStart(event.target.value)} />
            </Field>
            <Field id="override-end" label="End" error={errors.end}>
              <TextInput type="time" step={TIME_STEP_SECONDS} value={end} onChange={(event) => setEnd(event.target.value)} />
            </Field>
          </div>
        ) : null}
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            Add override
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={removing !== null}
        title="Remove this override?"
        description={removing ? `${formatLondonLongDate(removing.date)}: ${describe(removing)}. The usual weekly hours apply again that day.` : undefined}
        confirmLabel="Yes, remove it"
        cancelLabel="Keep it"
        tone="danger"
        busy={removeBusy}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
    </Card>
  );
}
