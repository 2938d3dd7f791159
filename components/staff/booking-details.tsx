/**
 * The facts of one booking for staff: the appointment and the patient, side by side from tablet
 * width, stacked on a phone. Server-safe (no hooks); gets the plain DTO from the page.
 */
import type { StaffBookingDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone, formatLondonTime, londonZoneLabel } from "@/lib/time/london";
import { telHref } from "@/components/booking/types";
import { Card } from "@/components/ui/card";

const dt = "text-sm font-semibold text-ink-600";
const dd = "mb-3 text-ink-900 last:mb-0";

export function BookingDetails({ booking }: { booking: StaffBookingDto }) {
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  const struck = booking.status === "cancelled" || booking.status === "declined";
  const minutes = Math.round((end - start) / 60_000);

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card as="section" aria-labelledby="appointment-heading">
        <h2 id="appointment-heading" className="mb-3 text-lg font-bold">
          Appointment
        </h2>
        <dl>
          <dt className={dt}>When</dt>
          <dd className={dd}>
            <span className={struck ? "line-through decoration-ink-500" : undefined}>
              {formatLondonDateTimeWithZone(start)} to {formatLondonTime(end)}
            </span>
            {londonZoneLabel(end) !== londonZoneLabel(start) ? ` ${londonZoneLabel(end)}` : null}
            <span className="text-ink-600"> ({minutes} min)</span>
          </dd>
          <dt className={dt}>Service</dt>
          <dd className={dd}>{booking.serviceName}</dd>
          <dt className={dt}>Practitioner</dt>
          <dd className={dd}>{booking.practitionerName}</dd>
          <dt className={dt}>Reference</dt>
          <dd className={`${dd} font-mono font-bold tracking-wider`}>{booking.reference}</dd>
          <dt className={dt}>Booked</dt>
          <dd className={dd}>
            {booking.source === "online" ? "Online by the patient" : "By staff (phone)"}, {formatLondonDateTimeWithZone(Date.parse(booking.createdAt))}
          </dd>
          {booking.statusReason ? (
            <>
              <dt className={dt}>{booking.status === "declined" ? "Reason for declining" : "Reason"}</dt>
              <dd className={`${dd} whitespace-pre-line`}>{booking.statusReason}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card as="section" aria-labelledby="patient-heading">
        <h2 id="patient-heading" className="mb-3 text-lg font-bold">
          Patient
        </h2>
        <dl>
          <dt className={dt}>Name</dt>
          <dd className={`${dd} font-semibold`}>{booking.patient.name}</dd>
          <dt className={dt}>Email</dt>
          <dd className={dd}>
            <a href={`mailto:${booking.patient.email}`} className="inline-flex min-h-11 items-center font-semibold break-all text-brand-700 underline hover:text-brand-900">
              {booking.patient.email}
            </a>
          </dd>
          <dt className={dt}>Phone</dt>
          <dd className={dd}>
            <a href={telHref(booking.patient.phone)} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900">
              {booking.patient.phone}
            </a>
          </dd>
          {booking.given ? (
            <>
              <dt className={dt}>This request said</dt>
              <dd className={dd}>
                {booking.given.name}, {booking.given.phone}
                <span className="block text-sm text-ink-600">An online request never changes the patient&rsquo;s record: check with them before using these.</span>
              </dd>
            </>
          ) : null}
          <dt className={dt}>Patient&rsquo;s notes</dt>
          <dd className={`${dd} whitespace-pre-line`}>
            {booking.notes ? booking.notes : <span className="text-ink-600">None given.</span>}
          </dd>
        </dl>
      </Card>
    </div>
  );
}
