/**
 * Where to go after signing in. The value arrives in the URL, so anyone can craft a link with it:
 * only paths inside the staff area are accepted (never another site, never the login page itself,
 * which would loop). Plain module, not "use client", so the server page can call it too.
 */
export const STAFF_HOME = "/staff";

/** Shared by the form and the login page so every failure reads the same, whatever the cause. */
export const SIGN_IN_FAILED_TEXT = "That email and password do not match an active account.";
export const SIGN_IN_RATE_LIMITED_TEXT = "Too many attempts, please wait a few minutes and try again.";

export function safeStaffCallback(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return STAFF_HOME;
  let url: URL;
  try {
    // A fixed dummy origin: absolute URLs keep their own origin and are rejected below, so only
    // the path of a same-site link can ever be used.
    url = new URL(raw, "http://staff.invalid");
  } catch {
    return STAFF_HOME;
  }
  if (url.origin !== "http://staff.invalid") {
    // next-auth may hand back absolute URLs to this very site; accept their path only if it looks
    // like one of ours. Navigation stays relative, so a foreign host can never be reached.
    if (!/^https?:$/.test(url.protocol)) return STAFF_HOME;
  }
  const path = url.pathname;
  const inStaffArea = path === "/staff" || path.startsWith("/staff/");
  // "//evil.example" and "/\evil.example" are parsed as other hosts by some browsers.
  if (!inStaffArea || raw.startsWith("//") || raw.includes("\\")) return STAFF_HOME;
  if (path === "/staff/login" || path.startsWith("/staff/login/")) return STAFF_HOME;
  return `${path}${url.search}`;
}
