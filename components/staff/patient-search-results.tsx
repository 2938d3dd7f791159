/**
 * Search results as a table on a wide screen and as cards on tablets and phones (six columns
 * would otherwise squeeze or scroll sideways). Only one of the two is displayed at a time, and the other is
 * display:none, so screen readers meet the results once. Server-safe.
 */
import Link from "next/link";
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { telHref } from "@/components/booking/types";
import { BookingStatusBadge } from "./booking-status-badge";

const linkClass = "inline-flex min-h-11 items-center font-mono font-bold tracking-wider whitespace-nowrap text-brand-700 underline hover:text-brand-900";
const contactLink = "text-brand-700 underline hover:text-brand-900";

function When({ booking }: { booking: StaffBookingDto }) {
  const struck = booking.status === "cancelled" || booking.status === "declined";
  return <span className={struck ? "line-through decoration-ink-500" : undefined}>{formatLondonDateTimeWithZone(Date.parse(booking.start))}</span>;
}

export function PatientSearchResults({ results }: { results: StaffBookingDto[] }) {
  return (
    <>
      <table className="hidden w-full border-collapse text-left lg:table">
        <caption className="sr-only">Matching bookings, newest first</caption>
        <thead>
          <tr className="border-b-2 border-sand-300 text-sm text-ink-600">
            <th scope="col" className="py-2 pr-3 font-semibold">Reference</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Patient</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Contact</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Date and time</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Practitioner</th>
            <th scope="col" className="py-2 font-semibold">Status</th>
          </tr>
        </thead>
        <tbody>
          {results.map((booking) => (
            <tr key={booking.id} className="border-b border-sand-200 align-top">
              <td className="py-2 pr-3">
                <Link href={`/staff/bookings/${encodeURIComponent(booking.id)}`} className={linkClass}>
                  {booking.reference}
                </Link>
              </td>
              <td className="py-3 pr-3 font-semibold">{booking.patient.name}</td>
              <td className="py-3 pr-3 text-sm">
                <a href={`mailto:${booking.patient.email}`} className={`${contactLink} break-all`}>
                  {booking.patient.email}
                </a>
                <br />
                <a href={telHref(booking.patient.phone)} className={`${contactLink} whitespace-nowrap`}>
                  {booking.patient.phone}
                </a>
              </td>
              <td className="py-3 pr-3">
                <When booking={booking} />
                <span className="block text-sm text-ink-600">{booking.serviceName}</span>
              </td>
              <td className="py-3 pr-3">{booking.practitionerName}</td>
              <td className="py-3">
                <BookingStatusBadge status={booking.status} size="sm" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden">
        {results.map((booking) => (
          <li key={booking.id} className="rounded-(--radius-card) border border-sand-200 bg-white p-4 shadow-(--shadow-card)">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/staff/bookings/${encodeURIComponent(booking.id)}`} className={linkClass}>
                {booking.reference}
              </Link>
              <BookingStatusBadge status={booking.status} size="sm" />
            </div>
            <p className="font-semibold">{booking.patient.name}</p>
            <p>
              <When booking={booking} />
            </p>
            <p className="text-sm text-ink-600">
              {booking.serviceName} with {booking.practitionerName}
            </p>
            <p className="mt-1 flex flex-col text-sm">
              <a href={`mailto:${booking.patient.email}`} className={`${contactLink} inline-flex min-h-11 items-center break-all`}>
                {booking.patient.email}
              </a>
              <a href={telHref(booking.patient.phone)} className={`${contactLink} inline-flex min-h-11 items-center`}>
                {booking.patient.phone}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
