import "server-only";
import type { z } from "zod";
import { authenticateStaffApi, type StaffRole, type StaffUser } from "@/lib/auth/guards";
import { getServerEnv } from "@/lib/env";
import { errorResponse, isJsonContentType } from "./respond";
import { framedRoute, type ParamSchemas, type RouteHandler, type RouteInput, type RouteSchemas } from "./route-frame";

/**
 * The frame of every /api/staff route handler: the session and role are checked in the handler
 * itself (never only in proxy.ts), then the input is read with the route's schemas (./route-frame).
 * A state-changing request is refused, even with a valid cookie, when it comes from another site
 * (route handlers get no CSRF check from Next.js): `Sec-Fetch-Site: cross-site`, or an `Origin`
 * other than APP_URL's scheme, host and port. Its body must be `application/json`, which an HTML
 * form on another site cannot send.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSite(request: Request, appUrl: string = getServerEnv().APP_URL): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).origin !== new URL(appUrl).origin;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
}

type StaffInput<PS extends ParamSchemas, B, Q> = RouteInput<PS, B, Q> & { staff: StaffUser };

export function staffRoute(name: string, roles: StaffRole[], handler: (input: StaffInput<Record<never, never>, undefined, undefined>) => Promise<Response>): RouteHandler;
export function staffRoute<PS extends ParamSchemas = Record<never, never>, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  name: string,
  roles: StaffRole[],
  schemas: RouteSchemas<PS, B, Q>,
  handler: (input: StaffInput<PS, B, Q>) => Promise<Response>,
): RouteHandler;
export function staffRoute(
  name: string,
  roles: StaffRole[],
  schemasOrHandler: RouteSchemas<ParamSchemas, z.ZodType | undefined, z.ZodType | undefined> | ((input: StaffInput<ParamSchemas, unknown, unknown>) => Promise<Response>),
  maybeHandler?: (input: StaffInput<ParamSchemas, unknown, unknown>) => Promise<Response>,
): RouteHandler {
  const [schemas, handler] = typeof schemasOrHandler === "function" ? [{}, schemasOrHandler] : [schemasOrHandler, maybeHandler!];
  return framedRoute(
    name,
    async (request) => {
      const auth = await authenticateStaffApi(request, ...roles);
      if (!auth.ok) return { ok: false, response: errorResponse(auth) };
      if (!SAFE_METHODS.has(request.method)) {
        if (isCrossSite(request)) return { ok: false, response: errorResponse({ code: "forbidden", message: "Requests from other sites are not accepted." }) };
        const type = request.headers.get("content-type");
        if (type !== null && !isJsonContentType(type)) {
          return { ok: false, response: errorResponse({ code: "invalid_request", message: "Please send the request as JSON (Content-Type: application/json)." }) };
        }
      }
      return { ok: true, extra: { staff: auth.staff } };
    },
    schemas,
    handler as (input: RouteInput<ParamSchemas, z.ZodType | undefined, z.ZodType | undefined> & { staff: StaffUser }) => Promise<Response>,
  );
}

export const ALL_STAFF: StaffRole[] = [];
export const FRONT_DESK: StaffRole[] = ["receptionist", "admin"];
