import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage, seesEveryDiary } from "@/lib/auth/guards";
import { listPractitioners } from "@/lib/bookings/staff";
import { getSchedule } from "@/lib/schedule";
import { requirePathSegment } from "@/lib/http/page-input";
import { londonDateOf } from "@/lib/time/london";
import { getCalendarFeedStatus } from "@/lib/calendar/feed";
import { ScheduleCalendarFeed } from "@/components/staff/schedule-calendar-feed";
import { ScheduleOutsideHours } from "@/components/staff/schedule-outside-hours";
import { ScheduleOverrides } from "@/components/staff/schedule-overrides";
import { SchedulePractitionerNav } from "@/components/staff/schedule-practitioner-nav";
import { ScheduleTimeOff } from "@/components/staff/schedule-time-off";
import { ScheduleWeeklyForm } from "@/components/staff/schedule-weekly-form";

export const metadata: Metadata = {
  title: "Schedule",
  robots: { index: false, follow: false },
};

export default async function PractitionerSchedulePage({ params }: { params: Promise<{ slug: string }> }) {
  const staff = await requireStaffPage();
  const slug = requirePathSegment((await params).slug);
  // getSchedule answers null for another practitioner's schedule too, so it is a 404, not a 403.
  const schedule = await getSchedule(staff, slug);
  if (!schedule) notFound();
  const everyDiary = seesEveryDiary(staff);
  const [practitioners, feed] = await Promise.all([everyDiary ? listPractitioners() : Promise.resolve([]), getCalendarFeedStatus(staff, slug)]);
  const own = staff.practitionerSlug === schedule.practitioner.slug;
  // "Today" on the London calendar, for the earliest date the forms offer.
  const today = londonDateOf(new Date());

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{own ? "Your schedule" : `${schedule.practitioner.name}’s schedule`}</h1>
        <p className="text-ink-700">
          All times are UK time (GMT in winter, BST in summer). Changing hours never moves a booking.
        </p>
        {everyDiary && practitioners.length > 1 ? (
          <SchedulePractitionerNav practitioners={practitioners} current={schedule.practitioner.slug} />
        ) : null}
      </header>

      <ScheduleOutsideHours bookings={schedule.outsideHours} />
      {/* Keyed by practitioner so switching between schedules starts each form afresh. */}
      <ScheduleWeeklyForm key={`weekly-${schedule.practitioner.slug}`} slug={schedule.practitioner.slug} weekly={schedule.weekly} />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <ScheduleOverrides key={`overrides-${schedule.practitioner.slug}`} slug={schedule.practitioner.slug} overrides={schedule.overrides} today={today} />
        <ScheduleTimeOff key={`time-off-${schedule.practitioner.slug}`} slug={schedule.practitioner.slug} timeOff={schedule.timeOff} today={today} />
      </div>
      <ScheduleCalendarFeed key={`feed-${schedule.practitioner.slug}`} slug={schedule.practitioner.slug} active={feed?.active ?? false} ownerName={schedule.practitioner.name} />
    </div>
  );
}
