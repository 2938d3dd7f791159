import { setStaffPassword } from "@/lib/admin";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { passwordSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

/** Sets a new password; the account's existing sessions end. */
export const POST = staffRoute<{ id: string }>("POST /api/staff/admin/accounts/[id]/password", ["admin"], async ({ request, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(passwordSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await setStaffPassword(params.id, parsed.data.password));
});
