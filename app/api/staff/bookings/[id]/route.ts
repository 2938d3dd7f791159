import { NextResponse } from "next/server";
import { getBookingForStaff } from "@/lib/bookings/staff";
import { errorResponse } from "@/lib/http/respond";
import { ALL_STAFF, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/bookings/[id]", ALL_STAFF, { params: { id: pathSegment } }, async ({ staff, params }) => {
  const found = await getBookingForStaff(staff, params.id);
  if (!found) return errorResponse({ code: "not_found", message: "That booking was not found." });
  return NextResponse.json(found, { headers: { "Cache-Control": "no-store" } });
});
