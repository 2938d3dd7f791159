import type { Metadata } from "next";
import { connection } from "next/server";
import { getPractitioners, getServices } from "@/lib/clinic/catalogue";
import { getClinicSettings } from "@/lib/clinic/settings";
import { Alert } from "@/components/ui/alert";
import { BookingFlow } from "@/components/booking/booking-flow";
import { telHref } from "@/components/booking/types";

export const metadata: Metadata = {
  title: "Book a free consultation",
  description:
    "Book a free 30-minute SMP removal consultation with Sally or Hannah at Victoria House Clinic, Sutton Coldfield.",
};

export default async function BookPage() {
  // Free times change by the minute: always render at request time.
  await connection();
  const [practitioners, services, settings] = await Promise.all([getPractitioners(), getServices(), getClinicSettings()]);
  const consultation = services.find((service) => service.slug === "consultation" && service.bookableOnline);
  const minutes = consultation?.durationMinutes ?? 30;

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:py-12">
      <header className="mb-8 max-w-3xl">
        <h1 className="text-3xl font-bold sm:text-4xl">Book a free consultation</h1>
        <p className="mt-3 text-lg text-ink-700">
          Your consultation is free and takes {minutes} minutes, at the clinic in Sutton Coldfield. Your practitioner
          looks at your SMP and explains how removal would work for you. Choose a time below: it takes about a
          minute.
        </p>
      </header>

      {consultation && practitioners.length > 0 ? (
        <BookingFlow
          practitioners={practitioners.map(({ slug, name, title }) => ({ slug, name, title }))}
          horizonDays={settings.maxAdvanceDays}
          clinicPhone={settings.phone}
        />
      ) : (
        <Alert tone="warning" title="Online booking is not available right now" className="max-w-2xl">
          Please call the clinic on{" "}
          <a href={telHref(settings.phone)} className="font-semibold underline">
            {settings.phone}
          </a>{" "}
          to book your free consultation.
        </Alert>
      )}
    </div>
  );
}
