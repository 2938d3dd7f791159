import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeaders } from "@/lib/http/security-headers.mjs";

/**
 * Runs on every request:
 * - sets the security headers (lib/http/security-headers.mjs) on every response, with a fresh
 *   script nonce. The policy also goes on the request, where Next.js reads the nonce and puts it
 *   on its own scripts (every page renders per request, so each gets its own);
 * - sends signed-out browsers to the sign-in page early and tells pages which path was asked for
 *   (so sign-in can return there). It only looks for the session cookie: every staff page and
 *   route handler checks the session itself (CVE-2025-29927: middleware must never be the only guard).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = securityHeaders({ pathname, appUrl: process.env.APP_URL, nonce: newNonce(), dev: process.env.NODE_ENV === "development" });

  let response: NextResponse;
  // Large sessions are split into numbered chunks (name.0, name.1...).
  const signedIn = request.cookies.getAll().some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (!signedIn && pathname.startsWith("/staff") && pathname !== "/staff/login") {
    const login = new URL("/staff/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set("x-vh-path", `${pathname}${search}`);
    forwarded.set("content-security-policy", headers.find(([name]) => name === "Content-Security-Policy")![1]);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}
