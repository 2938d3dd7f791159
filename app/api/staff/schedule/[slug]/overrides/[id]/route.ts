import { removeDateOverride } from "@/lib/schedule";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const DELETE = staffRoute<{ slug: string; id: string }>("DELETE /api/staff/schedule/[slug]/overrides/[id]", ALL_STAFF, async ({ staff, params }) => {
  return respond(await removeDateOverride(staff, params.slug, params.id, new Date()));
});
