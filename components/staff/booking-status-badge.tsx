/**
 * The status of a booking as a coloured pill with words (colour never carries the meaning alone).
 *
 *   <BookingStatusBadge status="requested" />
 *
 * Server-safe (no hooks); used on the booking page, the patient search and the schedule warnings.
 */
import type { BookingStatus } from "@/components/booking/types";

export const STATUS_LABEL: Record<BookingStatus, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
  attended: "Attended",
  no_show: "No-show",
};

const TONE: Record<BookingStatus, string> = {
  requested: "bg-amber-100 text-amber-950 ring-amber-400",
  confirmed: "bg-green-100 text-green-950 ring-green-400",
  declined: "bg-red-50 text-red-950 ring-red-300",
  cancelled: "bg-sand-200 text-ink-900 ring-sand-300",
  attended: "bg-brand-100 text-brand-950 ring-brand-300",
  no_show: "bg-red-100 text-red-950 ring-red-300",
};

/** Falls back to the raw value so an unexpected status is still visible rather than blank. */
export function statusLabel(status: string): string {
  return status in STATUS_LABEL ? STATUS_LABEL[status as BookingStatus] : status.replaceAll("_", " ");
}

export function BookingStatusBadge({ status, size = "md" }: { status: BookingStatus; size?: "sm" | "md" }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full font-semibold whitespace-nowrap ring-1 ring-inset ${TONE[status]} ${
        size === "sm" ? "px-2.5 py-0.5 text-sm" : "px-3 py-1 text-sm sm:text-base"
      }`}
    >
      <span className="sr-only">Status: </span>
      {STATUS_LABEL[status]}
    </span>
  );
}
