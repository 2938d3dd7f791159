import "server-only";
import type { NextResponse } from "next/server";
import { getServerEnv } from "@/lib/env";
import { clientAddressOf } from "./client-address";
import { errorResponse } from "./respond";

/**
 * A fixed-window limit per client address for booking and manage-link POSTs (BOOKING_RATE_LIMIT per
 * 10 minutes; 0 turns it off). It lives in this process's memory: the clinic runs one instance; a
 * second instance would need the counters in the database or Redis.
 */
const WINDOW_MS = 10 * 60_000;
const store = globalThis as unknown as { vhRateLimit?: Map<string, { windowStart: number; count: number }> };

export function takeBookingAllowance(clientAddress: string, now: number = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const limit = getServerEnv().BOOKING_RATE_LIMIT;
  if (limit === 0) return { allowed: true };
  const buckets = (store.vhRateLimit ??= new Map());
  if (buckets.size > 50_000) {
    for (const [key, bucket] of buckets) if (now - bucket.windowStart >= WINDOW_MS) buckets.delete(key);
  }
  const bucket = buckets.get(clientAddress);
  if (!bucket || now - bucket.windowStart >= WINDOW_MS) {
    buckets.set(clientAddress, { windowStart: now, count: 1 });
    return { allowed: true };
  }
  if (bucket.count >= limit) return { allowed: false, retryAfterSeconds: Math.ceil((bucket.windowStart + WINDOW_MS - now) / 1000) };
  bucket.count++;
  return { allowed: true };
}

export function resetRateLimits(): void {
  store.vhRateLimit?.clear();
}

/** For booking and manage-link POSTs: a 429 response when the caller's address is over its limit, else null. */
export function refuseIfRateLimited(request: Request): NextResponse | null {
  const allowance = takeBookingAllowance(clientAddressOf(request));
  if (allowance.allowed) return null;
  return errorResponse(
    { code: "rate_limited", message: "Too many attempts from your connection. Please wait a few minutes, or call the clinic." },
    { "Retry-After": String(allowance.retryAfterSeconds) },
  );
}
