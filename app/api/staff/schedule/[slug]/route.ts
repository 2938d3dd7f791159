import { NextResponse } from "next/server";
import { getSchedule } from "@/lib/schedule";
import { errorResponse } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { slugSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/schedule/[slug]", ALL_STAFF, { params: { slug: slugSchema } }, async ({ staff, params }) => {
  const schedule = await getSchedule(staff, params.slug);
  if (!schedule) return errorResponse({ code: "not_found", message: "That practitioner was not found." });
  return NextResponse.json({ schedule }, { headers: { "Cache-Control": "no-store" } });
});
