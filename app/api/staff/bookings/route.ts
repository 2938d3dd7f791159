import { createPhoneBooking, listBookingsForStaff } from "@/lib/bookings/staff";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { ALL_STAFF, FRONT_DESK, staffRoute } from "@/lib/http/staff-route";
import { phoneBookingSchema, staffBookingsQuerySchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/bookings", ALL_STAFF, async ({ request, staff }) => {
  const parsed = parseWith(staffBookingsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return parsed.response;
  return respond(await listBookingsForStaff(staff, parsed.data));
});

export const POST = staffRoute("POST /api/staff/bookings", FRONT_DESK, async ({ request, staff }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(phoneBookingSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await createPhoneBooking(staff, parsed.data, new Date()), 201);
});
