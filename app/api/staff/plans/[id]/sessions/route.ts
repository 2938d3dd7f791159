import { bookCourseSession } from "@/lib/courses/sessions";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { bookSessionSchema } from "@/lib/validation/courses";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/plans/[id]/sessions", ALL_STAFF, { params: { id: pathSegment }, body: bookSessionSchema }, async ({ staff, params, body }) => {
  return respond(await bookCourseSession(staff, params.id, body, new Date()), 201);
});
