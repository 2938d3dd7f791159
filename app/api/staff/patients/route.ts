import { NextResponse } from "next/server";
import { searchBookings } from "@/lib/bookings/staff";
import { FRONT_DESK, staffRoute } from "@/lib/http/staff-route";
import { patientSearchSchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/patients", FRONT_DESK, { query: patientSearchSchema }, async ({ staff, query }) => {
  return NextResponse.json({ bookings: await searchBookings(staff, query.q) }, { headers: { "Cache-Control": "no-store" } });
});
