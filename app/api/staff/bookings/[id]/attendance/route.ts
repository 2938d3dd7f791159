import { recordAttendance } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";
import { attendanceSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/bookings/[id]/attendance", ALL_STAFF, { params: { id: pathSegment }, body: attendanceSchema }, async ({ staff, params, body }) => {
  return respond(await recordAttendance(staff, params.id, body.outcome, new Date()));
});
