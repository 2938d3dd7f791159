import type { Metadata } from "next";
import Link from "next/link";
import { requireRolePage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  {
    id: "accounts",
    href: "/staff/admin/accounts",
    title: "Staff accounts",
    text: "Add people, change their role, disable an account or set a new password.",
  },
  {
    id: "services",
    href: "/staff/admin/services",
    title: "Services and prices",
    text: "Names, descriptions, appointment lengths and “from” prices, and which services patients can book online.",
  },
  {
    id: "settings",
    href: "/staff/admin/settings",
    title: "Clinic settings",
    text: "The clinic’s address and contact details, and the booking rules: notice, how far ahead, change cut-off, reminders.",
  },
] as const;

export default async function AdminPage() {
  await requireRolePage("admin");

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
        <p className="mt-2 text-lg text-ink-700">Settings only the clinic admin can change. Changes apply at once.</p>
      </header>
      <ul className="grid gap-4 md:grid-cols-3">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            {/* The whole card is the link, so the target is large; its name is the title, the text its description. */}
            <Link
              href={section.href}
              aria-labelledby={`admin-${section.id}-title`}
              aria-describedby={`admin-${section.id}-text`}
              className="group flex h-full flex-col gap-2 rounded-(--radius-card) border border-sand-200 bg-white p-5 no-underline shadow-(--shadow-card) transition-colors hover:border-brand-400 hover:bg-brand-50 sm:p-6"
            >
              <span className="flex items-center justify-between gap-2 text-xl font-bold text-brand-800 group-hover:underline">
                <span id={`admin-${section.id}-title`}>{section.title}</span>
                <svg className="size-5 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
                  <path fillRule="evenodd" d="M7.2 4.7a.9.9 0 0 1 1.3 0l4.6 4.7a.9.9 0 0 1 0 1.2l-4.6 4.7a.9.9 0 1 1-1.3-1.3l4-4-4-4a.9.9 0 0 1 0-1.3Z" clipRule="evenodd" />
                </svg>
              </span>
              <span id={`admin-${section.id}-text`} className="text-ink-700">
                {section.text}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
