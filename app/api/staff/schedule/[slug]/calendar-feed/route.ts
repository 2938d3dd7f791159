import { revokeCalendarFeed, rotateCalendarFeed } from "@/lib/calendar/feed";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { slugSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

const params = { slug: slugSchema };

/** A new private subscription URL (any earlier one stops working). */
export const POST = staffRoute("POST /api/staff/schedule/[slug]/calendar-feed", ALL_STAFF, { params }, async ({ staff, params }) => {
  return respond(await rotateCalendarFeed(staff, params.slug));
});

export const DELETE = staffRoute("DELETE /api/staff/schedule/[slug]/calendar-feed", ALL_STAFF, { params }, async ({ staff, params }) => {
  return respond(await revokeCalendarFeed(staff, params.slug));
});
