// Requests that Next.js cannot take in (it answers 500 for them) are dealt with here, before it
// sees them; lib/server/serve.mjs calls this first for every request:
// - a method the Fetch standard refuses (TRACE, TRACK, CONNECT) or that no part of the app serves
//   answers 405 with the methods it does serve;
// - a path segment whose percent-escapes do not decode (`/booking/%ZZ`, `%C3%28`) keeps its text:
//   its "%" becomes "%25", so the route receives the literal segment and answers 404 as for any
//   unknown booking, token or page.
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SERVED = new Set(SERVED_METHODS);

function decodes(segment) {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The request target with every undecodable path segment escaped, or the same string. */
export function repairPathEscapes(target) {
  if (!target.startsWith("/") || !target.includes("%")) return target;
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const rest = queryAt === -1 ? "" : target.slice(queryAt);
  const repaired = path
    .split("/")
    .map((segment) => (decodes(segment) ? segment : segment.replaceAll("%", "%25")))
    .join("/");
  return repaired + rest;
}

/** CONNECT never reaches the request handler (Node hands over the socket): refuse it the same way. */
export function refuseTunnel(req, socket) {
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${SERVED_METHODS.join(", ")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
}

/**
 * Answers the request itself and returns true, or adjusts it and returns false for Next to serve.
 * `headersFor` gives the headers every response carries (the security headers).
 */
export function screenRequest(req, res, headersFor = () => ({})) {
  if (!SERVED.has(req.method)) {
    res.writeHead(405, { ...headersFor(), Allow: SERVED_METHODS.join(", "), "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: { code: "method_not_allowed", message: `The ${req.method.slice(0, 20)} method is not supported.` } }));
    return true;
  }
  if (req.url) req.url = repairPathEscapes(req.url);
  return false;
}
