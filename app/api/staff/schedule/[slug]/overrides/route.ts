import { addDateOverride } from "@/lib/schedule";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { slugSchema } from "@/lib/validation/booking";
import { dateOverrideSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/schedule/[slug]/overrides", ALL_STAFF, { params: { slug: slugSchema }, body: dateOverrideSchema }, async ({ staff, params, body }) => {
  return respond(await addDateOverride(staff, params.slug, body, new Date()));
});
