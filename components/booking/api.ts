import type { ApiError, Slot } from "./types";

/** Client-side helpers for the public booking API. They never log request URLs (manage URLs hold the token). */

export type ApiResult<T> =
  | { kind: "ok"; status: number; data: T }
  | { kind: "error"; status: number; error: ApiError }
  | { kind: "network" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readApiError(body: unknown, status: number): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, fields } = body.error;
    const error: ApiError = {
      code: typeof code === "string" ? code : `http_${status}`,
      message: typeof message === "string" && message ? message : GENERIC_ERROR,
    };
    if (isRecord(fields)) {
      const clean: Record<string, string> = {};
      for (const [key, value] of Object.entries(fields)) if (typeof value === "string") clean[key] = value;
      error.fields = clean;
    }
    return error;
  }
  return { code: `http_${status}`, message: GENERIC_ERROR };
}

export const GENERIC_ERROR = "We could not send your request. Please try again, or call the clinic.";

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    return { kind: "network" };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (response.ok && parsed !== null) return { kind: "ok", status: response.status, data: parsed as T };
  if (response.status >= 500 || (response.ok && parsed === null)) return { kind: "network" };
  return { kind: "error", status: response.status, error: readApiError(parsed, response.status) };
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
