import { addTimeOff } from "@/lib/schedule";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { slugSchema } from "@/lib/validation/booking";
import { timeOffSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/schedule/[slug]/time-off", ALL_STAFF, { params: { slug: slugSchema }, body: timeOffSchema }, async ({ staff, params, body }) => {
  return respond(await addTimeOff(staff, params.slug, body, new Date()));
});
