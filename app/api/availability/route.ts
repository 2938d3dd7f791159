import { getAvailability } from "@/lib/availability";
import { handleErrors, parseWith, respond } from "@/lib/http/respond";
import { availabilityQuerySchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = handleErrors("GET /api/availability", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const parsed = parseWith(availabilityQuerySchema, Object.fromEntries(params));
  if (!parsed.ok) return parsed.response;
  return respond(await getAvailability(parsed.data, new Date()));
});
