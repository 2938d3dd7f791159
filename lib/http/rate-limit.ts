import "server-only";
import type { NextResponse } from "next/server";
import { getServerEnv } from "@/lib/env";
import { addressForLimits, clientAddressOf } from "./client-address";
import { consumeLimit, limitKey, resetLimits, sharedLimiter } from "./rate-limit-store";
import { errorResponse } from "./respond";

/**
 * Booking and manage-link POSTs per client address: BOOKING_RATE_LIMIT per 10 minutes (0 turns
 * this and every other per-address limit off). Counted in PostgreSQL, so every app instance on the
 * database shares one count per address.
 */
const KIND = "booking-address";
const WINDOW_SECONDS = 10 * 60;

export async function takeBookingAllowance(clientAddress: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const limit = getServerEnv().BOOKING_RATE_LIMIT;
  if (limit === 0) return { allowed: true };
  return consumeLimit(sharedLimiter(KIND, limit, WINDOW_SECONDS), limitKey(addressForLimits(clientAddress)));
}

/** Tests: forget every booking count. */
export async function resetRateLimits(): Promise<void> {
  await resetLimits([KIND]);
}

/** For booking and manage-link POSTs: a 429 response when the caller's address is over its limit, else null. */
export async function refuseIfRateLimited(request: Request): Promise<NextResponse | null> {
  const allowance = await takeBookingAllowance(clientAddressOf(request));
  if (allowance.allowed) return null;
  return errorResponse(
    { code: "rate_limited", message: "Too many attempts from your connection. Please wait a few minutes, or call the clinic." },
    { "Retry-After": String(allowance.retryAfterSeconds) },
  );
}
