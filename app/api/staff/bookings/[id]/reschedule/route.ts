import { rescheduleBookingByStaff } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";
import { staffRescheduleSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/bookings/[id]/reschedule", ALL_STAFF, { params: { id: pathSegment }, body: staffRescheduleSchema }, async ({ staff, params, body }) => {
  return respond(await rescheduleBookingByStaff(staff, params.id, body, new Date()));
});
