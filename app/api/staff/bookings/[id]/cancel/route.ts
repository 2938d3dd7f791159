import { cancelBookingByStaff } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";
import { staffCancelSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/bookings/[id]/cancel", ALL_STAFF, { params: { id: pathSegment }, body: staffCancelSchema }, async ({ staff, params, body }) => {
  return respond(await cancelBookingByStaff(staff, params.id, body));
});
