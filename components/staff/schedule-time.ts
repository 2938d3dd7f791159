/**
 * Wall-clock helpers for the schedule editor. Working hours are stored as minutes after London
 * midnight and edited in `<input type="time">` as "HH:MM"; both are London wall time, so no time
 * zone maths happens here (instants are made only with londonWallTimeToInstant).
 */

export const WEEKDAYS = [
  { weekday: 1, name: "Monday" },
  { weekday: 2, name: "Tuesday" },
  { weekday: 3, name: "Wednesday" },
  { weekday: 4, name: "Thursday" },
  { weekday: 5, name: "Friday" },
  { weekday: 6, name: "Saturday" },
  { weekday: 7, name: "Sunday" },
] as const;

/** The step of the time inputs (seconds) and the grid every time must sit on (minutes). */
export const TIME_STEP_SECONDS = 900;
export const TIME_STEP_MINUTES = TIME_STEP_SECONDS / 60;

/** 540 -> "09:00". */
export function minutesToTime(minutes: number): string {
  const clamped = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${String(Math.floor(clamped / 60)).padStart(2, "0")}:${String(clamped % 60).padStart(2, "0")}`;
}

/** "09:00" -> 540; null when empty or not a time (a half-typed input gives ""). */
export function timeToMinutes(value: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Checks one time input: a message, or null when it holds a usable quarter-hour. */
export function timeProblem(value: string): string | null {
  const minutes = timeToMinutes(value);
  if (minutes === null) return "Enter a time, like 09:00.";
  if (minutes % TIME_STEP_MINUTES !== 0) return "Use a quarter hour: :00, :15, :30 or :45.";
  return null;
}

/** "09:00–17:00" for text. */
export function rangeText(startMinute: number, endMinute: number): string {
  return `${minutesToTime(startMinute)}–${minutesToTime(endMinute)}`;
}
