import { NextResponse } from "next/server";
import { getCalendarFeed } from "@/lib/calendar/feed";
import { publicRoute } from "@/lib/http/public-route";
import { errorResponse } from "@/lib/http/respond";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

/** GET /calendar/{token}.ics: a practitioner's read-only diary feed for phone calendars. */
export const GET = publicRoute("GET /calendar/[token]", { params: { token: pathSegment } }, async ({ params }) => {
  const feed = await getCalendarFeed(params.token.replace(/\.ics$/, ""), new Date());
  if (!feed) return errorResponse({ code: "not_found", message: "This calendar link is not valid (it may have been replaced)." });
  return new NextResponse(feed, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });
});
