/**
 * The diary as a plain list, one section per day: what phones (below 768px) get instead of the
 * time grid, which cannot fit seven columns in 375px. Same data, same links, same names.
 * Server-safe (no hooks).
 */
import Link from "next/link";
import { formatLondonLongDate, type LondonDate } from "@/lib/time/london";
import { formatSpans } from "./diary-geometry";
import { StatusBadge, bookingLabel, isLiveStatus, timeRange } from "./diary-status";
import type { DiaryDay, DiaryPractitioner } from "./diary-types";

export type DiaryListProps = {
  practitioners: DiaryPractitioner[];
  dates: LondonDate[];
  today: LondonDate;
  /** Reception sees several diaries, so each gets its name; a practitioner sees only their own. */
  showPractitionerNames: boolean;
};

function dayOf(practitioner: DiaryPractitioner, date: LondonDate): DiaryDay {
  return practitioner.days.find((day) => day.date === date) ?? { date, working: [], breaks: [], timeOff: [], bookings: [] };
}

function hoursText(day: DiaryDay): string {
  const parts: string[] = [];
  parts.push(day.working.length > 0 ? `Working ${formatSpans(day.working)}` : "Not working");
  for (const off of day.timeOff) parts.push(`Time off ${formatSpans([off])}${off.reason ? ` (${off.reason})` : ""}`);
  return parts.join(" · ");
}

export function DiaryList({ practitioners, dates, today, showPractitionerNames }: DiaryListProps) {
  return (
    <div className="flex flex-col gap-4">
      {dates.map((date) => {
        const headingId = `diary-list-${date}`;
        return (
          <section key={date} aria-labelledby={headingId} className="rounded-xl border border-sand-300 bg-white shadow-(--shadow-card)">
            <h2 id={headingId} className={`rounded-t-xl border-b border-sand-200 px-4 py-3 text-lg font-bold ${date === today ? "bg-brand-50" : ""}`}>
              {formatLondonLongDate(date)}
              {date === today ? <span className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 align-middle text-xs font-semibold text-white">Today</span> : null}
            </h2>
            <div className="divide-y divide-sand-200">
              {practitioners.map((practitioner) => {
                const day = dayOf(practitioner, date);
                const bookings = [...day.bookings].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
                return (
                  <div key={practitioner.slug} className="px-4 py-3">
                    {showPractitionerNames ? <h3 className="font-bold">{practitioner.name}</h3> : null}
                    <p className="text-sm text-ink-600">{hoursText(day)}</p>
                    {bookings.length === 0 ? (
                      <p className="mt-1 text-sm text-ink-600 italic">No appointments</p>
                    ) : (
                      <ul className="mt-2 flex flex-col gap-1.5">
                        {bookings.map((booking) => {
                          const live = isLiveStatus(booking.status);
                          return (
                            <li key={booking.id}>
                              <Link
                                href={`/staff/bookings/${encodeURIComponent(booking.id)}`}
                                prefetch={false}
                                aria-label={bookingLabel(booking)}
                                className={`block rounded-lg px-3 py-2 no-underline hover:bg-brand-50 ${
                                  booking.status === "requested" ? "border-2 border-dashed border-amber-600 bg-amber-50" : "border border-sand-300"
                                } ${live ? "text-ink-900" : "text-ink-500"}`}
                              >
                                <span className="flex items-center justify-between gap-3">
                                  <span className="font-semibold tabular-nums">{timeRange(booking.start, booking.end)}</span>
                                  <StatusBadge status={booking.status} />
                                </span>
                                <span className={`block font-semibold ${live ? "" : "line-through"}`}>{booking.patient.name}</span>
                                <span className="block text-sm text-ink-600">{booking.serviceName}</span>
                              </Link>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
