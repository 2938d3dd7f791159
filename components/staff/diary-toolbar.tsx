/**
 * Diary controls: previous / today / next, day or week, whose diary, and a jump to any date.
 * All plain links and a GET form, so they work before (or without) JavaScript, with the keyboard,
 * and the browser's back button steps back through what was viewed.
 * Server-safe (no hooks).
 */
import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ALL_PRACTITIONERS, diaryHref, shiftQuery, type DiaryQuery } from "./diary-params";

type DiaryToolbarProps = {
  query: DiaryQuery;
  today: string;
  /** Practitioners the viewer may switch between; null hides the filter (practitioners). */
  choices: { slug: string; name: string }[] | null;
};

const segmentGroup = "inline-flex overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-sand-300 ring-inset";
const segment =
  "inline-flex min-h-11 items-center justify-center gap-1.5 px-3.5 text-[0.9375rem] font-semibold whitespace-nowrap no-underline " +
  "border-l border-sand-300 first:border-l-0 focus-visible:relative focus-visible:z-10";
const segmentIdle = "text-ink-900 hover:bg-brand-50";
const segmentActive = "bg-brand-700 text-white hover:bg-brand-800";

function Segment({ href, active, children }: { href: string; active?: boolean; children: ReactNode }) {
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={`${segment} ${active ? segmentActive : segmentIdle}`}>
      {children}
    </Link>
  );
}

function Arrow({ direction }: { direction: "left" | "right" }) {
  return (
    <svg className="size-5" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {direction === "left" ? <path d="m12 5-5 5 5 5" /> : <path d="m8 5 5 5-5 5" />}
    </svg>
  );
}

export function DiaryToolbar({ query, today, choices }: DiaryToolbarProps) {
  const withPractitioner = choices !== null;
  const href = (q: DiaryQuery) => diaryHref(q, withPractitioner);
  const unit = query.view === "day" ? "day" : "week";

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
      <div role="group" aria-label="Move through the diary" className={segmentGroup}>
        <Segment href={href(shiftQuery(query, -1))}>
          <Arrow direction="left" />
          Previous<span className="sr-only"> {unit}</span>
        </Segment>
        <Segment href={href({ ...query, date: today })}>Today</Segment>
        <Segment href={href(shiftQuery(query, 1))}>
          Next<span className="sr-only"> {unit}</span>
          <Arrow direction="right" />
        </Segment>
      </div>

      <div role="group" aria-label="View" className={segmentGroup}>
        <Segment href={href({ ...query, view: "day" })} active={query.view === "day"}>
          Day
        </Segment>
        <Segment href={href({ ...query, view: "week" })} active={query.view === "week"}>
          Week
        </Segment>
      </div>

      {choices ? (
        <div role="group" aria-label="Practitioner" className={`${segmentGroup} max-w-full overflow-x-auto`}>
          <Segment href={href({ ...query, practitioner: ALL_PRACTITIONERS })} active={query.practitioner === ALL_PRACTITIONERS}>
            All<span className="sr-only"> practitioners</span>
          </Segment>
          {choices.map((choice) => (
            <Segment key={choice.slug} href={href({ ...query, practitioner: choice.slug })} active={query.practitioner === choice.slug}>
              {choice.name}
            </Segment>
          ))}
        </div>
      ) : null}

      {/* A GET form: submitting it is just another diary URL, no JavaScript needed. */}
      <form action="/staff/diary" method="get" className="flex items-center gap-2">
        <input type="hidden" name="view" value={query.view} />
        {withPractitioner && query.practitioner !== ALL_PRACTITIONERS ? <input type="hidden" name="practitioner" value={query.practitioner} /> : null}
        <label htmlFor="diary-jump" className="text-sm font-semibold text-ink-700">
          Go to date
        </label>
        <input
          id="diary-jump"
          type="date"
          name="date"
          defaultValue={query.date}
          required
          className="min-h-11 rounded-lg border border-ink-400 bg-white px-2.5 text-base text-ink-900 hover:border-ink-600"
        />
        <Button type="submit" variant="secondary" className="px-4!">
          Go
        </Button>
      </form>
    </div>
  );
}

/** The colour key. Each swatch repeats the style used in the grid, and every entry is also a word. */
export function DiaryKey({ className = "" }: { className?: string }) {
  const items: { label: string; swatch: string; style?: CSSProperties }[] = [
    { label: "Request (not yet confirmed)", swatch: "border-2 border-dashed border-amber-600 bg-amber-50" },
    { label: "Confirmed", swatch: "border border-brand-800 bg-brand-700" },
    { label: "Attended or no-show", swatch: "border border-sand-300 bg-sand-200" },
    { label: "Cancelled or declined", swatch: "border border-dashed border-ink-300 bg-white" },
    { label: "Time off", swatch: "border border-indigo-300 bg-indigo-50" },
    {
      label: "Outside hours or break",
      swatch: "border border-sand-300",
      style: {
        backgroundColor: "#f1eee8",
        backgroundImage: "repeating-linear-gradient(135deg, transparent 0 3px, rgb(125 137 133 / 0.35) 3px 4px)",
      },
    },
  ];
  return (
    <ul aria-label="Key" className={`flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-ink-700 ${className}`}>
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3.5 w-5 rounded-sm ${item.swatch}`} style={item.style} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
