"use client";

/**
 * The staff area's section links. A client component only to mark the current section
 * (aria-current) from the URL; the layout decides which links a role gets and passes plain data.
 * The links wrap onto extra rows on narrow screens rather than hiding behind a menu: there are at
 * most eight, and staff switch between them all day.
 */
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { Spinner } from "@/components/ui/spinner";

export type StaffNavItem = {
  href: string;
  label: string;
  /** A count shown beside the label (pending requests); omitted or 0 shows nothing. */
  count?: number;
  /** Spoken after the count, e.g. "waiting". */
  countLabel?: string;
  /** "alert" (red) for counts that mean something broke (failed emails); default amber = work waiting. */
  tone?: "waiting" | "alert";
};

const COUNT_TONE: Record<NonNullable<StaffNavItem["tone"]>, string> = {
  waiting: "bg-amber-300 text-amber-950",
  alert: "bg-red-600 text-white ring-1 ring-white/70",
};

function isCurrent(pathname: string, href: string): boolean {
  // "/staff" is only current on itself, or every page would light up "Today"; other sections
  // match their sub-pages by whole segments ("/staff/book" must not match "/staff/bookings/...").
  if (href === "/staff") return pathname === "/staff";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A spinner on the clicked link until the page arrives: most staff pages have no loading.tsx (so
 * that they can answer 404 properly), which would otherwise leave a slow click looking dead.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner label="Loading" /> : null;
}

export function StaffNav({ items, className = "" }: { items: StaffNavItem[]; className?: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Staff" className={className}>
      <ul className="flex flex-wrap gap-x-1 gap-y-0.5">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-2 rounded-lg px-2.5 text-[0.9375rem] sm:px-3 font-semibold whitespace-nowrap no-underline transition-colors ${
                  current ? "bg-white text-brand-900 shadow-sm" : "text-brand-50 hover:bg-white/12 hover:text-white"
                }`}
              >
                {item.label}
                {/* A real space, so the accessible name reads "Requests (4 waiting)"; flex layout ignores it. */}
                {item.count ? " " : null}
                {item.count ? (
                  <span
                    className={`inline-flex min-w-6 items-center justify-center rounded-full px-1.5 text-xs leading-5 font-bold tabular-nums ${COUNT_TONE[item.tone ?? "waiting"]}`}
                  >
                    <span className="sr-only">(</span>
                    {item.count}
                    <span className="sr-only"> {item.countLabel ?? ""})</span>
                  </span>
                ) : null}
                <PendingMark />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
