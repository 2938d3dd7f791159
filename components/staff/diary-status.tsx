/**
 * How each booking status looks and reads in the staff area (diary blocks, lists, badges).
 * Every status has a word as well as a colour, so colour never carries the meaning alone.
 * Server-safe (no hooks).
 */
import { formatLondonTime } from "@/lib/time/london";
import type { BookingStatus } from "./diary-types";

type StatusMeta = {
  /** Visible badge text. */
  label: string;
  /** Lower-case word used inside accessible names: "10:00–10:30 Alex Patient, requested". */
  spoken: string;
  badge: string;
};

export const STATUS_META: Record<BookingStatus, StatusMeta> = {
  requested: { label: "Request", spoken: "requested", badge: "bg-amber-100 text-amber-950 ring-amber-400" },
  confirmed: { label: "Confirmed", spoken: "confirmed", badge: "bg-brand-100 text-brand-950 ring-brand-300" },
  attended: { label: "Attended", spoken: "attended", badge: "bg-sand-100 text-ink-700 ring-sand-300" },
  no_show: { label: "No-show", spoken: "no-show", badge: "bg-sand-100 text-ink-700 ring-sand-300" },
  cancelled: { label: "Cancelled", spoken: "cancelled", badge: "bg-white text-ink-600 ring-ink-300" },
  declined: { label: "Declined", spoken: "declined", badge: "bg-white text-ink-600 ring-ink-300" },
};

/** Cancelled and declined bookings no longer hold their time; they stay visible only as history. */
export function isLiveStatus(status: BookingStatus): boolean {
  return status !== "cancelled" && status !== "declined";
}

/** "10:00–10:30" in London wall-clock time. */
export function timeRange(start: string, end: string): string {
  return `${formatLondonTime(Date.parse(start))}–${formatLondonTime(Date.parse(end))}`;
}

/** The accessible name of a booking link: "10:00–10:30 Alex Patient, requested". */
export function bookingLabel(booking: { start: string; end: string; status: BookingStatus; patient: { name: string } }): string {
  return `${timeRange(booking.start, booking.end)} ${booking.patient.name}, ${STATUS_META[booking.status].spoken}`;
}

export function StatusBadge({ status, className = "" }: { status: BookingStatus; className?: string }) {
  const meta = STATUS_META[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${meta.badge} ${className}`}
    >
      {meta.label}
    </span>
  );
}
