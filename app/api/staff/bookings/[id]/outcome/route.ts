import { recordOutcome } from "@/lib/courses/plans";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { outcomeSchema } from "@/lib/validation/courses";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

/** The outcome of an attended consultation: a treatment plan with its quote (emailed when suitable). */
export const POST = staffRoute("POST /api/staff/bookings/[id]/outcome", ALL_STAFF, { params: { id: pathSegment }, body: outcomeSchema }, async ({ staff, params, body }) => {
  return respond(await recordOutcome(staff, params.id, body, new Date()), 201);
});
