import { removeTimeOff } from "@/lib/schedule";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { slugSchema } from "@/lib/validation/booking";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const DELETE = staffRoute("DELETE /api/staff/schedule/[slug]/time-off/[id]", ALL_STAFF, { params: { slug: slugSchema, id: pathSegment } }, async ({ staff, params }) => {
  return respond(await removeTimeOff(staff, params.slug, params.id, new Date()));
});
