"use client";

import type { ReactNode, Ref } from "react";
import { formatLondonLongDate, type LondonDate } from "@/lib/time/london";
import { Spinner } from "@/components/ui/spinner";
import { MonthCalendar } from "./month-calendar";
import { TimePicker } from "./time-picker";
import type { SlotPicker } from "./use-slot-picker";

type Heading = "h2" | "h3";

export type SlotChooserProps = {
  picker: SlotPicker;
  headingLevel: Heading;
  dayTitle: ReactNode;
  timeTitle: ReactNode;
  /** Ref to the times heading (focusable) so the parent can move focus there. */
  timesHeadingRef: Ref<HTMLHeadingElement>;
  onDayChosen: (date: LondonDate) => void;
  onTimeChosen: (start: string) => void;
  /** Shown just above the times, e.g. "That time was just taken". */
  timesNotice?: ReactNode;
  emptyMessage?: string;
  idPrefix: string;
  /** Passed to the time picker (defaults to the consultation's length). */
  lengthNote?: ReactNode;
};

/** The month calendar and the chosen day's times, side by side on wide screens. */
export function SlotChooser({
  picker,
  headingLevel,
  dayTitle,
  timeTitle,
  timesHeadingRef,
  onDayChosen,
  onTimeChosen,
  timesNotice,
  emptyMessage,
  idPrefix,
  lengthNote,
}: SlotChooserProps) {
  const H = headingLevel;
  const headingClass = headingLevel === "h2" ? "text-xl font-bold" : "text-lg font-semibold";
  const { today, month, minMonth, maxMonth } = picker;

  return (
    <div className="grid gap-6 md:grid-cols-2 md:items-start">
      <section aria-labelledby={`${idPrefix}-day-heading`}>
        <H id={`${idPrefix}-day-heading`} className={`mb-3 ${headingClass}`}>
          {dayTitle}
        </H>
        {today && month && minMonth && maxMonth ? (
          <MonthCalendar
            month={month}
            minMonth={minMonth}
            maxMonth={maxMonth}
            onMonthChange={picker.setMonth}
            freeCounts={new Map([...picker.timesByDate].map(([date, times]) => [date, times.length]))}
            status={picker.status}
            selectedDate={picker.selectedDate}
            onSelectDate={(date) => {
              picker.selectDate(date);
              onDayChosen(date);
            }}
            onRetry={picker.reload}
            today={today}
            emptyMessage={emptyMessage}
          />
        ) : (
          <div className="flex min-h-80 items-center justify-center rounded-card border border-sand-200 bg-white text-ink-600 shadow-card">
            <Spinner label="Loading the calendar" className="text-brand-700" />
          </div>
        )}
      </section>

      <section aria-labelledby={`${idPrefix}-time-heading`}>
        <H id={`${idPrefix}-time-heading`} ref={timesHeadingRef} tabIndex={-1} className={`mb-3 ${headingClass}`}>
          {timeTitle}
          {picker.selectedDate ? (
            <span className="mt-1 block text-base font-normal text-ink-600">{formatLondonLongDate(picker.selectedDate)}</span>
          ) : null}
        </H>
        {timesNotice}
        <TimesBody picker={picker} onTimeChosen={onTimeChosen} lengthNote={lengthNote} />
      </section>
    </div>
  );
}

function TimesBody({
  picker,
  onTimeChosen,
  lengthNote,
}: {
  picker: SlotPicker;
  onTimeChosen: (start: string) => void;
  lengthNote?: ReactNode;
}) {
  if (picker.status === "loading" || !picker.today) {
    return (
      <p className="flex items-center gap-2 text-ink-600">
        <Spinner className="text-brand-700" /> Loading times…
      </p>
    );
  }
  if (picker.status === "error") {
    return <p className="text-ink-600">The times could not be loaded. Use “Try again” under the calendar.</p>;
  }
  if (!picker.selectedDate || picker.timesForSelectedDate.length === 0) {
    return <p className="text-ink-600">Choose a highlighted day to see its free times.</p>;
  }
  return (
    <TimePicker
      options={picker.timesForSelectedDate}
      selectedStart={picker.selectedStart}
      onSelect={(start) => {
        picker.selectStart(start);
        onTimeChosen(start);
      }}
      dateLabel={formatLondonLongDate(picker.selectedDate)}
      lengthNote={lengthNote}
    />
  );
}
