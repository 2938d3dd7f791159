"use client";

/**
 * Date overrides: one day with other hours than the usual week, or not working at all. The list
 * follows each API answer at once (it returns the whole schedule) and the page refreshes so the
 * "outside working hours" warning is re-read too.
 */
import { useState, type FormEvent } from "react";
import type { ScheduleDto } from "@/lib/schedule";
import { formatLondonLongDate } from "@/lib/time/london";
import { londonDateSchema } from "@/lib/validation/booking";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Fieldset, TextInput } from "@/components/ui/field";
import { RadioCards } from "@/components/booking/radio-cards";
import { failureMessage, staffRequest } from "./booking-api";
import { RemovableList } from "./removable-list";
import { useScheduleStatus } from "./schedule-status";
import { TIME_STEP_SECONDS, rangeText, timeProblem, timeToMinutes } from "./schedule-time";

type Override = ScheduleDto["overrides"][number];
type FormErrors = Partial<Record<"date" | "start" | "end", string>>;

function describe(override: Override): string {
  return override.startMinute === null || override.endMinute === null ? "Not working" : `Working ${rangeText(override.startMinute, override.endMinute)}`;
}

export function ScheduleOverrides({ slug, overrides, today }: { slug: string; overrides: Override[]; today: string }) {
  const [items, setItems] = useState<Override[]>(overrides);
  const [date, setDate] = useState("");
  const [kind, setKind] = useState<"hours" | "off">("hours");
  const [start, setStart] = useState("09:00");
  const [end, setEnd] = useState("17:00");
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const { statusBox, showStatus, showSaved, clearStatus } = useScheduleStatus();

  const base = `/api/staff/schedule/${encodeURIComponent(slug)}/overrides`;
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));

  function afterSave(schedule: ScheduleDto, title: string) {
    setItems(schedule.overrides);
    showSaved(schedule, title);
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
    clearStatus();
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

  async function remove(removing: Override) {
    const result = await staffRequest<{ schedule: ScheduleDto }>("DELETE", `${base}/${encodeURIComponent(removing.id)}`);
    if (result.kind === "ok") {
      afterSave(result.data.schedule, `Override removed for ${formatLondonLongDate(removing.date)}`);
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

      {statusBox}

      <RemovableList
        items={sorted}
        label="Date overrides"
        emptyText="No date overrides."
        title={(item) => formatLondonLongDate(item.date)}
        detail={describe}
        removeLabel={(item) => `the override for ${formatLondonLongDate(item.date)}`}
        confirmTitle="Remove this override?"
        confirmDescription={(item) => `${formatLondonLongDate(item.date)}: ${describe(item)}. The usual weekly hours apply again that day.`}
        onRemove={remove}
      />

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
            <RadioCards
              name="override-kind"
              options={[
                { value: "hours", label: "Works these hours" },
                { value: "off", label: "Not working" },
              ]}
              value={kind}
              onChange={setKind}
            />
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

    </Card>
  );
}
