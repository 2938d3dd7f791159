import { getAvailability } from "@/lib/availability";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { availabilityQuerySchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

/** Free times for staff: any active service, no minimum notice (phone callers, rescheduling). */
export const GET = staffRoute("GET /api/staff/availability", ALL_STAFF, { query: availabilityQuerySchema }, async ({ query }) => {
  return respond(await getAvailability(query, new Date(), "staff"));
});
