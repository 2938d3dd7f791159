"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { addLondonDays, londonDateOf, type LondonDate } from "@/lib/time/london";
import { PUBLIC_AVAILABILITY_URL, fetchAvailability } from "./api";
import { firstDayOf, lastDayOf, monthOf, type MonthKey } from "./dates";
import type { Slot, TimeOption } from "./types";

const noSubscription = () => () => {};

/**
 * Today's London date, read in the browser only: the server render gets `null`, so no clock is read
 * while rendering on the server and hydration never disagrees about "today".
 */
export function useLondonToday(): LondonDate | null {
  return useSyncExternalStore(
    noSubscription,
    () => londonDateOf(Date.now()),
    () => null,
  );
}

export type AvailabilityStatus = "loading" | "ready" | "error";

type Loaded = { key: string; status: "ready"; slots: Slot[] } | { key: string; status: "error" };

export type SlotPicker = {
  today: LondonDate | null;
  /** The last bookable date (today + horizon). */
  lastDate: LondonDate | null;
  month: MonthKey | null;
  minMonth: MonthKey | null;
  maxMonth: MonthKey | null;
  setMonth: (month: MonthKey) => void;
  status: AvailabilityStatus;
  /** Distinct free start times per London date of the visible month. */
  timesByDate: ReadonlyMap<LondonDate, TimeOption[]>;
  selectedDate: LondonDate | null;
  selectDate: (date: LondonDate) => void;
  timesForSelectedDate: TimeOption[];
  /** The chosen start, only while it is still free in the loaded data. */
  selectedStart: string | null;
  selectStart: (start: string | null) => void;
  reload: () => void;
};

function groupByDate(slots: Slot[]): Map<LondonDate, TimeOption[]> {
  const byDate = new Map<LondonDate, TimeOption[]>();
  const byStart = new Map<string, TimeOption>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    const existing = byStart.get(slot.start);
    if (existing) {
      if (!existing.practitioners.includes(slot.practitioner)) existing.practitioners.push(slot.practitioner);
      continue;
    }
    const option: TimeOption = { start: slot.start, end: slot.end, practitioners: [slot.practitioner] };
    byStart.set(slot.start, option);
    const date = londonDateOf(Date.parse(slot.start));
    const list = byDate.get(date);
    if (list) list.push(option);
    else byDate.set(date, [option]);
  }
  return byDate;
}

/**
 * Month-by-month availability for one service and practitioner choice, with the chosen day and time.
 * The first day with free times is selected whenever a month loads (unless the chosen day is still free).
 */
export function useSlotPicker({
  service,
  practitioner,
  horizonDays,
  availabilityUrl = PUBLIC_AVAILABILITY_URL,
}: {
  service: string;
  practitioner: string;
  horizonDays: number;
  /** Where free slots come from; the staff area uses `/api/staff/availability` (any service, no minimum notice). */
  availabilityUrl?: string;
}): SlotPicker {
  const today = useLondonToday();
  const lastDate = today ? addLondonDays(today, horizonDays) : null;
  const minMonth = today ? monthOf(today) : null;
  const maxMonth = lastDate ? monthOf(lastDate) : null;

  const [chosenMonth, setChosenMonth] = useState<MonthKey | null>(null);
  const month = chosenMonth ?? minMonth;
  const [reloadCount, setReloadCount] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [selectedDate, setSelectedDate] = useState<LondonDate | null>(null);
  const [chosenStart, setChosenStart] = useState<string | null>(null);

  const key = month ? `${availabilityUrl}|${service}|${practitioner}|${month}|${reloadCount}` : null;

  useEffect(() => {
    if (!key || !month) return;
    const controller = new AbortController();
    fetchAvailability(
      { service, practitioner, from: firstDayOf(month), to: lastDayOf(month) },
      controller.signal,
      availabilityUrl,
    ).then(
      (slots) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, status: "ready", slots });
        const free = groupByDate(slots);
        setSelectedDate((previous) => {
          if (previous && free.has(previous)) return previous;
          const first = [...free.keys()].sort()[0];
          return first ?? null;
        });
      },
      () => {
        if (controller.signal.aborted) return;
        setLoaded({ key, status: "error" });
      },
    );
    return () => controller.abort();
  }, [key, month, service, practitioner, availabilityUrl]);

  const current = loaded && loaded.key === key ? loaded : null;
  const status: AvailabilityStatus = current ? current.status : "loading";
  const slots = current && current.status === "ready" ? current.slots : null;

  const timesByDate = useMemo(() => (slots ? groupByDate(slots) : new Map<LondonDate, TimeOption[]>()), [slots]);
  const effectiveDate = selectedDate && month && selectedDate.startsWith(month) ? selectedDate : null;
  const timesForSelectedDate = useMemo(
    () => (effectiveDate ? (timesByDate.get(effectiveDate) ?? []) : []),
    [effectiveDate, timesByDate],
  );
  const selectedStart =
    chosenStart && timesForSelectedDate.some((option) => option.start === chosenStart) ? chosenStart : null;

  const setMonth = useCallback(
    (next: MonthKey) => {
      if (minMonth && next < minMonth) return;
      if (maxMonth && next > maxMonth) return;
      setChosenMonth(next);
    },
    [minMonth, maxMonth],
  );

  const selectDate = useCallback((date: LondonDate) => {
    setSelectedDate(date);
  }, []);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);

  return {
    today,
    lastDate,
    month,
    minMonth,
    maxMonth,
    setMonth,
    status,
    timesByDate,
    selectedDate: effectiveDate,
    selectDate,
    timesForSelectedDate,
    selectedStart,
    selectStart: setChosenStart,
    reload,
  };
}
