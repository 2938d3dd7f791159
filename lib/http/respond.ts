import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { ErrorCode, Failure, Result } from "@/lib/result";
import { toFieldErrors } from "@/lib/validation/booking";

/**
 * The JSON shapes of `api.md`, shared by every route handler so they stay thin:
 * parse -> validate -> one domain call -> `respond`.
 */
const STATUS_FOR: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  slot_unavailable: 409,
  too_late: 409,
  conflict: 409,
  request_limit_reached: 409,
  idempotency_key_reused: 422,
  rate_limited: 429,
};

const NO_STORE = { "Cache-Control": "no-store" };

export function errorResponse(failure: Omit<Failure, "ok">, headers?: HeadersInit): NextResponse {
  const body = { error: { code: failure.code, message: failure.message, ...(failure.fieldErrors ? { fields: failure.fieldErrors } : {}) } };
  return NextResponse.json(body, { status: STATUS_FOR[failure.code], headers: { ...NO_STORE, ...headers } });
}

export function respond<T>(result: Result<T>, successStatus = 200): NextResponse {
  if (!result.ok) return errorResponse(result);
  return NextResponse.json(result.data, { status: successStatus, headers: NO_STORE });
}

export function invalid(fieldErrors: Record<string, string>, message = "Please check the highlighted fields."): NextResponse {
  return errorResponse({ code: "invalid_request", message, fieldErrors });
}

/** Reads a JSON body; anything that is not a JSON object answers 400 instead of throwing. */
export async function readJsonObject(request: Request): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: NextResponse }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    return { ok: false, response: errorResponse({ code: "invalid_request", message: "Please send the request as JSON (Content-Type: application/json)." }) };
  }
  let value: unknown;
  try {
    const text = await request.text();
    if (text.length > 64_000) return { ok: false, response: errorResponse({ code: "invalid_request", message: "The request is too large." }) };
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: errorResponse({ code: "invalid_request", message: "The request body is not valid JSON." }) };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, response: errorResponse({ code: "invalid_request", message: "The request body must be a JSON object." }) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.infer<S> } | { ok: false; response: NextResponse } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, response: invalid(toFieldErrors(parsed.error)) };
  return { ok: true, data: parsed.data };
}

/** Wraps a handler so that an unexpected error is logged with context and answered with a generic 500. */
export function handleErrors<A extends unknown[]>(name: string, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error(`[api] ${name} failed`, error);
      return NextResponse.json(
        { error: { code: "internal_error", message: "Something went wrong on our side. Please try again, or call the clinic." } },
        { status: 500, headers: NO_STORE },
      );
    }
  };
}
