import { inviteRecall } from "@/lib/courses/recalls";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

/** No body: emails the patient an invitation to book their next session, once per window. */
export const POST = staffRoute("POST /api/staff/recalls/[planId]/invite", ALL_STAFF, { params: { planId: pathSegment } }, async ({ staff, params }) => {
  return respond(await inviteRecall(staff, params.planId, new Date()));
});
