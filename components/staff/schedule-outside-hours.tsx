/**
 * Upcoming bookings that no longer fall inside the practitioner's working hours (after the hours,
 * an override or time off changed). Changing a schedule never moves a booking, so staff must
 * contact these patients: the list is shown loudly at the top of the schedule. Server-safe.
 */
import Link from "next/link";
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { BookingStatusBadge } from "./booking-status-badge";

export function ScheduleOutsideHours({ bookings }: { bookings: StaffBookingDto[] }) {
  if (bookings.length === 0) return null;
  const sorted = [...bookings].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return (
    <section
      aria-labelledby="outside-hours-heading"
      className="rounded-(--radius-card) border-2 border-amber-500 bg-amber-50 p-4 text-amber-950 shadow-(--shadow-card) sm:p-6"
    >
      <h2 id="outside-hours-heading" className="flex items-center gap-2 text-xl font-bold text-amber-950">
        <svg className="size-6 shrink-0 text-amber-700" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" focusable="false">
          <path d="M10.3 4.2 2.9 17a2 2 0 0 0 1.7 3h14.8a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0Z" strokeLinejoin="round" />
          <path d="M12 9.5v4M12 17h.01" strokeLinecap="round" />
        </svg>
        <span>
          <span className="sr-only">Warning: </span>
          {bookings.length === 1 ? "1 booking outside working hours" : `${bookings.length} bookings outside working hours`}
        </span>
      </h2>
      <p className="mt-2">
        These bookings are no longer inside working hours. They have not been moved: please contact the patients.
      </p>
      <ul className="mt-3 flex flex-col gap-2">
        {sorted.map((booking) => (
          <li key={booking.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl bg-white px-3 py-1.5 ring-1 ring-amber-300">
            <Link
              href={`/staff/bookings/${encodeURIComponent(booking.id)}`}
              className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline hover:text-brand-950"
            >
              {formatLondonDateTimeWithZone(Date.parse(booking.start))}: {booking.patient.name}
            </Link>
            <span className="text-sm text-ink-700">
              {booking.serviceName}, ref. <span className="font-mono">{booking.reference}</span>
            </span>
            <BookingStatusBadge status={booking.status} size="sm" />
          </li>
        ))}
      </ul>
    </section>
  );
}
