// What lib/server/serve.mjs decides about a request before Next.js sees it: the client's address
// and whether its body is small enough. Plain JavaScript (no TypeScript, no Next) so the server
// can use it before anything is compiled, and unit tests can call it directly.
import net from "node:net";
import { Readable } from "node:stream";

/** The header the server writes the client's address into (lib/http/client-address.ts reads it). */
export const CLIENT_ADDRESS_HEADER = "x-vh-client-address";

/** Every request body is refused above this (api.md: 64 KiB); the JSON API never needs more. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * TRUST_PROXY as a number of reverse proxies in front of the app: unset/false/0 none, true/1 one,
 * N that many. Anything else is a configuration mistake, refused at start.
 */
export function trustedProxyHops(value) {
  if (value === undefined || value === "" || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  if (/^[1-9][0-9]?$/.test(value)) return Number(value);
  throw new Error(`TRUST_PROXY must be true, false or the number of proxies in front of the app (1-99), not "${value}"`);
}

/** IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d; call them a.b.c.d. */
function plainAddress(address) {
  return address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/**
 * The client's address. Without trusted proxies it is the socket's. Behind N proxies it is the
 * N-th X-Forwarded-For entry from the right: each proxy appends the address it was reached from,
 * so entries to the left of those are whatever the client wrote and never trusted. (With fewer
 * entries than proxies, the left-most one, as Express does.)
 */
export function clientAddressFor(req, hops) {
  const socketAddress = plainAddress(req.socket?.remoteAddress ?? "unknown");
  if (hops > 0) {
    const entries = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const entry = entries[Math.max(entries.length - hops, 0)];
    if (entry && net.isIP(entry)) return plainAddress(entry);
  }
  return socketAddress;
}

/** A declared Content-Length above the cap: refuse without reading a byte of the body. */
export function declaresTooLargeBody(req) {
  const declared = req.headers["content-length"];
  return declared !== undefined && !(Number(declared) <= MAX_BODY_BYTES);
}

/** A body sent without a Content-Length (chunked): its size is only known by reading it. */
export function hasStreamedBody(req) {
  return req.headers["content-length"] === undefined && req.headers["transfer-encoding"] !== undefined;
}

/**
 * Reads a streamed body up to the cap. Resolves with the bytes, or null as soon as the cap is
 * passed (the rest is not read).
 */
export function readBodyWithinCap(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        cleanup();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Hands Next.js a body that has already been read, as a request whose stream yields it again and
 * declares its length. This is how Next.js itself replays a body after its middleware read it
 * (next/dist/server/body-streams.js): the stream's methods are bound onto the request object.
 */
export function replayBody(req, body) {
  const stream = new Readable({ read() {} });
  stream.push(body);
  stream.push(null);
  for (const key in stream) {
    const value = stream[key];
    req[key] = typeof value === "function" ? value.bind(stream) : value;
  }
  delete req.headers["transfer-encoding"];
  req.headers["content-length"] = String(body.length);
}
