import type { Metadata } from "next";
import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { getCurrentStaff, seesEveryDiary, type StaffUser } from "@/lib/auth/guards";
import { listPendingRequests } from "@/lib/bookings/staff";
import { countFailedMessages } from "@/lib/email/messages";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { StaffNav, type StaffNavItem } from "@/components/staff/staff-nav";

export const metadata: Metadata = {
  title: { template: "%s · Staff · Victoria House Clinic", default: "Staff area · Victoria House Clinic" },
  robots: { index: false, follow: false },
};

const ROLE_LABEL: Record<StaffUser["role"], string> = {
  practitioner: "Practitioner",
  receptionist: "Receptionist",
  admin: "Admin",
};

/**
 * The badges are a convenience: if a count cannot be loaded the page itself must still render,
 * so a failure shows no badge rather than the error page.
 */
async function safeCount(label: string, load: () => Promise<number>): Promise<number | null> {
  try {
    return await load();
  } catch (error) {
    unstable_rethrow(error);
    console.error(`staff layout: could not count ${label}`, error);
    return null;
  }
}

function StaffMark() {
  return (
    <svg className="size-9 shrink-0" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <rect width="36" height="36" rx="10" className="fill-white/15" />
      <path d="M11 27V17a7 7 0 0 1 14 0v10" fill="none" stroke="white" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M8 27h20" stroke="white" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="18" cy="12.5" r="1.6" className="fill-brand-200" />
    </svg>
  );
}

/** The clinic name as the way back to "Today"; on a phone only the mark and "Staff" fit beside Sign out. */
function HomeLink() {
  return (
    <Link
      href="/staff"
      aria-label="Victoria House Clinic staff area"
      className="-mx-1 flex min-h-11 shrink-0 items-center gap-2.5 rounded-lg px-1 text-white no-underline"
    >
      <StaffMark />
      <span className="hidden font-bold tracking-tight whitespace-nowrap sm:inline">Victoria House Clinic</span>
      <span className="rounded-md bg-white/15 px-2 py-1 text-xs font-bold tracking-[0.14em] text-white uppercase">Staff</span>
    </Link>
  );
}

const headerClass = "border-b border-brand-950 bg-brand-900 text-white [--focus-ring:var(--color-focus-on-dark)]";
const barClass = "mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-5 sm:px-6";

/**
 * The staff frame: a compact dark header (clinic name, the sections, who is signed in, Sign out)
 * and the page's <main>. No patient header or footer: staff have no use for "Book a free
 * consultation". It is NOT an access check: layouts are not re-run on every navigation, so each
 * page calls requireStaffPage() itself. Signed out (the login page) the header has no sections.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await getCurrentStaff();
  const main = (
    <main id="main" tabIndex={-1} className="flex-1 outline-none">
      <div className="mx-auto w-full max-w-[96rem] px-4 py-6 sm:px-6 sm:py-8">{children}</div>
    </main>
  );

  if (!staff) {
    return (
      <div className="flex flex-1 flex-col bg-sand-100/70">
        <header className={headerClass}>
          <div className={barClass}>
            <HomeLink />
            <Link
              href="/"
              className="ml-auto inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-brand-50 underline hover:text-white"
            >
              Patient website
            </Link>
          </div>
        </header>
        {main}
      </div>
    );
  }

  const frontDesk = seesEveryDiary(staff);
  const [pending, failed] = await Promise.all([
    safeCount("pending requests", async () => (await listPendingRequests(staff)).length),
    // Only the front desk can resend, so only they are shown the failed-email count.
    frontDesk ? safeCount("failed messages", countFailedMessages) : Promise.resolve(null),
  ]);
  const items: StaffNavItem[] = [
    { href: "/staff", label: "Today" },
    { href: "/staff/diary", label: "Diary" },
    { href: "/staff/requests", label: "Requests", count: pending ?? undefined, countLabel: "waiting" },
    ...(frontDesk
      ? [
          { href: "/staff/book", label: "Book a caller" },
          { href: "/staff/patients", label: "Patients" },
        ]
      : []),
    { href: "/staff/schedule", label: "Schedule" },
    ...(frontDesk ? [{ href: "/staff/messages", label: "Messages", count: failed ?? undefined, countLabel: "failed", tone: "alert" as const }] : []),
    ...(staff.role === "admin" ? [{ href: "/staff/admin", label: "Admin" }] : []),
  ];

  return (
    <div className="flex flex-1 flex-col bg-sand-100/70">
      <header className={headerClass}>
        <div className={barClass}>
          <HomeLink />
          {/* Below 1536px the links take a row (or, on phones, rows) of their own under the name and
              Sign out: eight sections beside both only fit on a wide monitor. */}
          <StaffNav items={items} className="order-last w-full pb-1 2xl:order-none 2xl:w-auto 2xl:flex-1 2xl:pb-0" />
          <div className="ml-auto flex items-center gap-3">
            <p className="text-right text-sm leading-tight">
              <span className="sr-only">Signed in as </span>
              <span className="block font-semibold text-white">{staff.name}</span>
              <span className="block text-brand-200">{ROLE_LABEL[staff.role]}</span>
            </p>
            <SignOutButton className="max-sm:px-3.5!" />
          </div>
        </div>
      </header>
      {main}
    </div>
  );
}
