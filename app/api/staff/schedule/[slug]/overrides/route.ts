import { addDateOverride } from "@/lib/schedule";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { dateOverrideSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ slug: string }>("POST /api/staff/schedule/[slug]/overrides", ALL_STAFF, async ({ request, staff, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(dateOverrideSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await addDateOverride(staff, params.slug, parsed.data, new Date()));
});
