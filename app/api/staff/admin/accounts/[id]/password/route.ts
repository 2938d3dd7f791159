import { setStaffPassword } from "@/lib/admin";
import { respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { passwordSchema } from "@/lib/validation/admin";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

/** Sets a new password; the account's existing sessions end. */
export const POST = staffRoute("POST /api/staff/admin/accounts/[id]/password", ["admin"], { params: { id: pathSegment }, body: passwordSchema }, async ({ params, body }) => {
  return respond(await setStaffPassword(params.id, body.password));
});
