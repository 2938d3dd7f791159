import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends signed-out browsers to the sign-in page early and tells pages which path was asked for
 * (so sign-in can return there). It only looks for the session cookie: every staff page and route
 * handler checks the session itself (CVE-2025-29927: middleware must never be the only guard).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-vh-path", `${pathname}${search}`);
  // Large sessions are split into numbered chunks (name.0, name.1...).
  const signedIn = request.cookies.getAll().some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (!signedIn && pathname.startsWith("/staff") && pathname !== "/staff/login") {
    const login = new URL("/staff/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/staff/:path*"] };
