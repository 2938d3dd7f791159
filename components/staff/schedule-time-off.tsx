"use client";

/**
 * Time off: holidays, training, a dentist's appointment. Entered as London dates and wall times and
 * sent as UTC instants made with londonWallTimeToInstant, so a clock change inside the period
 * cannot shift it. "Whole days" (the usual case) runs from the first day's midnight to the
 * midnight after the last day.
 */
import { useState, type FormEvent } from "react";
import type { ScheduleDto } from "@/lib/schedule";
import {
  addLondonDays,
  formatLondonDateTime,
  formatLondonDateTimeWithZone,
  formatLondonTime,
  londonDateOf,
  londonWallTimeToInstant,
  londonZoneLabel,
} from "@/lib/time/london";
import { londonDateSchema } from "@/lib/validation/booking";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, Field, TextInput } from "@/components/ui/field";
import { failureMessage, staffRequest } from "./booking-api";
import { RemovableList } from "./removable-list";
import { useScheduleStatus } from "./schedule-status";
import { TIME_STEP_SECONDS, timeProblem, timeToMinutes } from "./schedule-time";

type TimeOff = ScheduleDto["timeOff"][number];
type FieldName = "startDate" | "startTime" | "endDate" | "endTime" | "reason";
type FormErrors = Partial<Record<FieldName, string>>;

const FIELD_ORDER: FieldName[] = ["startDate", "startTime", "endDate", "endTime", "reason"];
const MAX_REASON = 200;

/** "Tue 3 Mar 2026" from the sanctioned "Tue 3 Mar 2026, 14:30". */
function shortDate(instant: number): string {
  return formatLondonDateTime(instant).split(",")[0] ?? "";
}

/** Whole London days read as dates; anything else as exact times with GMT/BST. */
export function describeTimeOff(item: { start: string; end: string }): string {
  const start = Date.parse(item.start);
  const end = Date.parse(item.end);
  if (formatLondonTime(start) === "00:00" && formatLondonTime(end) === "00:00") {
    const first = londonDateOf(start);
    const last = addLondonDays(londonDateOf(end), -1);
    const firstText = shortDate(start);
    const lastText = shortDate(londonWallTimeToInstant(last, 12 * 60).getTime());
    return first === last ? `${firstText} (all day)` : `${firstText} to ${lastText} (whole days)`;
  }
  // Part of one day: "Thu 10 Dec 2026, 14:00 to 16:30 GMT".
  if (londonDateOf(start) === londonDateOf(end) && londonZoneLabel(start) === londonZoneLabel(end)) {
    return `${formatLondonDateTime(start)} to ${formatLondonTime(end)} ${londonZoneLabel(end)}`;
  }
  return `${formatLondonDateTimeWithZone(start)} to ${formatLondonDateTimeWithZone(end)}`;
}

export function ScheduleTimeOff({ slug, timeOff, today }: { slug: string; timeOff: TimeOff[]; today: string }) {
  const [items, setItems] = useState<TimeOff[]>(timeOff);
  const [wholeDays, setWholeDays] = useState(true);
  const [startDate, setStartDate] = useState("");
  const [startTime, setStartTime] = useState("09:00");
  const [endDate, setEndDate] = useState("");
  const [endTime, setEndTime] = useState("17:00");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const { statusBox, showStatus, showSaved, clearStatus } = useScheduleStatus();

  const base = `/api/staff/schedule/${encodeURIComponent(slug)}/time-off`;
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

  function afterSave(schedule: ScheduleDto, title: string) {
    setItems(schedule.timeOff);
    showSaved(schedule, title);
  }

  function clearError(field: FieldName) {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  /** The period as instants, or the problems to show beside the fields. */
  function read(): { errors: FormErrors; start?: Date; end?: Date } {
    const found: FormErrors = {};
    const dateProblem = (value: string) =>
      !value ? "Choose a date." : londonDateSchema.safeParse(value).success ? null : "Enter a real date.";
    const sd = dateProblem(startDate);
    const ed = dateProblem(endDate || startDate);
    if (sd) found.startDate = sd;
    else if (startDate < today) found.startDate = "Choose today or a later date.";
    if (ed && endDate) found.endDate = ed;
    if (!wholeDays) {
      const st = timeProblem(startTime);
      const et = timeProblem(endTime);
      if (st) found.startTime = st;
      if (et) found.endTime = et;
    }
    if (reason.trim().length > MAX_REASON) found.reason = `Please keep the reason under ${MAX_REASON} characters.`;
    if (Object.keys(found).length > 0) return { errors: found };

    // An empty end date means the time off is on the start date only.
    const lastDate = endDate || startDate;
    const start = wholeDays ? londonWallTimeToInstant(startDate, 0) : londonWallTimeToInstant(startDate, timeToMinutes(startTime) ?? 0);
    const end = wholeDays ? londonWallTimeToInstant(addLondonDays(lastDate, 1), 0) : londonWallTimeToInstant(lastDate, timeToMinutes(endTime) ?? 0);
    if (end.getTime() <= start.getTime()) {
      return { errors: wholeDays || lastDate !== startDate ? { endDate: "The end must be after the start." } : { endTime: "The end must be after the start." } };
    }
    return { errors: {}, start, end };
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    clearStatus();
    const period = read();
    setErrors(period.errors);
    const first = FIELD_ORDER.find((field) => period.errors[field]);
    if (first || !period.start || !period.end) {
      if (first) document.getElementById(`time-off-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await staffRequest<{ schedule: ScheduleDto }>("POST", base, {
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      reason: reason.trim() || undefined,
    });
    setBusy(false);
    if (result.kind === "ok") {
      afterSave(result.data.schedule, `Time off added: ${describeTimeOff({ start: period.start.toISOString(), end: period.end.toISOString() })}`);
      setStartDate("");
      setEndDate("");
      setReason("");
      return;
    }
    if (result.kind === "error" && result.error.fields) {
      const f = result.error.fields;
      const mapped: FormErrors = { startDate: f.start, endDate: f.end, reason: f.reason };
      if (mapped.startDate || mapped.endDate || mapped.reason) {
        setErrors(mapped);
        return;
      }
    }
    showStatus({ tone: "error", title: "The time off was not added", text: failureMessage(result) });
  }

  async function remove(removing: TimeOff) {
    const result = await staffRequest<{ schedule: ScheduleDto }>("DELETE", `${base}/${encodeURIComponent(removing.id)}`);
    if (result.kind === "ok") {
      afterSave(result.data.schedule, `Time off removed: ${describeTimeOff(removing)}`);
      return;
    }
    showStatus({ tone: "error", title: "The time off was not removed", text: failureMessage(result) });
  }

  return (
    <Card as="section" aria-labelledby="time-off-heading">
      <h2 id="time-off-heading" className="text-xl font-bold">
        Time off
      </h2>
      <p className="mt-1 text-ink-700">Holidays and other time away. Patients cannot book during it.</p>

      {statusBox}

      <RemovableList
        items={sorted}
        label="Upcoming time off"
        emptyText="No upcoming time off."
        title={describeTimeOff}
        detail={(item) => item.reason}
        removeLabel={(item) => `time off ${describeTimeOff(item)}`}
        confirmTitle="Remove this time off?"
        confirmDescription={(item) => `${describeTimeOff(item)}${item.reason ? ` (${item.reason})` : ""}. Patients will be able to book in this time again.`}
        onRemove={remove}
      />

      <form onSubmit={add} noValidate className="mt-4 flex flex-col gap-4 rounded-xl bg-sand-100 p-3 sm:p-4">
        <h3 className="text-lg font-semibold">Add time off</h3>
        <Checkbox
          id="time-off-whole-days"
          name="wholeDays"
          checked={wholeDays}
          onChange={(event) => setWholeDays(event.target.checked)}
          label="Whole days"
          hint={
            wholeDays
              ? "From the start of the first day to the end of the last day. Leave the last day empty for a single day. Untick for part of a day."
              : "Leave the end date empty if it ends on the start date."
          }
        />
        {/* Whole days: first and last day side by side. With times: each date beside its time. */}
        <div className="grid items-end gap-3 min-[420px]:grid-cols-2">
          <Field id="time-off-startDate" label={wholeDays ? "First day" : "Start date"} error={errors.startDate}>
            <TextInput
              type="date"
              name="startDate"
              min={today}
              value={startDate}
              onChange={(event) => {
                setStartDate(event.target.value);
                clearError("startDate");
              }}
            />
          </Field>
          {wholeDays ? null : (
            <Field id="time-off-startTime" label="Start time" error={errors.startTime}>
              <TextInput
                type="time"
                step={TIME_STEP_SECONDS}
                value={startTime}
                onChange={(event) => {
                  setStartTime(event.target.value);
                  clearError("startTime");
                }}
              />
            </Field>
          )}
          <Field id="time-off-endDate" label={wholeDays ? "Last day" : "End date"} optional error={errors.endDate}>
            <TextInput
              type="date"
              name="endDate"
              min={startDate || today}
              value={endDate}
              onChange={(event) => {
                setEndDate(event.target.value);
                clearError("endDate");
              }}
            />
          </Field>
          {wholeDays ? null : (
            <Field id="time-off-endTime" label="End time" error={errors.endTime}>
              <TextInput
                type="time"
                step={TIME_STEP_SECONDS}
                value={endTime}
                onChange={(event) => {
                  setEndTime(event.target.value);
                  clearError("endTime");
                }}
              />
            </Field>
          )}
        </div>
        <Field id="time-off-reason" label="Reason" optional hint="Only staff see this." error={errors.reason} className="max-w-md">
          <TextInput
            name="reason"
            maxLength={MAX_REASON}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              clearError("reason");
            }}
          />
        </Field>
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            Add time off
          </Button>
        </div>
      </form>

    </Card>
  );
}
