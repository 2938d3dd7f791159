// The app's HTTP server: Next.js behind a plain Node http server, which decides two things before
// Next sees a request:
// - the client's address, from the socket (or the trusted proxies' X-Forwarded-For entries; see
//   request-guards.mjs). Next itself keeps a client-supplied X-Forwarded-For, which would let anyone
//   pick their own address and dodge every per-address limit.
// - the body size: anything over 64 KiB answers 413 before the rest is read, whether it declares
//   its length or streams it in chunks.
import http from "node:http";
import next from "next";
import { securityHeaders } from "../http/security-headers.mjs";
import {
  CLIENT_ADDRESS_HEADER,
  MAX_BODY_BYTES,
  clientAddressFor,
  declaresTooLargeBody,
  hasStreamedBody,
  readBodyWithinCap,
  replayBody,
  trustedProxyHops,
} from "./request-guards.mjs";
import { refuseTunnel, screenRequest } from "./screen-request.mjs";

/** instrumentation.ts refuses a production start without this, i.e. through `next start` directly. */
export const APP_SERVER_MARK = "VH_APP_SERVER";

const TOO_LARGE_BODY = JSON.stringify({
  error: { code: "payload_too_large", message: `The request is too large (at most ${MAX_BODY_BYTES / 1024} KB). Please send less, or call the clinic.` },
});

/** What the server still swallows after a 413 so the client can read it, before it cuts the connection. */
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 1000;

/**
 * Answers 413 before reading the rest of the body, then closes the connection (`Connection:
 * close`, so the client never sends another request on it). Closing at once would make the
 * client's TCP stack reset the connection while it is still sending, and the client would often
 * lose the answer; so, as nginx's lingering close does, only our side is closed (FIN) and a little
 * more is swallowed (at most 8 MiB or one second), then the connection is cut.
 */
function refuseTooLarge(req, res) {
  const url = new URL(req.url ?? "/", "http://app");
  res.writeHead(413, {
    ...Object.fromEntries(securityHeaders({ pathname: url.pathname, appUrl: process.env.APP_URL })),
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(TOO_LARGE_BODY),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  // With `Connection: close` Node destroys the socket as soon as the answer is written; keep it
  // readable instead (the lingering below destroys it).
  req.socket.destroySoon = () => req.socket.end();
  res.end(TOO_LARGE_BODY);
  let swallowed = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.socket.once("close", () => clearTimeout(timer));
  req.on("data", (chunk) => {
    swallowed += chunk.length;
    if (swallowed > LINGER_BYTES) cut();
  });
  req.resume();
}

export async function serveNext({ dev, port, dir, hostname = "0.0.0.0" }) {
  const hops = trustedProxyHops(process.env.TRUST_PROXY);
  process.env[APP_SERVER_MARK] = "1";
  const app = next({ dev, dir, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    // Methods and paths Next cannot take are answered (or repaired) before it sees them.
    if (screenRequest(req, res, () => Object.fromEntries(securityHeaders({ pathname: new URL(req.url ?? "/", "http://app").pathname, appUrl: process.env.APP_URL })))) return;
    const address = clientAddressFor(req, hops);
    // Whatever the client sent in this header is replaced: only this server writes it.
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    if (hops === 0) req.headers["x-forwarded-for"] = address;
    if (declaresTooLargeBody(req)) return refuseTooLarge(req, res);
    if (!hasStreamedBody(req)) return handle(req, res);
    readBodyWithinCap(req).then(
      (body) => {
        if (!body) return refuseTooLarge(req, res);
        replayBody(req, body);
        return handle(req, res);
      },
      () => req.socket.destroy(),
    );
  });
  server.on("connect", refuseTunnel);
  // Keep-alive longer than typical proxies' so they never reuse a connection we just closed.
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  const close = () => server.close(() => process.exit(0));
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
  return server;
}
