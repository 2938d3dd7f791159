import { getPlanForStaff } from "@/lib/courses/plans";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute<{ id: string }>("GET /api/staff/plans/[id]", ALL_STAFF, async ({ staff, params }) => {
  return respond(await getPlanForStaff(staff, params.id, new Date()));
});
