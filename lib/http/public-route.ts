import "server-only";
import type { z } from "zod";
import { framedRoute, type ParamSchemas, type RouteHandler, type RouteInput, type RouteSchemas } from "./route-frame";

/**
 * The frame of every public route handler: the same input reading as staffRoute (./route-frame),
 * after an optional `guard` such as the booking rate limit, which runs before anything is read.
 */
type PublicSchemas<PS extends ParamSchemas, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = RouteSchemas<PS, B, Q> & {
  guard?: (request: Request) => Response | null | Promise<Response | null>;
};

export function publicRoute<PS extends ParamSchemas = Record<never, never>, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  name: string,
  schemas: PublicSchemas<PS, B, Q>,
  handler: (input: RouteInput<PS, B, Q>) => Promise<Response>,
): RouteHandler {
  return framedRoute(
    name,
    async (request) => {
      const refused = schemas.guard ? await schemas.guard(request) : null;
      return refused ? { ok: false, response: refused } : { ok: true, extra: {} };
    },
    schemas,
    handler,
  );
}
