import { confirmBooking } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/bookings/[id]/confirm", ALL_STAFF, { params: { id: pathSegment } }, async ({ staff, params }) => {
  return respond(await confirmBooking(staff, params.id));
});
