import { getCourseProposal } from "@/lib/courses/proposals";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { proposalQuerySchema } from "@/lib/validation/courses";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/plans/[id]/proposal", ALL_STAFF, { params: { id: pathSegment }, query: proposalQuerySchema }, async ({ staff, params, query }) => {
  return respond(await getCourseProposal(staff, params.id, query, new Date()));
});
