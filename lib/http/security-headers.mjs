// The app's security headers, defined in this one place. proxy.ts puts them on every response
// Next.js sends, with a fresh script nonce per request; lib/server/serve.mjs puts them on the few
// answers it gives itself (413 for a body over the cap). Plain JavaScript so both can load it.

/** Manage links are private: a page under them must never tell another site its address. */
const PRIVATE_PATH = /^\/(booking|api\/manage)(\/|$)/;

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** 128 random bits, base64, for one response's script-src nonce. */
export function newNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

let cachedAppUrl;
let cachedHttps = false;
function servesHttps(appUrl) {
  if (appUrl !== cachedAppUrl) {
    cachedAppUrl = appUrl;
    try {
      cachedHttps = new URL(appUrl ?? "").protocol === "https:";
    } catch {
      cachedHttps = false;
    }
  }
  return cachedHttps;
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets them load Next's chunks);
 * without a nonce (a JSON or error answer) no script runs at all. Never 'unsafe-eval' except in
 * `next dev`, where React needs eval for its debugging aids. Style attributes are allowed (the
 * diary positions its blocks with them); <style> elements need the nonce.
 */
export function contentSecurityPolicy({ nonce, https = false, dev = false }) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every security header for a response to `pathname`, as [name, value] pairs. */
export function securityHeaders({ pathname, appUrl, nonce, dev = false }) {
  const https = servesHttps(appUrl);
  const headers = [
    ["Content-Security-Policy", contentSecurityPolicy({ nonce, https, dev })],
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", PRIVATE_PATH.test(pathname) ? "no-referrer" : "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ];
  if (https) headers.push(["Strict-Transport-Security", `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`]);
  return headers;
}
