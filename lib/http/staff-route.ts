import "server-only";
import { authenticateStaffApi, type StaffRole, type StaffUser } from "@/lib/auth/guards";
import { errorResponse, handleErrors } from "./respond";

/**
 * The frame of every /api/staff route handler: the session and role are checked in the handler
 * itself (never only in proxy.ts), and a state-changing request from another site is refused even
 * with a valid cookie (route handlers get no CSRF check from Next.js).
 */
type Context<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isCrossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

export function staffRoute<P = Record<string, never>>(
  name: string,
  roles: StaffRole[],
  handler: (input: { request: Request; staff: StaffUser; params: P }) => Promise<Response>,
) {
  return handleErrors(name, async (request: Request, context?: Context<P>) => {
    const auth = await authenticateStaffApi(...roles);
    if (!auth.ok) return errorResponse(auth);
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) {
      return errorResponse({ code: "forbidden", message: "Requests from other sites are not accepted." });
    }
    const params = context?.params ? await context.params : ({} as P);
    return handler({ request, staff: auth.staff, params });
  });
}

export const ALL_STAFF: StaffRole[] = [];
export const FRONT_DESK: StaffRole[] = ["receptionist", "admin"];
