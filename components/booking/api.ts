import { isRecord, readApiError, requestJson } from "@/components/api-client";
import type { ApiError, Slot } from "./types";

/** Client-side helpers for the public booking API. They never log request URLs (manage URLs hold the token). */

export type ApiResult<T> =
  | { kind: "ok"; status: number; data: T }
  | { kind: "error"; status: number; error: ApiError }
  | { kind: "network" };

export const GENERIC_ERROR = "We could not send your request. Please try again, or call the clinic.";

/** Patient pages: a server fault (5xx) or a 2xx without JSON reads as "could not reach us", like a dropped connection. */
export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  const reply = await requestJson("POST", url, body, headers);
  if (reply.kind === "network") return reply;
  if (reply.kind === "ok" && reply.body !== null) return { kind: "ok", status: reply.status, data: reply.body as T };
  if (reply.kind === "ok" || reply.status >= 500) return { kind: "network" };
  const error = readApiError(reply.body, reply.status, GENERIC_ERROR) ?? { code: `http_${reply.status}`, message: GENERIC_ERROR };
  return { kind: "error", status: reply.status, error };
}

function isSlot(value: unknown): value is Slot {
  return (
    isRecord(value) &&
    typeof value.start === "string" &&
    typeof value.end === "string" &&
    typeof value.practitioner === "string"
  );
}

export class AvailabilityError extends Error {}

/** The public availability endpoint; the staff area passes `/api/staff/availability` (same response shape). */
export const PUBLIC_AVAILABILITY_URL = "/api/availability";

export async function fetchAvailability(
  query: { service: string; practitioner: string; from: string; to: string },
  signal?: AbortSignal,
  endpoint: string = PUBLIC_AVAILABILITY_URL,
): Promise<Slot[]> {
  const params = new URLSearchParams(query);
  const response = await fetch(`${endpoint}?${params.toString()}`, {
    headers: { Accept: "application/json" },
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new AvailabilityError(`availability ${response.status}`);
  const body: unknown = await response.json();
  if (!isRecord(body) || !Array.isArray(body.slots)) throw new AvailabilityError("availability: unexpected body");
  return body.slots.filter(isSlot);
}

/**
 * A v4 UUID for the Idempotency-Key header. `crypto.randomUUID` exists only in secure contexts
 * (https or localhost), so fall back to `getRandomValues`, which browsers offer everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
