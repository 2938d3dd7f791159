import { revokeCalendarFeed, rotateCalendarFeed } from "@/lib/calendar/feed";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

/** A new private subscription URL (any earlier one stops working). */
export const POST = staffRoute<{ slug: string }>("POST /api/staff/schedule/[slug]/calendar-feed", ALL_STAFF, async ({ staff, params }) => {
  return respond(await rotateCalendarFeed(staff, params.slug));
});

export const DELETE = staffRoute<{ slug: string }>("DELETE /api/staff/schedule/[slug]/calendar-feed", ALL_STAFF, async ({ staff, params }) => {
  return respond(await revokeCalendarFeed(staff, params.slug));
});
