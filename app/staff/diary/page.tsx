import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage, seesEveryDiary } from "@/lib/auth/guards";
import { getDiary, listPractitioners } from "@/lib/bookings/staff";
import { firstSearchParam } from "@/lib/http/page-input";
import { formatLondonLongDate, londonDateOf, londonDatesBetween, londonWallTimeToInstant, londonZoneLabel, type LondonDate } from "@/lib/time/london";
import { FIRST_YEAR, LAST_YEAR, isLondonDate } from "@/lib/validation/primitives";
import { DiaryGrid } from "@/components/staff/diary-grid";
import { DiaryList } from "@/components/staff/diary-list";
import { ALL_PRACTITIONERS, diaryHref, diaryRange, parseDiaryQuery } from "@/components/staff/diary-params";
import { isLiveStatus } from "@/components/staff/diary-status";
import { DiaryKey, DiaryToolbar } from "@/components/staff/diary-toolbar";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Diary" };

type DiaryPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * "Times are UK time (GMT)", or, for the week the clocks change, when each label applies, so
 * nobody wonders whether a Monday 10:00 and a following Monday 10:00 are the same clock.
 */
function zoneNote(dates: LondonDate[]): string {
  const labels = dates.map((date) => ({ date, label: londonZoneLabel(londonWallTimeToInstant(date, 12 * 60)) }));
  const first = labels[0];
  const change = labels.find((entry) => entry.label !== first?.label);
  if (!first || !change) return `Times are UK time (${first?.label ?? "GMT"}).`;
  return `Times are UK time: ${first.label} until the clocks change on ${formatLondonLongDate(change.date)}, then ${change.label}.`;
}

export default async function DiaryPage({ searchParams }: DiaryPageProps) {
  const staff = await requireStaffPage();
  const params = await searchParams;
  const now = new Date().getTime();
  const today = londonDateOf(now);
  const frontDesk = seesEveryDiary(staff);
  const choices = frontDesk ? await listPractitioners() : null;
  const query = parseDiaryQuery(params, today, choices ? choices.map((choice) => choice.slug) : null, frontDesk ? null : staff.practitionerSlug);
  const { from, to } = diaryRange(query);
  const diary = await getDiary(staff, {
    from,
    to,
    ...(frontDesk && query.practitioner !== ALL_PRACTITIONERS ? { practitioner: query.practitioner } : {}),
  });

  const dates = londonDatesBetween(from, to);
  const bookings = diary.practitioners.flatMap((practitioner) => practitioner.days.flatMap((day) => day.bookings));
  const live = bookings.filter((booking) => isLiveStatus(booking.status));
  const requests = live.filter((booking) => booking.status === "requested").length;
  const period = query.view === "day" ? (query.date === today ? "today" : "on this day") : "this week";
  const rangeTitle = query.view === "day" ? formatLondonLongDate(query.date) : `Week of ${formatLondonLongDate(from)}`;
  const chosen = choices?.find((choice) => choice.slug === query.practitioner);
  const whose = frontDesk ? (chosen ? `${chosen.name}’s diary` : "All diaries") : "Your diary";
  const dayHrefs =
    query.view === "week" ? Object.fromEntries(dates.map((date) => [date, diaryHref({ ...query, view: "day", date }, frontDesk)])) : null;

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">Diary</h1>
        <p className="text-lg font-semibold text-ink-900">
          {rangeTitle} <span className="font-normal text-ink-600">· {whose}</span>
        </p>
        <p className="text-ink-700">
          {zoneNote(dates)}{" "}
          {live.length === 0 ? null : (
            <>
              {live.length} {live.length === 1 ? "appointment" : "appointments"} {period}
              {requests > 0 ? (
                <>
                  {", "}
                  <Link href="/staff/requests" className="font-semibold text-brand-700 underline hover:text-brand-900">
                    {requests} waiting for confirmation
                  </Link>
                </>
              ) : null}
              .
            </>
          )}
        </p>
      </header>

      <DiaryToolbar query={query} today={today} choices={choices} />

      {firstSearchParam(params.date) !== undefined && !isLondonDate(firstSearchParam(params.date)) ? (
        <Alert tone="warning" role="status" title="That date cannot be shown">
          The diary shows real dates from {FIRST_YEAR} to {LAST_YEAR}, so here is the current {query.view === "day" ? "day" : "week"} instead.
        </Alert>
      ) : null}

      {diary.practitioners.length === 0 ? (
        <Alert tone="info" role="note" title="There is no diary to show">
          This account is not linked to a practitioner. Please ask the clinic admin to check it.
        </Alert>
      ) : (
        <>
          {live.length === 0 ? (
            <Alert tone="info" role="note" title={`No appointments ${period}`}>
              {bookings.length > 0 ? "Only cancelled or declined bookings, shown faded below." : null}
            </Alert>
          ) : null}
          <DiaryKey className="hidden md:flex" />
          <div className="hidden md:block">
            <DiaryGrid
              practitioners={diary.practitioners}
              dates={dates}
              dayHrefs={dayHrefs}
              today={today}
              now={now}
              label={`${whose}, ${rangeTitle}`}
            />
          </div>
          <div className="md:hidden">
            <DiaryList practitioners={diary.practitioners} dates={dates} today={today} showPractitionerNames={diary.practitioners.length > 1} />
          </div>
        </>
      )}
    </div>
  );
}
