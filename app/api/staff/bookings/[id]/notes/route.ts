import { updateStaffNotes } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";
import { staffNotesSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/bookings/[id]/notes", ALL_STAFF, { params: { id: pathSegment }, body: staffNotesSchema }, async ({ staff, params, body }) => {
  return respond(await updateStaffNotes(staff, params.id, body.staffNotes));
});
