import { createBookingRequest } from "@/lib/bookings/create";
import { publicRoute } from "@/lib/http/public-route";
import { refuseIfRateLimited } from "@/lib/http/rate-limit";
import { errorResponse, respond } from "@/lib/http/respond";
import { createBookingSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

export const POST = publicRoute("POST /api/bookings", { guard: refuseIfRateLimited, body: createBookingSchema }, async ({ request, body }) => {
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return errorResponse({ code: "invalid_request", message: "The Idempotency-Key header must be 8 to 200 printable characters." });
  }
  return respond(await createBookingRequest(body, { now: new Date(), actor: { type: "patient" }, idempotencyKey }), 201);
});
