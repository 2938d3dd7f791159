import { bookCourseSession } from "@/lib/courses/sessions";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { bookSessionSchema } from "@/lib/validation/courses";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ id: string }>("POST /api/staff/plans/[id]/sessions", ALL_STAFF, async ({ request, staff, params }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(bookSessionSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await bookCourseSession(staff, params.id, parsed.data, new Date()), 201);
});
