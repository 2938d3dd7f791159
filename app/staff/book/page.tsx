import type { Metadata } from "next";
import { requireRolePage } from "@/lib/auth/guards";
import { listPractitioners, listServices } from "@/lib/bookings/staff";
import { Alert } from "@/components/ui/alert";
import { PhoneBookingForm } from "@/components/staff/phone-booking-form";

export const metadata: Metadata = {
  title: "Book a phone caller",
  robots: { index: false, follow: false },
};

export default async function PhoneBookingPage() {
  // Reception and admin only; for anyone else the page does not exist.
  await requireRolePage("receptionist", "admin");
  const [services, practitioners] = await Promise.all([listServices(), listPractitioners()]);

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Book a phone caller</h1>
        <p className="mt-2 text-ink-700">
          Choose the appointment, then take the caller&rsquo;s details. The booking is confirmed straight away.
        </p>
      </header>
      {services.length > 0 && practitioners.length > 0 ? (
        <PhoneBookingForm
          services={services.map(({ slug, name, durationMinutes }) => ({ slug, name, durationMinutes }))}
          practitioners={practitioners.map(({ slug, name }) => ({ slug, name }))}
        />
      ) : (
        <Alert tone="warning" title="Nothing can be booked yet">
          There are no active services or practitioners. An admin needs to set them up first.
        </Alert>
      )}
    </div>
  );
}
