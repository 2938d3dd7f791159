import { confirmBooking } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ id: string }>("POST /api/staff/bookings/[id]/confirm", ALL_STAFF, async ({ staff, params }) => {
  return respond(await confirmBooking(staff, params.id));
});
