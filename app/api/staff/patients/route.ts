import { NextResponse } from "next/server";
import { searchBookings } from "@/lib/bookings/staff";
import { parseWith } from "@/lib/http/respond";
import { FRONT_DESK, staffRoute } from "@/lib/http/staff-route";
import { patientSearchSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/patients", FRONT_DESK, async ({ request, staff }) => {
  const parsed = parseWith(patientSearchSchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return parsed.response;
  return NextResponse.json({ bookings: await searchBookings(staff, parsed.data.q) }, { headers: { "Cache-Control": "no-store" } });
});
