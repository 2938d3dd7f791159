/**
 * The one fetch behind the patient (`components/booking/api.ts`) and staff (`components/staff/booking-api.ts`)
 * JSON clients, so both send and sort requests the same way; each maps the reply to its own result shape.
 * It never throws and never logs the URL (manage URLs hold the token).
 */
import type { ApiError } from "@/components/booking/types";

/** `ok` is any 2xx, `error` any other status; `body` is the parsed JSON, or null when the answer was not JSON. */
export type JsonReply =
  | { kind: "ok"; status: number; body: unknown }
  | { kind: "error"; status: number; body: unknown }
  | { kind: "network" };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function requestJson(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonReply> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
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
  return { kind: response.ok ? "ok" : "error", status: response.status, body: parsed };
}

/**
 * The API's `{ error: { code, message, fields } }` body as an ApiError (`fallbackMessage` when it has no message),
 * or null when the body carries no error object.
 */
export function readApiError(body: unknown, status: number, fallbackMessage: string): ApiError | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { code, message, fields } = body.error;
  const error: ApiError = {
    code: typeof code === "string" ? code : `http_${status}`,
    message: typeof message === "string" && message ? message : fallbackMessage,
  };
  if (isRecord(fields)) {
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields)) if (typeof value === "string") clean[key] = value;
    error.fields = clean;
  }
  return error;
}
