import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage, seesEveryDiary } from "@/lib/auth/guards";
import { getBookingForStaff, listPractitioners } from "@/lib/bookings/staff";
import { requirePathSegment } from "@/lib/http/page-input";
import { formatLondonDateTimeWithZone, formatLondonLongDate, londonDateOf } from "@/lib/time/london";
import { BookingActions } from "@/components/staff/booking-actions";
import { BookingDetails } from "@/components/staff/booking-details";
import { BookingHistory } from "@/components/staff/booking-history";
import { BookingStaffNotes } from "@/components/staff/booking-staff-notes";
import { BookingStatusBadge } from "@/components/staff/booking-status-badge";

export const metadata: Metadata = {
  title: "Booking",
  robots: { index: false, follow: false },
};

export default async function StaffBookingPage({ params }: { params: Promise<{ id: string }> }) {
  // The session check comes before anything else is read, so a signed-out visitor learns nothing.
  const staff = await requireStaffPage();
  const id = requirePathSegment((await params).id);
  const found = await getBookingForStaff(staff, id);
  if (!found) notFound();
  const { booking, events } = found;
  const practitioners = await listPractitioners();

  // Attendance can be recorded from the day of the appointment on, judged on the London calendar.
  const now = new Date();
  const canMarkAttendance = booking.status === "confirmed" && londonDateOf(Date.parse(booking.start)) <= londonDateOf(now);
  const notStartedYet = Date.parse(booking.start) > now.getTime();
  const everyDiary = seesEveryDiary(staff);
  // Back to the day of this booking in the diary, in that practitioner's column for the front desk.
  const bookingDate = londonDateOf(Date.parse(booking.start));
  const diaryParams = new URLSearchParams({ view: "day", date: bookingDate, ...(everyDiary ? { practitioner: booking.practitioner } : {}) });
  const diaryLink = `/staff/diary?${diaryParams.toString()}`;

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6">
      <nav aria-label="Back">
        <Link href={diaryLink} className="inline-flex min-h-11 items-center gap-1 font-semibold text-brand-700 underline hover:text-brand-900">
          <span aria-hidden="true">←</span> Diary for {formatLondonLongDate(bookingDate)}
        </Link>
      </nav>

      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="text-3xl font-bold tracking-tight">
            Booking <span className="font-mono tracking-wider">{booking.reference}</span>
          </h1>
          <BookingStatusBadge status={booking.status} />
        </div>
        <p className="text-lg text-ink-700">
          {booking.patient.name}: {booking.serviceName} with {booking.practitionerName},{" "}
          <span className={booking.status === "cancelled" || booking.status === "declined" ? "line-through" : undefined}>
            {formatLondonDateTimeWithZone(Date.parse(booking.start))}
          </span>
        </p>
        {everyDiary ? (
          <p>
            <Link
              href={`/staff/patients?q=${encodeURIComponent(booking.patient.email)}`}
              className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900"
            >
              Other bookings for this patient
            </Link>
          </p>
        ) : null}
      </header>

      <BookingActions
        booking={booking}
        practitioners={practitioners}
        canChangePractitioner={everyDiary}
        canMarkAttendance={canMarkAttendance}
        notStartedYet={notStartedYet}
      />

      <BookingDetails booking={booking} />
      <BookingStaffNotes bookingId={booking.id} staffNotes={booking.staffNotes} />
      <BookingHistory events={events} practitioners={practitioners} />
    </div>
  );
}
