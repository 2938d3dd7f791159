/**
 * For reception and admin: which practitioner's schedule is open, and links to the others.
 * Server-safe.
 */
import Link from "next/link";

export function SchedulePractitionerNav({ practitioners, current }: { practitioners: { slug: string; name: string }[]; current: string | null }) {
  return (
    <nav aria-label="Practitioners">
      <ul className="flex flex-wrap gap-2">
        {practitioners.map((p) => {
          const active = p.slug === current;
          return (
            <li key={p.slug}>
              <Link
                href={`/staff/schedule/${encodeURIComponent(p.slug)}`}
                aria-current={active ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-xl px-5 font-semibold ${
                  active ? "bg-brand-700 text-white" : "bg-white text-brand-800 ring-1 ring-brand-600/50 ring-inset hover:bg-brand-50"
                }`}
              >
                {p.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
