import { updateStaffAccount } from "@/lib/admin";
import { respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { updateStaffSchema } from "@/lib/validation/admin";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const PATCH = staffRoute("PATCH /api/staff/admin/accounts/[id]", ["admin"], { params: { id: pathSegment }, body: updateStaffSchema }, async ({ staff, params, body }) => {
  return respond(await updateStaffAccount(staff.id, params.id, body));
});
