import { declineBooking } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";
import { declineSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/bookings/[id]/decline", ALL_STAFF, { params: { id: pathSegment }, body: declineSchema }, async ({ staff, params, body }) => {
  return respond(await declineBooking(staff, params.id, body));
});
