/**
 * next-auth 4 takes "where to go after signing in" from a `callbackUrl` query parameter, a form
 * field and a cookie. It checks the query and the cookie on every request, the session reads of
 * staff pages included, and answers 500 (or throws) when one is not a URL; the form field reaches
 * its redirect callback, whose default throws on the same input. A planted cookie would so break
 * every staff page of that browser. These helpers keep such values away from next-auth.
 */
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth's own test (core/lib/assert.js): an http(s) URL, or a path read against the site. */
export function isUsableCallbackUrl(value: string): boolean {
  try {
    const base = value.startsWith("/") ? "http://callback.invalid" : undefined;
    return /^https?:$/.test(new URL(value, base).protocol);
  } catch {
    return false;
  }
}

/** The cookies with an unusable callback-url cookie left out. */
export function withoutUnusableCallbackCookie(cookies: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(cookies)) {
    if (CALLBACK_URL_COOKIES.includes(name) && !isUsableCallbackUrl(value)) continue;
    kept[name] = value;
  }
  return kept;
}

/** A Cookie header as name -> value (first occurrence wins, as next-auth's reader does). */
export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    let value = part.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // A malformed escape stays as it came; it can only make that one cookie unusable.
    }
    if (name && !(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

/**
 * next-auth's redirect callback: its default (a path on this site, or a URL with this site's
 * origin) without the throw on a value that is not a URL.
 */
export async function redirectWithinSite({ url, baseUrl }: { url: string; baseUrl: string }): Promise<string> {
  if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    // Not a URL: go to the site's start, as for a foreign one.
  }
  return baseUrl;
}
