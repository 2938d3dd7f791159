import { rescheduleBookingByPatient } from "@/lib/bookings/manage";
import { publicRoute } from "@/lib/http/public-route";
import { refuseIfRateLimited } from "@/lib/http/rate-limit";
import { respond } from "@/lib/http/respond";
import { rescheduleBookingSchema } from "@/lib/validation/booking";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const POST = publicRoute(
  "POST /api/manage/[token]/reschedule",
  { guard: refuseIfRateLimited, params: { token: pathSegment }, body: rescheduleBookingSchema },
  async ({ params, body }) => respond(await rescheduleBookingByPatient(params.token, body, new Date())),
);
