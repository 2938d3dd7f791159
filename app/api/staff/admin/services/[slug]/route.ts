import { updateService } from "@/lib/admin";
import { respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { updateServiceSchema } from "@/lib/validation/admin";
import { slugSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const PATCH = staffRoute("PATCH /api/staff/admin/services/[slug]", ["admin"], { params: { slug: slugSchema }, body: updateServiceSchema }, async ({ params, body }) => {
  return respond(await updateService(params.slug, body));
});
