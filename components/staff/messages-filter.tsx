/**
 * The status filter of the Messages page as plain links (`?status=`), so a filtered view can be
 * bookmarked, shared and opened in a new tab, and works before the page's script has loaded.
 * Server-safe.
 */
import Link from "next/link";
import { MESSAGE_FILTERS, type MessageStatus } from "./messages-status";

export function MessagesFilter({ current, failedCount }: { current: MessageStatus | undefined; failedCount: number }) {
  return (
    <nav aria-label="Filter messages by status">
      <ul className="flex flex-wrap gap-2">
        {MESSAGE_FILTERS.map((filter) => {
          const active = (filter.value ?? undefined) === current;
          const href = filter.value ? `/staff/messages?status=${filter.value}` : "/staff/messages";
          return (
            <li key={filter.label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-2 rounded-full px-4 font-semibold no-underline ring-1 ring-inset transition-colors ${
                  active ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-brand-800 ring-sand-300 hover:bg-brand-50 hover:ring-brand-600"
                }`}
              >
                {filter.label}
                {/* A real space, so the accessible name reads "Failed (3)"; flex layout ignores it. */}
                {filter.value === "failed" && failedCount > 0 ? " " : null}
                {filter.value === "failed" && failedCount > 0 ? (
                  <span
                    className={`inline-flex min-w-6 items-center justify-center rounded-full px-1.5 text-xs leading-5 font-bold tabular-nums ${
                      active ? "bg-white text-red-800" : "bg-red-600 text-white"
                    }`}
                  >
                    <span className="sr-only">(</span>
                    {failedCount}
                    <span className="sr-only">)</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
