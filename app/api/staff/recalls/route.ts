import { listRecalls } from "@/lib/courses/recalls";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/recalls", ALL_STAFF, {}, async ({ staff }) => {
  return respond(await listRecalls(staff, new Date()));
});
