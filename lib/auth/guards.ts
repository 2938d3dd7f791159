import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { fail, type Failure } from "@/lib/result";
import { parseCookieHeader, withoutUnusableCallbackCookie } from "./callback-url";
import { authOptions } from "./options";
import { seesEveryDiary, type StaffRole, type StaffUser } from "./types";

export type { StaffRole, StaffUser };
export { seesEveryDiary };

/**
 * Every staff page, route handler and action checks the session itself with these guards;
 * proxy.ts only redirects signed-out browsers early and is never the only check.
 */
const NO_RESPONSE = { getHeader() {}, setCookie() {}, setHeader() {} };

/** One session read (next-auth's own), from a request's headers and cookies. */
async function readStaffSession(requestHeaders: Headers, requestCookies: Record<string, string>): Promise<StaffUser | null> {
  // next-auth's request form of getServerSession, so route handlers can pass their own request.
  const request = { headers: Object.fromEntries(requestHeaders), cookies: withoutUnusableCallbackCookie(requestCookies) };
  const session = await getServerSession(request as never, NO_RESPONSE as never, authOptions);
  return session?.staff ?? null;
}

// Memoised per request: the staff layout and the page both ask, and each session read checks the
// account in the database.
export const getCurrentStaff = cache(async (): Promise<StaffUser | null> => {
  const jar = await cookies();
  return readStaffSession(await headers(), Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])));
});

/** The staff member a route handler's request is signed in as (its own cookies, no request scope needed). */
export async function getStaffForRequest(request: Request): Promise<StaffUser | null> {
  return readStaffSession(request.headers, parseCookieHeader(request.headers.get("cookie")));
}

export async function requireStaffPage(): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  if (!staff) {
    const path = (await headers()).get("x-vh-path") ?? "/staff";
    redirect(`/staff/login?callbackUrl=${encodeURIComponent(path.startsWith("/staff") ? path : "/staff")}`);
  }
  return staff;
}

/** For pages one role may not see: they do not exist for it (404), as with other practitioners' bookings. */
export async function requireRolePage(...roles: StaffRole[]): Promise<StaffUser> {
  const staff = await requireStaffPage();
  if (!roles.includes(staff.role)) notFound();
  return staff;
}

/** For route handlers: the staff member, or the 401/403 failure to answer with. */
export async function authenticateStaffApi(request: Request, ...roles: StaffRole[]): Promise<{ ok: true; staff: StaffUser } | Failure> {
  const staff = await getStaffForRequest(request);
  if (!staff) return fail("unauthenticated", "Please sign in.");
  if (roles.length > 0 && !roles.includes(staff.role)) return fail("forbidden", "Your role may not do this.");
  return { ok: true, staff };
}
