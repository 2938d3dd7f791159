/**
 * The typed result every mutation returns: expected failures are values, not exceptions.
 * Route handlers and server actions turn it into HTTP or form state; nothing else inspects errors.
 */
export type ErrorCode =
  | "invalid_request"
  | "not_found"
  | "slot_unavailable"
  | "too_late"
  | "idempotency_key_reused"
  | "rate_limited"
  | "unauthenticated"
  | "forbidden"
  | "conflict"
  // Treatment courses (api.md "Treatment courses"):
  | "not_attended"
  | "patch_test_required"
  | "too_soon"
  | "outside_course_window"
  | "already_invited"
  | "plan_required"
  // Limits and safe defaults:
  | "request_limit_reached";

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
export type Result<T> = { ok: true; data: T } | Failure;

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, fieldErrors?: Record<string, string>): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

export const SLOT_TAKEN_MESSAGE = "That time was just taken, please pick another.";
