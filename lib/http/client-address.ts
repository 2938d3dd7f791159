import "server-only";
import { isIPv6 } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/request-guards.mjs";

/**
 * The client's address for rate limiting. The app's HTTP server (lib/server/serve.mjs) replaces
 * whatever the client sent in this header with the socket's address or, with TRUST_PROXY, the
 * address the trusted proxies saw (the N-th X-Forwarded-For entry from the right). A production
 * server started any other way refuses to run (instrumentation.ts).
 */
export { CLIENT_ADDRESS_HEADER };

export function clientAddressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/**
 * What a per-address limit counts by: an IPv4 address itself, an IPv6 address by its /64 (one
 * home or phone is given a whole /64, so counting single IPv6 addresses would give an attacker
 * billions of fresh ones).
 */
export function addressForLimits(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
