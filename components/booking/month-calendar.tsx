"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { addLondonDays, formatLondonLongDate, isoWeekdayOf, type LondonDate } from "@/lib/time/london";
import { addMonths, clampToMonth, datesOfMonth, firstDayOf, monthOf, type MonthKey } from "./dates";
import type { AvailabilityStatus } from "./use-slot-picker";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

/** "March 2026" from the sanctioned long-date format ("Sunday 1 March 2026"). */
export function monthLabel(month: MonthKey): string {
  return formatLondonLongDate(firstDayOf(month)).split(" ").slice(2).join(" ");
}

function freeLabel(count: number): string {
  if (count === 0) return "no free times";
  return count === 1 ? "1 time free" : `${count} times free`;
}

export type MonthCalendarProps = {
  month: MonthKey;
  minMonth: MonthKey;
  maxMonth: MonthKey;
  onMonthChange: (month: MonthKey) => void;
  /** Number of free start times per date of the visible month. */
  freeCounts: ReadonlyMap<LondonDate, number>;
  status: AvailabilityStatus;
  selectedDate: LondonDate | null;
  onSelectDate: (date: LondonDate) => void;
  onRetry: () => void;
  today: LondonDate;
  /** Shown when the month has no free times at all. */
  emptyMessage?: string;
};

/**
 * A month of days, weeks starting Monday. Days with free times are buttons that stand out; the rest
 * are aria-disabled but still reachable with the arrow keys (one tab stop, roving tabindex), like the
 * WAI-ARIA date-picker grid.
 */
export function MonthCalendar({
  month,
  minMonth,
  maxMonth,
  onMonthChange,
  freeCounts,
  status,
  selectedDate,
  onSelectDate,
  onRetry,
  today,
  emptyMessage = "No free times this month: try next month or call us.",
}: MonthCalendarProps) {
  const headingId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const [focusDate, setFocusDate] = useState<LondonDate | null>(null);
  const moveFocusPending = useRef(false);

  const dates = datesOfMonth(month);
  const leadingBlanks = isoWeekdayOf(firstDayOf(month)) - 1;
  const cells: (LondonDate | null)[] = [...Array.from({ length: leadingBlanks }, () => null), ...dates];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (LondonDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  const countOf = (date: LondonDate) => (status === "ready" ? (freeCounts.get(date) ?? 0) : 0);
  const firstFree = dates.find((date) => countOf(date) > 0) ?? null;
  const inMonth = (date: LondonDate | null): date is LondonDate => date !== null && monthOf(date) === month;
  const tabbableDate = inMonth(focusDate)
    ? focusDate
    : inMonth(selectedDate)
      ? selectedDate
      : (firstFree ?? (monthOf(today) === month ? today : firstDayOf(month)));

  useEffect(() => {
    if (!moveFocusPending.current) return;
    const button = gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${tabbableDate}"]`);
    if (button) {
      moveFocusPending.current = false;
      button.focus();
    }
  });

  const canGoBack = month > minMonth;
  const canGoForward = month < maxMonth;
  const label = monthLabel(month);
  const freeDays = dates.filter((date) => countOf(date) > 0).length;

  function moveTo(target: LondonDate) {
    const targetMonth = monthOf(target);
    if (targetMonth < minMonth || targetMonth > maxMonth) return;
    if (targetMonth !== month) onMonthChange(targetMonth);
    moveFocusPending.current = true;
    setFocusDate(target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, date: LondonDate) {
    const weekday = isoWeekdayOf(date);
    let target: LondonDate | null = null;
    switch (event.key) {
      case "ArrowLeft":
        target = addLondonDays(date, -1);
        break;
      case "ArrowRight":
        target = addLondonDays(date, 1);
        break;
      case "ArrowUp":
        target = addLondonDays(date, -7);
        break;
      case "ArrowDown":
        target = addLondonDays(date, 7);
        break;
      case "Home":
        target = addLondonDays(date, 1 - weekday);
        break;
      case "End":
        target = addLondonDays(date, 7 - weekday);
        break;
      case "PageUp":
        target = clampToMonth(`${addMonths(month, -1)}${date.slice(7)}`.slice(0, 10), addMonths(month, -1));
        break;
      case "PageDown":
        target = clampToMonth(`${addMonths(month, 1)}${date.slice(7)}`.slice(0, 10), addMonths(month, 1));
        break;
      default:
        return;
    }
    event.preventDefault();
    moveTo(target);
  }

  let statusText: string;
  if (status === "loading") statusText = `Loading free times for ${label}…`;
  else if (status === "error") statusText = `We could not load the free times for ${label}.`;
  else if (freeDays === 0) statusText = emptyMessage;
  else statusText = `${label}: ${freeDays === 1 ? "1 day" : `${freeDays} days`} with free times.`;

  return (
    <div className="rounded-card border border-sand-200 bg-white p-3 shadow-card sm:p-4">
      <div className="mb-2 flex items-center justify-between gap-2">
        <button
          type="button"
          onClick={() => canGoBack && onMonthChange(addMonths(month, -1))}
          disabled={!canGoBack}
          aria-label={`Previous month, ${monthLabel(addMonths(month, -1))}`}
          className="inline-flex h-11 w-11 items-center justify-center rounded-full text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-ink-300 disabled:hover:bg-transparent"
        >
          <Chevron direction="left" />
        </button>
        <h3 id={headingId} className="text-lg font-semibold text-ink-900">
          {label}
        </h3>
        <button
          type="button"
          onClick={() => canGoForward && onMonthChange(addMonths(month, 1))}
          disabled={!canGoForward}
          aria-label={`Next month, ${monthLabel(addMonths(month, 1))}`}
          className="inline-flex h-11 w-11 items-center justify-center rounded-full text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-ink-300 disabled:hover:bg-transparent"
        >
          <Chevron direction="right" />
        </button>
      </div>

      <table
        ref={gridRef}
        role="grid"
        aria-labelledby={headingId}
        aria-busy={status === "loading"}
        className={`w-full table-fixed border-collapse transition-opacity ${status === "loading" ? "opacity-50" : ""}`}
      >
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" className="pb-1 text-xs font-medium text-ink-500">
                <abbr title={long} className="no-underline">
                  {short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map((date, column) =>
                date === null ? (
                  <td key={`blank-${column}`} />
                ) : (
                  <td key={date} className="p-0.5">
                    <DayButton
                      date={date}
                      count={countOf(date)}
                      selected={date === selectedDate}
                      isToday={date === today}
                      tabbable={date === tabbableDate}
                      onSelect={() => {
                        setFocusDate(date);
                        onSelectDate(date);
                      }}
                      onKeyDown={(event) => onKeyDown(event, date)}
                    />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>

      <div className={status === "ready" && freeDays > 0 ? undefined : "mt-3"}>
        <p
          aria-live="polite"
          className={
            status === "ready" && freeDays > 0 ? "sr-only" : status === "error" ? "font-semibold text-red-800" : "text-ink-700"
          }
        >
          {status === "loading" ? (
            <span className="inline-flex items-center gap-2">
              <Spinner className="text-brand-700" />
              {statusText}
            </span>
          ) : (
            statusText
          )}
        </p>
        {status === "error" ? (
          <Button type="button" variant="secondary" onClick={onRetry} className="mt-2">
            Try again
          </Button>
        ) : null}
        {status === "ready" && freeDays === 0 && canGoForward ? (
          <Button type="button" variant="secondary" onClick={() => onMonthChange(addMonths(month, 1))} className="mt-2">
            Show {monthLabel(addMonths(month, 1))}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function DayButton({
  date,
  count,
  selected,
  isToday,
  tabbable,
  onSelect,
  onKeyDown,
}: {
  date: LondonDate;
  count: number;
  selected: boolean;
  isToday: boolean;
  tabbable: boolean;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const free = count > 0;
  const day = Number(date.slice(8));
  let look: string;
  if (selected && free) look = "bg-brand-700 text-white font-bold shadow-sm";
  else if (free) look = "bg-brand-50 text-brand-800 font-bold ring-1 ring-inset ring-brand-300 hover:bg-brand-100";
  else look = "text-ink-300 cursor-default";
  return (
    <button
      type="button"
      data-date={date}
      tabIndex={tabbable ? 0 : -1}
      aria-disabled={free ? undefined : true}
      aria-pressed={free ? selected : undefined}
      aria-current={isToday ? "date" : undefined}
      aria-label={`${formatLondonLongDate(date)}, ${freeLabel(count)}`}
      onClick={() => {
        if (free) onSelect();
      }}
      onKeyDown={onKeyDown}
      className={`relative flex h-11 w-full flex-col items-center justify-center rounded-lg text-base leading-none ${look}`}
    >
      <span className={isToday ? "underline decoration-2 underline-offset-4" : undefined}>{day}</span>
      <span
        aria-hidden="true"
        className={`mt-1 block h-1.5 w-1.5 rounded-full ${free ? (selected ? "bg-white" : "bg-brand-600") : "bg-transparent"}`}
      />
    </button>
  );
}

function Chevron({ direction }: { direction: "left" | "right" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2}>
      {direction === "left" ? <path d="M12.5 15l-5-5 5-5" /> : <path d="M7.5 5l5 5-5 5" />}
    </svg>
  );
}
