"use client";

import type { ReactNode } from "react";
import { formatLondonTime, londonZoneLabel } from "@/lib/time/london";
import type { TimeOption } from "./types";

export type TimePickerProps = {
  options: TimeOption[];
  selectedStart: string | null;
  onSelect: (start: string) => void;
  /** e.g. "Tuesday 3 March 2026", used in the group's accessible name. */
  dateLabel: string;
  /** Sentence after the time-zone note; the staff area names the chosen service's length. */
  lengthNote?: ReactNode;
};

const CONSULTATION_LENGTH_NOTE = "Each consultation lasts 30 minutes.";

/** "UK time (GMT)" / "UK time (BST)"; both when the clocks change that day. */
export function zoneNote(options: TimeOption[]): string {
  const zones = [...new Set(options.map((option) => londonZoneLabel(Date.parse(option.start))))];
  return `UK time (${zones.join(" / ") || "GMT"})`;
}

/**
 * The free start times of one day, each shown once (with "No preference" the same time may be free
 * with both practitioners). Plain toggle buttons: one Tab stop each, Enter/Space chooses.
 */
export function TimePicker({ options, selectedStart, onSelect, dateLabel, lengthNote = CONSULTATION_LENGTH_NOTE }: TimePickerProps) {
  const zones = new Set(options.map((option) => londonZoneLabel(Date.parse(option.start))));
  const mixedZones = zones.size > 1;
  const note = zoneNote(options);
  const morning = options.filter((option) => Number(formatLondonTime(Date.parse(option.start)).slice(0, 2)) < 12);
  const afternoon = options.filter((option) => Number(formatLondonTime(Date.parse(option.start)).slice(0, 2)) >= 12);

  return (
    <div role="group" aria-label={`Free times on ${dateLabel}, ${note}`}>
      <p className="mb-3 text-sm text-ink-600">
        Times are <strong className="font-semibold text-ink-900">{note}</strong>. {lengthNote}
      </p>
      {[
        { label: "Morning", list: morning },
        { label: "Afternoon", list: afternoon },
      ].map(({ label, list }) =>
        list.length === 0 ? null : (
          <div key={label} className="mb-3 last:mb-0">
            <p className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-ink-500" aria-hidden="true">
              {label}
            </p>
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
              {list.map((option) => {
                const selected = option.start === selectedStart;
                const time = formatLondonTime(Date.parse(option.start));
                const zone = londonZoneLabel(Date.parse(option.start));
                return (
                  <li key={option.start}>
                    <button
                      type="button"
                      aria-pressed={selected}
                      aria-label={`${time} ${zone}`}
                      onClick={() => onSelect(option.start)}
                      className={`flex min-h-11 w-full items-center justify-center rounded-lg border text-base font-semibold tabular-nums transition-colors ${
                        selected
                          ? "border-brand-700 bg-brand-700 text-white shadow-sm"
                          : "border-brand-300 bg-white text-brand-800 hover:border-brand-600 hover:bg-brand-50"
                      }`}
                    >
                      {time}
                      {mixedZones ? <span className="ml-1 text-xs font-normal">{zone}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ),
      )}
    </div>
  );
}
