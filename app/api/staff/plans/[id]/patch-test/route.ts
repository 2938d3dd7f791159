import { recordPatchTest } from "@/lib/courses/plans";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { patchTestSchema } from "@/lib/validation/courses";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/plans/[id]/patch-test", ALL_STAFF, { params: { id: pathSegment }, body: patchTestSchema }, async ({ staff, params, body }) => {
  return respond(await recordPatchTest(staff, params.id, body, new Date()));
});
