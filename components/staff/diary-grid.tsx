/**
 * The diary as a time grid: one column per practitioner per day, rows every 30 minutes over the
 * working hours in view. Working time is white; outside hours and breaks are grey hatched; time
 * off is a labelled band; bookings are links positioned by their start and end.
 *
 * For screen readers and keyboard users the visual grid is secondary: each column is a labelled
 * group ("Tuesday 3 March 2026, Sally") holding a sentence about the working hours and a list of
 * booking links in time order, so Tab walks the day in order and every link says what it is.
 * Server-safe (no hooks); used from md (768px) up, the list view below that.
 */
import Link from "next/link";
import type { CSSProperties } from "react";
import { formatLondonLongDate, formatLondonTime, isoWeekdayOf, type LondonDate } from "@/lib/time/london";
import { PX_PER_MINUTE, formatSpans, gridRange, layoutLanes, minuteOnDate, place, spanOnDate, type MinuteSpan } from "./diary-geometry";
import { STATUS_META, bookingLabel, isLiveStatus, timeRange } from "./diary-status";
import type { BookingStatus, DiaryDay, DiaryPractitioner, StaffBookingDto } from "./diary-types";

const WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

const BLOCK_STYLE: Record<BookingStatus, string> = {
  requested: "border-2 border-dashed border-amber-600 bg-amber-50 text-amber-950 hover:bg-amber-100",
  confirmed: "border border-brand-800 bg-brand-700 text-white hover:bg-brand-800",
  attended: "border border-sand-300 bg-sand-200 text-ink-700 hover:bg-sand-300",
  no_show: "border border-sand-300 bg-sand-200 text-ink-700 hover:bg-sand-300",
  cancelled: "border border-dashed border-ink-300 bg-white/85 text-ink-500 hover:bg-white",
  declined: "border border-dashed border-ink-300 bg-white/85 text-ink-500 hover:bg-white",
};

// Outside hours and breaks: fine grey diagonal hatching, so "not bookable" reads without colour.
const HATCH: CSSProperties = {
  backgroundColor: "#f1eee8",
  backgroundImage: "repeating-linear-gradient(135deg, transparent 0 7px, rgb(125 137 133 / 0.22) 7px 8px)",
};

// Hour lines solid, half-hour lines fainter; drawn over the working-hours blocks.
const RULES: CSSProperties = {
  backgroundImage:
    "linear-gradient(to bottom, rgb(217 204 183 / 0.9) 1px, transparent 1px), linear-gradient(to bottom, rgb(233 225 211 / 0.8) 1px, transparent 1px)",
  backgroundSize: `100% ${60 * PX_PER_MINUTE}px, 100% ${30 * PX_PER_MINUTE}px`,
};

const TIME_OFF: CSSProperties = {
  backgroundImage: "repeating-linear-gradient(45deg, transparent 0 10px, rgb(99 102 241 / 0.10) 10px 20px)",
};

export type DiaryGridProps = {
  practitioners: DiaryPractitioner[];
  dates: LondonDate[];
  /** Each date's day-view link (the column headers link there in the week view). */
  dayHrefs: Record<LondonDate, string> | null;
  today: LondonDate;
  /** The current instant (ms), for the "now" line in today's column. */
  now: number;
  label: string;
};

function emptyDay(date: LondonDate): DiaryDay {
  return { date, working: [], breaks: [], timeOff: [], bookings: [] };
}

function dayOf(practitioner: DiaryPractitioner, date: LondonDate): DiaryDay {
  return practitioner.days.find((day) => day.date === date) ?? emptyDay(date);
}

function dayMonth(date: LondonDate): { weekday: string; day: number; rest: string } {
  const long = formatLondonLongDate(date); // "Tuesday 3 March 2026"
  const [, day = "", month = "", year = ""] = long.split(" ");
  return { weekday: WEEKDAY_SHORT[isoWeekdayOf(date) - 1] ?? "", day: Number(day), rest: `${month} ${year}` };
}

export function DiaryGrid({ practitioners, dates, dayHrefs, today, now, label }: DiaryGridProps) {
  const allDays = practitioners.flatMap((practitioner) => dates.map((date) => dayOf(practitioner, date)));
  const range = gridRange(allDays);
  const height = (range.end - range.start) * PX_PER_MINUTE;
  const perDay = Math.max(1, practitioners.length);
  const isDayView = dates.length === 1;
  // Narrowest readable column: a name and a time in 12px text. Wider grids scroll sideways
  // inside their own box instead of squeezing the blocks unreadable.
  const minColumn = isDayView ? 200 : perDay > 1 ? 78 : 96;
  const hours: number[] = [];
  for (let minute = range.start; minute < range.end; minute += 60) hours.push(minute);

  return (
    <div
      role="region"
      aria-label={label}
      className="relative max-h-[max(30rem,calc(100dvh-6rem))] scroll-pt-24 scroll-pl-14 overflow-auto rounded-xl border border-sand-300 bg-white shadow-(--shadow-card)"
    >
      <div className="grid" style={{ gridTemplateColumns: `3.5rem repeat(${dates.length}, minmax(${minColumn * perDay}px, 1fr))` }}>
        {/* Header row: sticks to the top of the scroll box so the day stays visible. */}
        <div aria-hidden="true" className="sticky top-0 left-0 z-30 border-r border-b border-sand-300 bg-white" />
        {dates.map((date) => {
          const { weekday, day, rest } = dayMonth(date);
          const isToday = date === today;
          const dateText = (
            <>
              <span className="text-xs font-semibold tracking-wider text-ink-600 uppercase">{weekday}</span>{" "}
              <span
                className={`inline-flex size-8 items-center justify-center rounded-full text-lg font-bold tabular-nums ${
                  isToday ? "bg-brand-700 text-white" : "text-ink-900"
                }`}
              >
                {day}
              </span>
              <span className={isDayView ? "text-sm font-semibold text-ink-700" : "sr-only"}> {rest}</span>
              {isToday ? <span className="sr-only">, today</span> : null}
            </>
          );
          const href = dayHrefs?.[date];
          return (
            <div key={date} className={`sticky top-0 z-20 border-b border-l border-sand-300 ${isToday ? "bg-brand-50" : "bg-white"}`}>
              {href ? (
                <Link
                  href={href}
                  className="flex min-h-12 items-center justify-center gap-1.5 px-1 text-center text-ink-900 no-underline hover:bg-brand-100/60"
                >
                  {dateText}
                  <span className="sr-only">, open day view</span>
                </Link>
              ) : (
                <p className="flex min-h-12 items-center justify-center gap-1.5 px-1">{dateText}</p>
              )}
              {perDay > 1 || isDayView ? (
                <div aria-hidden="true" className="flex border-t border-sand-200">
                  {practitioners.map((practitioner) => (
                    <span
                      key={practitioner.slug}
                      className={`min-w-0 flex-1 truncate border-l border-sand-200 px-1 py-1 text-center font-semibold first:border-l-0 ${
                        isDayView ? "text-base text-ink-900" : "text-xs text-ink-700"
                      }`}
                    >
                      {practitioner.name}
                    </span>
                  ))}
                </div>
              ) : null}
            </div>
          );
        })}

        {/* Time gutter: sticks to the left when the grid scrolls sideways. */}
        <div aria-hidden="true" className="sticky left-0 z-20 border-r border-sand-300 bg-white" style={{ height }}>
          {hours.map((minute, index) => (
            <span
              key={minute}
              className={`absolute right-1.5 text-xs font-medium text-ink-600 tabular-nums ${index === 0 ? "" : "-translate-y-1/2"}`}
              style={{ top: (minute - range.start) * PX_PER_MINUTE + (index === 0 ? 2 : 0) }}
            >
              {`${String(Math.floor(minute / 60)).padStart(2, "0")}:00`}
            </span>
          ))}
        </div>

        {dates.map((date) => (
          <div key={date} className="flex border-l border-sand-300">
            {practitioners.map((practitioner) => (
              <DiaryColumn
                key={practitioner.slug}
                day={dayOf(practitioner, date)}
                practitionerName={practitioner.name}
                range={range}
                height={height}
                nowMinute={date === today ? minuteOnDate(new Date(now).toISOString(), date) : null}
                compact={!isDayView && perDay > 1}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function DiaryColumn({
  day,
  practitionerName,
  range,
  height,
  nowMinute,
  compact,
}: {
  day: DiaryDay;
  practitionerName: string;
  range: MinuteSpan;
  height: number;
  nowMinute: number | null;
  /** Narrow columns: shorten names (the link's accessible name and tooltip keep the full one). */
  compact: boolean;
}) {
  const bookings = layoutLanes(
    day.bookings.map((booking) => ({
      item: booking,
      span: spanOnDate(booking, day.date),
      priority: isLiveStatus(booking.status) ? 0 : 1,
    })),
  );
  const working = day.working.map((interval) => place(spanOnDate(interval, day.date), range)).filter((p) => p !== null);
  const breaks = day.breaks.map((interval) => place(spanOnDate(interval, day.date), range)).filter((p) => p !== null);
  const notWorking = day.working.length === 0;
  const summary = notWorking
    ? day.timeOff.length > 0
      ? "Time off."
      : "Not working."
    : `Working ${formatSpans(day.working)}.`;
  const nowTop = nowMinute !== null && nowMinute >= range.start && nowMinute <= range.end ? (nowMinute - range.start) * PX_PER_MINUTE : null;

  return (
    <div
      role="group"
      aria-label={`${formatLondonLongDate(day.date)}, ${practitionerName}`}
      className="relative min-w-0 flex-1 border-l border-sand-200 first:border-l-0"
      style={{ ...HATCH, height }}
    >
      {working.map((box, index) => (
        <div key={index} aria-hidden="true" className="absolute inset-x-0 bg-white" style={box} />
      ))}
      <div aria-hidden="true" className="pointer-events-none absolute inset-0" style={RULES} />
      {breaks.map((box, index) =>
        box.height >= 18 ? (
          <span key={index} aria-hidden="true" className="absolute left-1.5 text-[0.6875rem] font-medium text-ink-500" style={{ top: box.top + 2 }}>
            Break
          </span>
        ) : null,
      )}
      {notWorking && day.timeOff.length === 0 ? (
        <p aria-hidden="true" className="absolute inset-x-0 top-3 px-1 text-center text-xs font-medium text-ink-600">
          Not working
        </p>
      ) : null}

      <p className="sr-only">
        {summary} {day.bookings.length === 0 ? "No appointments." : ""}
      </p>

      {day.timeOff.map((off, index) => {
        const box = place(spanOnDate(off, day.date), range);
        if (!box) return null;
        return (
          <div
            key={index}
            className="absolute inset-x-0 z-[5] overflow-hidden border-y border-indigo-300 bg-indigo-50/95 px-1.5 py-1 text-xs text-indigo-950"
            style={{ ...TIME_OFF, top: box.top, height: box.height }}
          >
            <p className="font-semibold">Time off</p>
            {off.reason ? <p className="truncate">{off.reason}</p> : null}
            <p className="sr-only">{formatSpans([off])}</p>
          </div>
        );
      })}

      {bookings.length > 0 ? (
        <ul className="pointer-events-none absolute inset-0 z-10">
          {bookings.map(({ item, span, left, width }) => {
            const box = place(span, range);
            if (!box) return null;
            return (
              <li
                key={item.id}
                className="pointer-events-auto absolute px-0.5 pt-px pb-0.5 focus-within:z-20"
                style={{ top: box.top, height: Math.max(box.height, 24), left: `${left * 100}%`, width: `${width * 100}%` }}
              >
                <BookingBlock booking={item} tall={box.height >= 40} compact={compact} />
              </li>
            );
          })}
        </ul>
      ) : null}

      {nowTop !== null ? (
        <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 z-[15] border-t-2 border-red-600" style={{ top: nowTop }}>
          <span className="absolute -top-[5px] -left-[4px] size-2 rounded-full bg-red-600" />
        </div>
      ) : null}
    </div>
  );
}

/** "Alexandra Patient" -> "Alexandra P.": in the narrow all-practitioners week a full name never fits. */
function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name;
  return `${parts[0]} ${(parts[parts.length - 1] ?? "").charAt(0)}.`;
}

function BookingBlock({ booking, tall, compact }: { booking: StaffBookingDto; tall: boolean; compact: boolean }) {
  const meta = STATUS_META[booking.status];
  const live = isLiveStatus(booking.status);
  const time = formatLondonTime(Date.parse(booking.start));
  // Columns can be under 80px wide, so the name leads (it is what staff scan for) and the second
  // line starts with whatever matters most for the status; the time is also the block's position.
  const detail = compact
    ? booking.status === "confirmed"
      ? `${time} · ${booking.serviceName}`
      : `${meta.label} · ${time}`
    : booking.status === "confirmed"
      ? `${timeRange(booking.start, booking.end)} · ${booking.serviceName}`
      : `${meta.label} · ${timeRange(booking.start, booking.end)} · ${booking.serviceName}`;
  return (
    <Link
      href={`/staff/bookings/${encodeURIComponent(booking.id)}`}
      prefetch={false}
      aria-label={bookingLabel(booking)}
      title={`${timeRange(booking.start, booking.end)} ${booking.patient.name} · ${booking.serviceName} · ${meta.label}`}
      className={`block h-full overflow-hidden rounded-md px-1.5 py-0.5 text-xs leading-[1.05rem] no-underline shadow-xs ${BLOCK_STYLE[booking.status]}`}
    >
      <span className={`block truncate font-semibold ${live ? "" : "line-through"}`}>{compact ? shortName(booking.patient.name) : booking.patient.name}</span>
      {tall ? <span className={`block truncate ${booking.status === "requested" ? "font-bold" : ""}`}>{detail}</span> : null}
    </Link>
  );
}
