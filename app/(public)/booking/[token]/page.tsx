import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getManagedBooking } from "@/lib/bookings/manage";
import { getBookingRules } from "@/lib/clinic/settings";
import { requirePathSegment } from "@/lib/http/page-input";
import { ManageBooking } from "@/components/booking/manage-booking";

// A manage link is private: keep it out of search engines, caches and other sites' Referer headers.
export const metadata: Metadata = {
  title: "Your booking",
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export default async function ManageBookingPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const token = requirePathSegment((await params).token);
  const now = new Date();
  const [view, rules] = await Promise.all([getManagedBooking(token, now), getBookingRules()]);
  if (!view) notFound();

  const upcoming = Date.parse(view.start) > now.getTime();

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 lg:py-12">
      <h1 className="text-3xl font-bold sm:text-4xl">Your booking</h1>
      <p className="mt-2 mb-6 text-lg text-ink-700">Hello {view.patient.name}. Here is your consultation at Victoria House Clinic.</p>
      <ManageBooking
        view={{
          reference: view.reference,
          status: view.status,
          start: view.start,
          end: view.end,
          practitioner: { slug: view.practitioner.slug, name: view.practitioner.name },
          service: { slug: view.service.slug, name: view.service.name },
          patient: { name: view.patient.name },
          canChange: view.canChange,
          changeDeadline: view.changeDeadline,
          clinicPhone: view.clinicPhone,
          clinicAddress: view.clinicAddress,
        }}
        upcoming={upcoming}
        horizonDays={rules.maxAdvanceDays}
      />
    </div>
  );
}
