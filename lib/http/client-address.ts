import "server-only";

/**
 * The client's address for rate limiting. The app's HTTP server (lib/server/serve.mjs) replaces
 * whatever the client sent in this header with the socket's address, or, with TRUST_PROXY=true,
 * with the address the reverse proxy put first in X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = "x-vh-client-address";

export function clientAddressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
