import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { getCurrentStaff, seesEveryDiary, type StaffUser } from "@/lib/auth/guards";
import { listPendingRequests } from "@/lib/bookings/staff";
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

async function pendingCount(staff: StaffUser): Promise<number | null> {
  // The badge is a convenience: if it cannot be loaded the page itself must still render.
  try {
    return (await listPendingRequests(staff)).length;
  } catch (error) {
    unstable_rethrow(error);
    console.error("staff layout: could not count pending requests", error);
    return null;
  }
}

/**
 * The staff shell: a dark bar with the sections, who is signed in and "Sign out".
 * It is NOT an access check: layouts are not re-run on every navigation, so each page calls
 * requireStaffPage() itself. Signed out (the login page) it renders the page without the bar.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await getCurrentStaff();
  const content = <div className="mx-auto w-full max-w-[96rem] px-4 py-6 sm:px-6 sm:py-8">{children}</div>;
  if (!staff) return content;

  const count = await pendingCount(staff);
  const frontDesk = seesEveryDiary(staff);
  const items: StaffNavItem[] = [
    { href: "/staff", label: "Today" },
    { href: "/staff/diary", label: "Diary" },
    { href: "/staff/requests", label: "Requests", count: count ?? undefined, countLabel: "waiting" },
    ...(frontDesk
      ? [
          { href: "/staff/book", label: "Book a caller" },
          { href: "/staff/patients", label: "Patients" },
        ]
      : []),
    { href: "/staff/schedule", label: "Schedule" },
  ];

  return (
    <div className="bg-sand-100/70">
      <div className="border-b border-brand-950 bg-brand-900 text-white [--focus-ring:var(--color-focus-on-dark)]">
        <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-5 gap-y-1 px-4 py-2 sm:px-6">
          <p className="flex min-h-11 items-center">
            <span className="rounded-md bg-white/15 px-2 py-1 text-xs font-bold tracking-[0.14em] text-white uppercase">
              Staff<span className="hidden sm:inline"> area</span>
            </span>
          </p>
          {/* Below 1024px the links take a row of their own under the name and Sign out. */}
          <StaffNav items={items} className="order-last w-full pb-1 lg:order-none lg:w-auto lg:flex-1 lg:pb-0" />
          <div className="ml-auto flex items-center gap-3">
            <p className="text-right text-sm leading-tight">
              <span className="sr-only">Signed in as </span>
              <span className="block font-semibold text-white">{staff.name}</span>
              <span className="block text-brand-200">{ROLE_LABEL[staff.role]}</span>
            </p>
            <SignOutButton />
          </div>
        </div>
      </div>
      {content}
    </div>
  );
}
