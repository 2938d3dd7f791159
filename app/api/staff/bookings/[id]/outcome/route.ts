import { recordOutcome } from "@/lib/courses/plans";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { outcomeSchema } from "@/lib/validation/courses";

export const dynamic = "force-dynamic";

/** The outcome of an attended consultation: a treatment plan with its quote (emailed when suitable). */
export const POST = staffRoute<{ id: string }>("POST /api/staff/bookings/[id]/outcome", ALL_STAFF, async ({ request, staff, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(outcomeSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await recordOutcome(staff, params.id, parsed.data, new Date()), 201);
});
