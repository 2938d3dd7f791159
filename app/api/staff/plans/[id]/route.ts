import { getPlanForStaff } from "@/lib/courses/plans";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/plans/[id]", ALL_STAFF, { params: { id: pathSegment } }, async ({ staff, params }) => {
  return respond(await getPlanForStaff(staff, params.id, new Date()));
});
