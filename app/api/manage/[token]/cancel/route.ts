import { cancelBookingByPatient } from "@/lib/bookings/manage";
import { publicRoute } from "@/lib/http/public-route";
import { refuseIfRateLimited } from "@/lib/http/rate-limit";
import { respond } from "@/lib/http/respond";
import { cancelBookingSchema } from "@/lib/validation/booking";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

// An empty body is a cancel without a reason.
export const POST = publicRoute(
  "POST /api/manage/[token]/cancel",
  { guard: refuseIfRateLimited, params: { token: pathSegment }, body: cancelBookingSchema },
  async ({ params, body }) => respond(await cancelBookingByPatient(params.token, body, new Date())),
);
