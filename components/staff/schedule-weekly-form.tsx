"use client";

/**
 * Weekly working hours, Monday to Sunday: whether the practitioner works that day, the start and
 * end (London wall time, quarter hours) and any breaks. Checked here first so mistakes show beside
 * the right field; the API checks again. Saving replaces the whole week.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ScheduleDto } from "@/lib/schedule";
import { Alert } from "@/components/ui/alert";
import { useFocusedNotice } from "@/components/ui/use-focused-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, Field, TextInput } from "@/components/ui/field";
import { failureMessage, staffRequest } from "./booking-api";
import { TIME_STEP_SECONDS, WEEKDAYS, minutesToTime, rangeText, timeProblem, timeToMinutes } from "./schedule-time";

type WeeklyEntry = ScheduleDto["weekly"][number];
type BreakRow = { key: number; start: string; end: string };
type DayRow = { weekday: number; works: boolean; start: string; end: string; breaks: BreakRow[] };
type Errors = Record<string, string>;

const DEFAULT_START = "09:00";
const DEFAULT_END = "17:00";
/** The API accepts at most six breaks a day (lib/validation/schedule). */
const MAX_BREAKS = 6;

function rowsFrom(weekly: WeeklyEntry[]): DayRow[] {
  return WEEKDAYS.map(({ weekday }) => {
    const entry = weekly.find((w) => w.weekday === weekday);
    if (!entry) return { weekday, works: false, start: DEFAULT_START, end: DEFAULT_END, breaks: [] };
    return {
      weekday,
      works: true,
      start: minutesToTime(entry.startMinute),
      end: minutesToTime(entry.endMinute),
      breaks: [...entry.breaks]
        .sort((a, b) => a.startMinute - b.startMinute)
        // Keys come from the position so the server and the browser render the same input ids.
        .map((b, index) => ({ key: index + 1, start: minutesToTime(b.startMinute), end: minutesToTime(b.endMinute) })),
    };
  });
}

const ids = {
  works: (weekday: number) => `weekly-${weekday}-works`,
  start: (weekday: number) => `weekly-${weekday}-start`,
  end: (weekday: number) => `weekly-${weekday}-end`,
  breakStart: (weekday: number, key: number) => `weekly-${weekday}-break-${key}-start`,
  breakEnd: (weekday: number, key: number) => `weekly-${weekday}-break-${key}-end`,
  addBreak: (weekday: number) => `weekly-${weekday}-add-break`,
};

/** Every problem keyed by the id of the input it belongs to, in the order the inputs appear. */
function validate(rows: DayRow[]): Errors {
  const errors: Errors = {};
  for (const row of rows) {
    if (!row.works) continue;
    const startProblem = timeProblem(row.start);
    const endProblem = timeProblem(row.end);
    if (startProblem) errors[ids.start(row.weekday)] = startProblem;
    if (endProblem) errors[ids.end(row.weekday)] = endProblem;
    const start = timeToMinutes(row.start);
    const end = timeToMinutes(row.end);
    const hoursOk = !startProblem && !endProblem && start !== null && end !== null && start < end;
    if (!startProblem && !endProblem && !hoursOk) errors[ids.end(row.weekday)] = "The end must be after the start.";

    let previousEnd: number | null = null;
    const ordered = [...row.breaks].sort((a, b) => (timeToMinutes(a.start) ?? 0) - (timeToMinutes(b.start) ?? 0));
    for (const item of ordered) {
      const startId = ids.breakStart(row.weekday, item.key);
      const endId = ids.breakEnd(row.weekday, item.key);
      const bStartProblem = timeProblem(item.start);
      const bEndProblem = timeProblem(item.end);
      if (bStartProblem) errors[startId] = bStartProblem;
      if (bEndProblem) errors[endId] = bEndProblem;
      if (bStartProblem || bEndProblem) continue;
      const bStart = timeToMinutes(item.start) ?? 0;
      const bEnd = timeToMinutes(item.end) ?? 0;
      if (bEnd <= bStart) errors[endId] = "The break must end after it starts.";
      else if (hoursOk && start !== null && end !== null && (bStart < start || bEnd > end))
        errors[startId] = `The break must be within the working hours, ${rangeText(start, end)}.`;
      else if (previousEnd !== null && bStart < previousEnd) errors[startId] = "This break overlaps another break.";
      previousEnd = Math.max(previousEnd ?? 0, bEnd);
    }
  }
  return errors;
}

function toPayload(rows: DayRow[]): WeeklyEntry[] {
  return rows
    .filter((row) => row.works)
    .map((row) => ({
      weekday: row.weekday,
      startMinute: timeToMinutes(row.start) ?? 0,
      endMinute: timeToMinutes(row.end) ?? 0,
      breaks: row.breaks
        .map((b) => ({ startMinute: timeToMinutes(b.start) ?? 0, endMinute: timeToMinutes(b.end) ?? 0 }))
        .sort((a, b) => a.startMinute - b.startMinute),
    }));
}

/** A new break: lunch for the first one, otherwise an hour after the last break ends. */
function newBreak(row: DayRow): BreakRow {
  const key = Math.max(0, ...row.breaks.map((b) => b.key)) + 1;
  const last = row.breaks.at(-1);
  const lastEnd = last ? timeToMinutes(last.end) : null;
  if (lastEnd === null) return { key, start: "12:30", end: "13:00" };
  const start = Math.min(lastEnd + 60, 23 * 60);
  return { key, start: minutesToTime(start), end: minutesToTime(start + 15) };
}

type SaveResult = { schedule: ScheduleDto };

export function ScheduleWeeklyForm({ slug, weekly }: { slug: string; weekly: WeeklyEntry[] }) {
  const router = useRouter();
  const [rows, setRows] = useState<DayRow[]>(() => rowsFrom(weekly));
  const [savedPayload, setSavedPayload] = useState(() => JSON.stringify(toPayload(rowsFrom(weekly))));
  const [errors, setErrors] = useState<Errors>({});
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const { notice: status, ref: statusRef, announce: showStatus, clear: clearStatus } = useFocusedNotice<{ tone: "success" | "warning" | "error"; title: string; text?: string }>();

  const dirty = JSON.stringify(toPayload(rows)) !== savedPayload;
  const problemCount = Object.keys(errors).length;

  function change(weekday: number, update: (row: DayRow) => DayRow) {
    const next = rows.map((row) => (row.weekday === weekday ? update(row) : row));
    setRows(next);
    clearStatus();
    // After a failed save, re-check as people type so messages go away once fixed.
    if (checked) setErrors(validate(next));
  }

  function focusLater(id: string) {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = validate(rows);
    setErrors(found);
    setChecked(true);
    const firstId = Object.keys(found)[0];
    if (firstId) {
      clearStatus();
      const element = document.getElementById(firstId);
      element?.focus({ preventScroll: true });
      element?.scrollIntoView({ block: "center" });
      return;
    }
    setBusy(true);
    const payload = toPayload(rows);
    const result = await staffRequest<SaveResult>("PUT", `/api/staff/schedule/${encodeURIComponent(slug)}/weekly`, { weekly: payload });
    setBusy(false);
    if (result.kind === "ok") {
      const saved = result.data.schedule.weekly;
      setRows(rowsFrom(saved));
      setSavedPayload(JSON.stringify(toPayload(rowsFrom(saved))));
      setErrors({});
      setChecked(false);
      const outside = result.data.schedule.outsideHours.length;
      showStatus(
        outside > 0
          ? {
              tone: "warning",
              title: "Weekly hours saved",
              text: `${outside === 1 ? "1 booking is" : `${outside} bookings are`} now outside working hours: see the list at the top of the page.`,
            }
          : { tone: "success", title: "Weekly hours saved" },
      );
      router.refresh();
      return;
    }
    const fieldMessages = result.kind === "error" && result.error.fields ? Object.values(result.error.fields) : [];
    showStatus({
      tone: "error",
      title: "The weekly hours were not saved",
      text: [failureMessage(result), ...fieldMessages].filter((m, i, all) => all.indexOf(m) === i).join(" "),
    });
  }

  return (
    <Card as="section" aria-labelledby="weekly-heading">
      <h2 id="weekly-heading" className="text-xl font-bold">
        Weekly hours
      </h2>
      <p className="mt-1 text-ink-700">The usual working week, in UK time. Patients can only book inside these hours, outside the breaks.</p>

      <form onSubmit={save} noValidate className="mt-4">
        {checked && problemCount > 0 ? (
          <Alert tone="error" title="The weekly hours were not saved" className="mb-4">
            Please correct {problemCount === 1 ? "the problem" : `the ${problemCount} problems`} marked below.
          </Alert>
        ) : null}

        <ul className="flex flex-col">
          {rows.map((row) => {
            const day = WEEKDAYS.find((d) => d.weekday === row.weekday)?.name ?? String(row.weekday);
            return (
              <li key={row.weekday} className="grid gap-2 border-t border-sand-200 py-4 md:grid-cols-[11rem_1fr] md:gap-4">
                <Checkbox
                  id={ids.works(row.weekday)}
                  name={`works-${row.weekday}`}
                  checked={row.works}
                  onChange={(event) => {
                    const works = event.target.checked;
                    change(row.weekday, (r) => ({ ...r, works }));
                  }}
                  label={
                    <>
                      <span className="sr-only">Works on </span>
                      <span className="font-semibold">{day}</span>
                    </>
                  }
                />
                {row.works ? (
                  <div className="flex min-w-0 flex-col gap-3">
                    <div className="grid max-w-sm grid-cols-2 items-end gap-3">
                      <Field
                        id={ids.start(row.weekday)}
                        label={
                          <>
                            <span className="sr-only">{day} </span>Start
                          </>
                        }
                        error={errors[ids.start(row.weekday)]}
                      >
                        <TextInput
                          type="time"
                          step={TIME_STEP_SECONDS}
                          value={row.start}
                          onChange={(event) => {
                            const value = event.target.value;
                            change(row.weekday, (r) => ({ ...r, start: value }));
                          }}
                        />
                      </Field>
                      <Field
                        id={ids.end(row.weekday)}
                        label={
                          <>
                            <span className="sr-only">{day} </span>End
                          </>
                        }
                        error={errors[ids.end(row.weekday)]}
                      >
                        <TextInput
                          type="time"
                          step={TIME_STEP_SECONDS}
                          value={row.end}
                          onChange={(event) => {
                            const value = event.target.value;
                            change(row.weekday, (r) => ({ ...r, end: value }));
                          }}
                        />
                      </Field>
                    </div>

                    {row.breaks.length > 0 ? (
                      <ul className="flex flex-col gap-3" aria-label={`${day} breaks`}>
                        {row.breaks.map((item, index) => (
                          <li key={item.key} className="flex flex-wrap items-end gap-3 rounded-xl bg-sand-100 p-2 sm:p-3">
                            <div className="grid max-w-sm min-w-0 flex-1 basis-56 grid-cols-2 items-end gap-3">
                              <Field
                                id={ids.breakStart(row.weekday, item.key)}
                                label={
                                  <>
                                    <span className="sr-only">{day} </span>Break {index + 1} from
                                  </>
                                }
                                error={errors[ids.breakStart(row.weekday, item.key)]}
                              >
                                <TextInput
                                  type="time"
                                  step={TIME_STEP_SECONDS}
                                  value={item.start}
                                  onChange={(event) => {
                                    const value = event.target.value;
                                    change(row.weekday, (r) => ({
                                      ...r,
                                      breaks: r.breaks.map((b) => (b.key === item.key ? { ...b, start: value } : b)),
                                    }));
                                  }}
                                />
                              </Field>
                              <Field
                                id={ids.breakEnd(row.weekday, item.key)}
                                label={
                                  <>
                                    <span className="sr-only">{day} break {index + 1} </span>to
                                  </>
                                }
                                error={errors[ids.breakEnd(row.weekday, item.key)]}
                              >
                                <TextInput
                                  type="time"
                                  step={TIME_STEP_SECONDS}
                                  value={item.end}
                                  onChange={(event) => {
                                    const value = event.target.value;
                                    change(row.weekday, (r) => ({
                                      ...r,
                                      breaks: r.breaks.map((b) => (b.key === item.key ? { ...b, end: value } : b)),
                                    }));
                                  }}
                                />
                              </Field>
                            </div>
                            <Button
                              type="button"
                              variant="ghost"
                              className="text-red-800! hover:bg-red-50!"
                              onClick={() => {
                                change(row.weekday, (r) => ({ ...r, breaks: r.breaks.filter((b) => b.key !== item.key) }));
                                focusLater(ids.addBreak(row.weekday));
                              }}
                            >
                              Remove<span className="sr-only"> {day} break {index + 1}</span>
                            </Button>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {row.breaks.length < MAX_BREAKS ? (
                    <div>
                      <Button
                        id={ids.addBreak(row.weekday)}
                        type="button"
                        variant="ghost"
                        className="px-3!"
                        onClick={() => {
                          const added = newBreak(row);
                          change(row.weekday, (r) => ({ ...r, breaks: [...r.breaks, added] }));
                          focusLater(ids.breakStart(row.weekday, added.key));
                        }}
                      >
                        <span aria-hidden="true">+</span> Add a break<span className="sr-only"> on {day}</span>
                      </Button>
                    </div>
                    ) : (
                      <p className="text-sm text-ink-600">At most {MAX_BREAKS} breaks a day.</p>
                    )}
                  </div>
                ) : (
                  <p className="flex min-h-11 items-center text-ink-600">Not working</p>
                )}
              </li>
            );
          })}
        </ul>

        <div className="flex flex-col gap-3 border-t border-sand-200 pt-4">
          {status ? (
            <div ref={statusRef} tabIndex={-1} className="rounded-xl">
              <Alert tone={status.tone} title={status.title}>
                {status.text}
              </Alert>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={busy}>
              Save weekly hours
            </Button>
            {dirty ? (
              <>
                <Button
                  type="button"
                  variant="ghost"
                  disabled={busy}
                  onClick={() => {
                    setRows(rowsFrom(weekly));
                    setErrors({});
                    setChecked(false);
                    clearStatus();
                  }}
                >
                  Discard changes
                </Button>
                <p className="text-sm text-ink-600" aria-live="polite">
                  You have unsaved changes.
                </p>
              </>
            ) : null}
          </div>
        </div>
      </form>
    </Card>
  );
}
