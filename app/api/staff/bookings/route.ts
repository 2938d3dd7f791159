import { createPhoneBooking, listBookingsForStaff } from "@/lib/bookings/staff";
import { respond } from "@/lib/http/respond";
import { ALL_STAFF, FRONT_DESK, staffRoute } from "@/lib/http/staff-route";
import { phoneBookingSchema, staffBookingsQuerySchema } from "@/lib/validation/staff";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/bookings", ALL_STAFF, { query: staffBookingsQuerySchema }, async ({ staff, query }) => {
  return respond(await listBookingsForStaff(staff, query));
});

export const POST = staffRoute("POST /api/staff/bookings", FRONT_DESK, { body: phoneBookingSchema }, async ({ staff, body }) => {
  return respond(await createPhoneBooking(staff, body, new Date()), 201);
});
