/**
 * Client-side helper for the staff JSON API (`/api/staff/...`), shared by the booking page, the
 * phone-booking form, the schedule editor, the messages page and the admin pages. Every answer
 * becomes one of three shapes so callers can show the API's own message, put field errors beside
 * inputs, and keep what was typed.
 * It never throws: a dropped connection is `{ kind: "network" }`.
 */
import { readApiError, requestJson } from "@/components/api-client";
import type { ApiError } from "@/components/booking/types";

export type StaffApiResult<T> =
  | { kind: "ok"; status: number; data: T }
  | { kind: "error"; status: number; error: ApiError }
  | { kind: "network" };

export const STAFF_NETWORK_ERROR =
  "The server could not be reached, so nothing was saved. Check the connection and try again.";
export const STAFF_SERVER_ERROR = "Something went wrong on the server and nothing was saved. Please try again.";
export const SESSION_ENDED = "Your session has ended. Please sign in again (open the staff login in a new tab to keep this page).";

function readError(body: unknown, status: number): ApiError {
  const fallback = status >= 500 ? STAFF_SERVER_ERROR : `The request failed (${status}).`;
  const error = readApiError(body, status, fallback);
  if (error) return error;
  if (status === 401) return { code: "unauthenticated", message: SESSION_ENDED };
  return { code: `http_${status}`, message: fallback };
}

export async function staffRequest<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<StaffApiResult<T>> {
  const reply = await requestJson(method, url, body, headers);
  if (reply.kind === "network") return reply;
  if (reply.kind === "ok") {
    // A 2xx without a JSON body would leave the page guessing: treat it as a server fault.
    if (reply.body === null) return { kind: "error", status: reply.status, error: { code: "bad_response", message: STAFF_SERVER_ERROR } };
    return { kind: "ok", status: reply.status, data: reply.body as T };
  }
  return { kind: "error", status: reply.status, error: readError(reply.body, reply.status) };
}

/** The one line to show for a failed request. */
export function failureMessage(result: Exclude<StaffApiResult<unknown>, { kind: "ok" }>): string {
  if (result.kind === "network") return STAFF_NETWORK_ERROR;
  if (result.status === 401) return SESSION_ENDED;
  // The API's 5xx text is written for patients ("call the clinic"); staff need to know nothing was saved.
  if (result.status >= 500) return STAFF_SERVER_ERROR;
  return result.error.message;
}

/** 409 slot_unavailable: somebody else took the time while the form was open. */
export function isSlotTaken(result: StaffApiResult<unknown>): boolean {
  return result.kind === "error" && result.status === 409 && result.error.code === "slot_unavailable";
}

export const SLOT_TAKEN_MESSAGE = "That time is no longer free. Please choose another.";
