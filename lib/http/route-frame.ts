import "server-only";
import type { z } from "zod";
import { pathSegment } from "@/lib/validation/primitives";
import { handleErrors, notFoundResponse, parseWith, readJsonObject } from "./respond";

/**
 * The frame around every route handler (dub's `withWorkspace`, next-safe-action's `.schema()`):
 * it reads and validates the path parameters, the query and the JSON body with the route's zod
 * schemas, so a handler receives typed, checked input and only calls the domain and `respond`.
 * - every path parameter must be a plain segment (lib/validation/primitives `pathSegment`), or the
 *   route answers 404 without asking the database; `params` schemas narrow that further;
 * - `query` parses the search parameters (first value of each), `body` the JSON object body
 *   (an empty body reads as `{}`); failures answer 400 with field messages, 413 over 64 KiB;
 * - anything thrown is logged with the route's name and answered with a generic 500.
 * staffRoute (./staff-route.ts) and publicRoute (./public-route.ts) put their checks in front.
 */
export type ParamSchemas = Record<string, z.ZodType<string, string>>;
export type RouteSchemas<PS extends ParamSchemas, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = { params?: PS; body?: B; query?: Q };

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
export type RouteInput<PS extends ParamSchemas, B, Q> = {
  request: Request;
  params: { [K in keyof PS]: z.output<PS[K]> };
  body: Parsed<B>;
  query: Parsed<Q>;
};

/** What Next.js passes as the second argument (absent for routes without dynamic segments). */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
/** A framed handler carries its schemas, so tools (the fuzz test, API docs) can read its contract. */
export type RouteHandler = ((request: Request, context?: RouteContext) => Promise<Response>) & { schemas: RouteSchemas<ParamSchemas, z.ZodType | undefined, z.ZodType | undefined> };

/** A check that runs before any input is read; a Response ends the request. */
export type Guard<Extra> = (request: Request) => Promise<{ ok: true; extra: Extra } | { ok: false; response: Response }>;

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function readParams<PS extends ParamSchemas>(context: RouteContext | undefined, schemas: PS | undefined): Promise<{ [K in keyof PS]: z.output<PS[K]> } | null> {
  const raw = context?.params ? await context.params : {};
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const segments = Array.isArray(value) ? value : [value];
    if (!segments.every((segment) => pathSegment.safeParse(segment).success)) return null;
    const schema = schemas?.[name];
    if (schema) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) return null;
      params[name] = parsed.data;
    }
  }
  for (const name of Object.keys(schemas ?? {})) if (!(name in params)) return null;
  return params as { [K in keyof PS]: z.output<PS[K]> };
}

export function framedRoute<Extra, PS extends ParamSchemas, B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  name: string,
  guard: Guard<Extra>,
  schemas: RouteSchemas<PS, B, Q>,
  handler: (input: RouteInput<PS, B, Q> & Extra) => Promise<Response>,
): RouteHandler {
  const framed = handleErrors(name, async (request: Request, context?: RouteContext) => {
    const guarded = await guard(request);
    if (!guarded.ok) return guarded.response;
    const params = await readParams(context, schemas.params);
    if (!params) return notFoundResponse();

    let query: unknown;
    if (schemas.query) {
      const parsed = parseWith(schemas.query, Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.ok) return parsed.response;
      query = parsed.data;
    }

    let body: unknown;
    if (!BODYLESS_METHODS.has(request.method)) {
      // Read even when the route takes no body, so a write always meets the same JSON rules.
      const read = await readJsonObject(request);
      if (!read.ok) return read.response;
      if (schemas.body) {
        const parsed = parseWith(schemas.body, read.value);
        if (!parsed.ok) return parsed.response;
        body = parsed.data;
      }
    }
    return handler({ request, params, body: body as Parsed<B>, query: query as Parsed<Q>, ...guarded.extra });
  });
  return Object.assign(framed, { schemas: schemas as RouteSchemas<ParamSchemas, z.ZodType | undefined, z.ZodType | undefined> });
}
