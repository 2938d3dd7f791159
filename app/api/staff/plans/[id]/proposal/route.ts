import { getCourseProposal } from "@/lib/courses/proposals";
import { parseWith, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { proposalQuerySchema } from "@/lib/validation/courses";

export const dynamic = "force-dynamic";

export const GET = staffRoute<{ id: string }>("GET /api/staff/plans/[id]/proposal", ALL_STAFF, async ({ request, staff, params }) => {
  const parsed = parseWith(proposalQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return parsed.response;
  return respond(await getCourseProposal(staff, params.id, parsed.data, new Date()));
});
