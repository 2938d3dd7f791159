import { updateStaffAccount } from "@/lib/admin";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { updateStaffSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const PATCH = staffRoute<{ id: string }>("PATCH /api/staff/admin/accounts/[id]", ["admin"], async ({ request, staff, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(updateStaffSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await updateStaffAccount(staff.id, params.id, parsed.data));
});
