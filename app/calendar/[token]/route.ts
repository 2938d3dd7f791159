import { NextResponse } from "next/server";
import { getCalendarFeed } from "@/lib/calendar/feed";
import { errorResponse, handleErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** GET /calendar/{token}.ics: a practitioner's read-only diary feed for phone calendars. */
export const GET = handleErrors("GET /calendar/[token]", async (_request: Request, context: { params: Promise<{ token: string }> }) => {
  const { token } = await context.params;
  const feed = await getCalendarFeed(token.replace(/\.ics$/, ""), new Date());
  if (!feed) return errorResponse({ code: "not_found", message: "This calendar link is not valid (it may have been replaced)." });
  return new NextResponse(feed, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });
});
