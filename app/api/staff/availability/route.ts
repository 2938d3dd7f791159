import { getAvailability } from "@/lib/availability";
import { parseWith, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { availabilityQuerySchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

/** Free times for staff: any active service, no minimum notice (phone callers, rescheduling). */
export const GET = staffRoute("GET /api/staff/availability", ALL_STAFF, async ({ request }) => {
  const parsed = parseWith(availabilityQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return parsed.response;
  return respond(await getAvailability(parsed.data, new Date(), "staff"));
});
