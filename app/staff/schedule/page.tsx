import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireStaffPage, seesEveryDiary } from "@/lib/auth/guards";
import { listPractitioners } from "@/lib/bookings/staff";
import { Alert } from "@/components/ui/alert";
import { SchedulePractitionerNav } from "@/components/staff/schedule-practitioner-nav";

export const metadata: Metadata = {
  title: "Schedule",
  robots: { index: false, follow: false },
};

export default async function ScheduleIndexPage() {
  const staff = await requireStaffPage();
  // A practitioner has one schedule, their own: go straight to it.
  if (!seesEveryDiary(staff)) {
    if (staff.practitionerSlug) redirect(`/staff/schedule/${encodeURIComponent(staff.practitionerSlug)}`);
    return (
      <div className="mx-auto w-full max-w-5xl">
        <h1 className="text-3xl font-bold tracking-tight">Schedule</h1>
        <Alert tone="warning" className="mt-4" title="No schedule linked to your account">
          Your staff account is not linked to a practitioner. Please ask the admin to link it.
        </Alert>
      </div>
    );
  }
  const practitioners = await listPractitioners();
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-4">
      <h1 className="text-3xl font-bold tracking-tight">Schedules</h1>
      <p className="text-ink-700">Choose whose working hours, date overrides and time off to see or change.</p>
      {practitioners.length > 0 ? (
        <SchedulePractitionerNav practitioners={practitioners} current={null} />
      ) : (
        <p className="text-ink-600">There are no practitioners yet.</p>
      )}
    </div>
  );
}
