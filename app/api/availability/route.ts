import { NextResponse } from "next/server";
import { getAvailability } from "@/lib/availability";
import { publicRoute } from "@/lib/http/public-route";
import { respond } from "@/lib/http/respond";
import { availabilityQuerySchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

// getAvailability hands back the same object while its cache entry is valid, so its JSON (often
// 100+ KiB for two months) is serialised once per entry rather than once per request.
const serialised = new WeakMap<object, string>();

export const GET = publicRoute("GET /api/availability", { query: availabilityQuerySchema }, async ({ query }) => {
  const result = await getAvailability(query, new Date());
  if (!result.ok) return respond(result);
  let body = serialised.get(result.data);
  if (body === undefined) {
    body = JSON.stringify(result.data);
    serialised.set(result.data, body);
  }
  return new NextResponse(body, { status: 200, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});
