import { setWeeklyHours } from "@/lib/schedule";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { weeklyHoursSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

export const PUT = staffRoute<{ slug: string }>("PUT /api/staff/schedule/[slug]/weekly", ALL_STAFF, async ({ request, staff, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(weeklyHoursSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await setWeeklyHours(staff, params.slug, parsed.data.weekly, new Date()));
});
