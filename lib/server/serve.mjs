// The app's HTTP server: Next.js behind a plain Node http server, so that the client's address
// comes from the socket. Next itself only fills X-Forwarded-For when the client did not send one,
// which would let anyone pick their own address and dodge the booking rate limit.
import http from "node:http";
import next from "next";
import { refuseTunnel, screenRequest } from "./screen-request.mjs";

const CLIENT_ADDRESS_HEADER = "x-vh-client-address";

export function clientAddressFor(req, trustProxy) {
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? "unknown";
}

export async function serveNext({ dev, port, dir, hostname = "0.0.0.0" }) {
  const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";
  const app = next({ dev, dir, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (screenRequest(req, res)) return;
    const address = clientAddressFor(req, trustProxy);
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    if (!trustProxy) req.headers["x-forwarded-for"] = address;
    handle(req, res);
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
