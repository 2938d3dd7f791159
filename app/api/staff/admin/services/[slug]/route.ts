import { updateService } from "@/lib/admin";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { updateServiceSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const PATCH = staffRoute<{ slug: string }>("PATCH /api/staff/admin/services/[slug]", ["admin"], async ({ request, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(updateServiceSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await updateService(params.slug, parsed.data));
});
