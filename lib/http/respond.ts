import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { ErrorCode, Failure, Result } from "@/lib/result";
import { toFieldErrors } from "@/lib/validation/primitives";

/**
 * The JSON shapes of `api.md`, shared by every route handler so they stay thin:
 * parse -> validate -> one domain call -> `respond`. The route frame (./route-frame.ts) does the
 * reading and parsing; handlers only call the domain and `respond`.
 */
type HttpErrorCode = ErrorCode | "payload_too_large" | "method_not_allowed";

const STATUS_FOR: Record<HttpErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  slot_unavailable: 409,
  too_late: 409,
  method_not_allowed: 405,
  conflict: 409,
  not_attended: 409,
  patch_test_required: 409,
  too_soon: 409,
  outside_course_window: 409,
  already_invited: 409,
  plan_required: 409,
  payload_too_large: 413,
  request_limit_reached: 409,
  idempotency_key_reused: 422,
  rate_limited: 429,
};

const NO_STORE = { "Cache-Control": "no-store" };

/** api.md: a request body over 64 KiB answers 413 before the rest is read. */
export const MAX_BODY_BYTES = 64 * 1024;

export function errorResponse(failure: { code: HttpErrorCode; message: string; fieldErrors?: Failure["fieldErrors"] }, headers?: HeadersInit): NextResponse {
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

export function notFoundResponse(message = "Not found."): NextResponse {
  return errorResponse({ code: "not_found", message });
}

type Read<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

/** `application/json`, with or without parameters such as `charset`; nothing else (no substring match). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  return value.split(";")[0]!.trim().toLowerCase() === "application/json";
}

const tooLarge = () => errorResponse({ code: "payload_too_large", message: "The request is too large." });
const notJson = () => errorResponse({ code: "invalid_request", message: "Please send the request as JSON (Content-Type: application/json)." });

/** The body as UTF-8 text, refusing more than `limit` bytes without reading further. */
export async function readCappedText(request: Request, limit = MAX_BODY_BYTES): Promise<Read<string>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return { ok: false, response: tooLarge() };
  if (!request.body) return { ok: true, value: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, response: tooLarge() };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, response: errorResponse({ code: "invalid_request", message: "The request body is not valid UTF-8 text." }) };
  }
}

/**
 * Reads a JSON object body; anything else answers 400 (413 over MAX_BODY_BYTES) instead of
 * throwing. An empty body (no Content-Type, or JSON's) reads as `{}` so the schema decides what is
 * missing; a non-empty one must say `application/json`.
 */
export async function readJsonObject(request: Request): Promise<Read<Record<string, unknown>>> {
  const type = request.headers.get("content-type");
  if (type !== null && !isJsonContentType(type)) return { ok: false, response: notJson() };
  const text = await readCappedText(request, MAX_BODY_BYTES);
  if (!text.ok) return text;
  if (text.value.trim() === "") return { ok: true, value: {} };
  if (type === null) return { ok: false, response: notJson() };
  let value: unknown;
  try {
    value = JSON.parse(text.value);
  } catch {
    return { ok: false, response: errorResponse({ code: "invalid_request", message: "The request body is not valid JSON." }) };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, response: errorResponse({ code: "invalid_request", message: "The request body must be a JSON object." }) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; response: NextResponse } {
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
