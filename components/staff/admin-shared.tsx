/**
 * Small pieces shared by the admin pages: the page header with its way back to the Admin overview,
 * the role names and options, and reading field errors out of an API answer. Server-safe (no hooks).
 */
import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffRole } from "@/lib/auth/types";
import type { StaffApiResult } from "./booking-api";

export const ROLE_OPTIONS: { value: StaffRole; label: string; hint: string }[] = [
  { value: "practitioner", label: "Practitioner", hint: "sees and manages only their own diary" },
  { value: "receptionist", label: "Receptionist", hint: "sees every diary, books callers, handles emails" },
  { value: "admin", label: "Admin", hint: "everything reception can do, plus these admin pages" },
];

/** The role <option>s of a "Role" select, shared by the add-account and edit-account forms. */
export function RoleOptions() {
  return (
    <>
      {ROLE_OPTIONS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

export function roleLabel(role: StaffRole): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}

/** The API's per-field messages (`error.fields`), or none. */
export function fieldErrorsOf(result: StaffApiResult<unknown>): Record<string, string> {
  return result.kind === "error" ? (result.error.fields ?? {}) : {};
}

export function AdminPageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="flex flex-col gap-1">
      <nav aria-label="Breadcrumb">
        <Link href="/staff/admin" className="inline-flex min-h-11 items-center gap-1 font-semibold text-brand-700 underline hover:text-brand-900">
          <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
            <path fillRule="evenodd" d="M12.8 4.7a.9.9 0 0 1 0 1.3l-4 4 4 4a.9.9 0 1 1-1.3 1.3L6.9 10.6a.9.9 0 0 1 0-1.2l4.6-4.7a.9.9 0 0 1 1.3 0Z" clipRule="evenodd" />
          </svg>
          Admin
        </Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {children ? <div className="mt-1 max-w-3xl text-lg text-ink-700">{children}</div> : null}
    </header>
  );
}
