import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage, seesEveryDiary } from "@/lib/auth/guards";
import { getDiary, listPendingRequests } from "@/lib/bookings/staff";
import { formatLondonLongDate, londonDateOf, londonZoneLabel } from "@/lib/time/london";
import { formatSpans } from "@/components/staff/diary-geometry";
import { StatusBadge, isLiveStatus, timeRange } from "@/components/staff/diary-status";
import type { DiaryDay, StaffBookingDto } from "@/components/staff/diary-types";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Today" };

function hoursText(day: DiaryDay | undefined): string {
  if (!day || day.working.length === 0) return day && day.timeOff.length > 0 ? "Time off today" : "Not working today";
  const off = day.timeOff.length > 0 ? ` · time off ${formatSpans(day.timeOff)}` : "";
  return `Working ${formatSpans(day.working)}${off}`;
}

function byStart(a: StaffBookingDto, b: StaffBookingDto): number {
  return Date.parse(a.start) - Date.parse(b.start);
}

export default async function TodayPage() {
  const staff = await requireStaffPage();
  const now = new Date().getTime();
  const today = londonDateOf(now);
  const [diary, pending] = await Promise.all([getDiary(staff, { from: today, to: today }), listPendingRequests(staff)]);
  const frontDesk = seesEveryDiary(staff);
  const zone = londonZoneLabel(now);
  const totalLive = diary.practitioners.reduce(
    (sum, practitioner) => sum + practitioner.days.flatMap((day) => day.bookings).filter((b) => isLiveStatus(b.status)).length,
    0,
  );

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Today</h1>
          <p className="mt-1 text-lg text-ink-700">
            {formatLondonLongDate(today)} · times in UK time ({zone})
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/staff/diary" variant="secondary">
            Open the diary
          </ButtonLink>
          {frontDesk ? <ButtonLink href="/staff/book">Book a caller</ButtonLink> : null}
        </div>
      </header>

      <Card as="section" aria-labelledby="requests-summary" tone={pending.length > 0 ? "sand" : "white"} className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="requests-summary" className="text-xl font-bold">
            {pending.length === 0
              ? "No requests waiting"
              : `${pending.length} ${pending.length === 1 ? "request" : "requests"} waiting for confirmation`}
          </h2>
          <p className="mt-1 text-ink-700">
            {pending.length === 0
              ? "New online booking requests will appear here."
              : "Each request holds its time until someone confirms or declines it. The patient is waiting to hear from us."}
          </p>
        </div>
        {pending.length > 0 ? (
          <ButtonLink href="/staff/requests">Review requests</ButtonLink>
        ) : null}
      </Card>

      {totalLive === 0 ? (
        <Card as="section" aria-labelledby="today-empty" className="text-center">
          <h2 id="today-empty" className="text-xl font-bold">
            No appointments today
          </h2>
          <p className="mt-1 text-ink-700">
            {diary.practitioners.map((practitioner) => `${frontDesk ? `${practitioner.name}: ` : ""}${hoursText(practitioner.days[0])}`).join(" · ")}
          </p>
        </Card>
      ) : (
        diary.practitioners.map((practitioner) => {
          const day = practitioner.days.find((d) => d.date === today) ?? practitioner.days[0];
          const all = [...(day?.bookings ?? [])].sort(byStart);
          const live = all.filter((booking) => isLiveStatus(booking.status));
          const gone = all.filter((booking) => !isLiveStatus(booking.status));
          const headingId = `today-${practitioner.slug}`;
          return (
            <section key={practitioner.slug} aria-labelledby={headingId} className="flex flex-col gap-3">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <h2 id={headingId} className="text-2xl font-bold">
                  {frontDesk ? practitioner.name : "Your appointments"}
                </h2>
                <p className="text-ink-600">{hoursText(day)}</p>
              </div>
              {live.length === 0 ? (
                <p className="rounded-xl border border-dashed border-sand-300 bg-white px-4 py-5 text-ink-700">No appointments today</p>
              ) : (
                <BookingRows bookings={live} now={now} />
              )}
              {gone.length > 0 ? (
                <details className="rounded-xl border border-sand-200 bg-white/60 px-4 py-2 text-ink-700">
                  <summary className="min-h-11 content-center font-semibold">
                    {gone.length} cancelled or declined
                  </summary>
                  <div className="pb-2">
                    <BookingRows bookings={gone} now={now} />
                  </div>
                </details>
              ) : null}
            </section>
          );
        })
      )}
    </div>
  );
}

function BookingRows({ bookings, now }: { bookings: StaffBookingDto[]; now: number }) {
  return (
    <ol className="divide-y divide-sand-200 overflow-hidden rounded-xl border border-sand-300 bg-white shadow-(--shadow-card)">
      {bookings.map((booking) => {
        const live = isLiveStatus(booking.status);
        const past = Date.parse(booking.end) <= now;
        return (
          <li key={booking.id}>
            <Link
              href={`/staff/bookings/${encodeURIComponent(booking.id)}`}
              prefetch={false}
              className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-1 px-4 py-3 text-ink-900 no-underline hover:bg-brand-50 sm:grid-cols-[7.5rem_1fr_auto]"
            >
              <span className={`font-semibold tabular-nums ${past && live ? "text-ink-600" : ""}`}>{timeRange(booking.start, booking.end)}</span>
              <span className="min-w-0">
                <span className={`block font-semibold ${live ? "" : "text-ink-600 line-through"}`}>{booking.patient.name}</span>
                <span className="block text-sm text-ink-600">{booking.serviceName}</span>
              </span>
              <span className="col-start-2 sm:col-start-auto">
                <StatusBadge status={booking.status} />
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
