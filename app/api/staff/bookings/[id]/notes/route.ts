import { updateStaffNotes } from "@/lib/bookings/staff";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { staffNotesSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ id: string }>("POST /api/staff/bookings/[id]/notes", ALL_STAFF, async ({ request, staff, params }) => {
  const body = request.headers.get("content-length") === "0" ? { ok: true as const, value: {} } : await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(staffNotesSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await updateStaffNotes(staff, params.id, parsed.data.staffNotes));
});
