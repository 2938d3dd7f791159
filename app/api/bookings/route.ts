import { createBookingRequest } from "@/lib/bookings/create";
import { refuseIfRateLimited } from "@/lib/http/rate-limit";
import { errorResponse, handleErrors, parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { createBookingSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

export const POST = handleErrors("POST /api/bookings", async (request: Request) => {
  const limited = await refuseIfRateLimited(request);
  if (limited) return limited;
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return errorResponse({ code: "invalid_request", message: "The Idempotency-Key header must be 8 to 200 printable characters." });
  }
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(createBookingSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await createBookingRequest(parsed.data, { now: new Date(), actor: { type: "patient" }, idempotencyKey }), 201);
});
