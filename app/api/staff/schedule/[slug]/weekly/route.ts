import { setWeeklyHours } from "@/lib/schedule";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { slugSchema } from "@/lib/validation/booking";
import { weeklyHoursSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

export const PUT = staffRoute("PUT /api/staff/schedule/[slug]/weekly", ALL_STAFF, { params: { slug: slugSchema }, body: weeklyHoursSchema }, async ({ staff, params, body }) => {
  return respond(await setWeeklyHours(staff, params.slug, body.weekly, new Date()));
});
