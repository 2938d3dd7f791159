import { cancelBookingByPatient } from "@/lib/bookings/manage";
import { refuseIfRateLimited } from "@/lib/http/rate-limit";
import { handleErrors, parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { cancelBookingSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = handleErrors("POST /api/manage/[token]/cancel", async (request: Request, context: { params: Promise<{ token: string }> }) => {
  const limited = await refuseIfRateLimited(request);
  if (limited) return limited;
  const { token } = await context.params;
  // An empty body is a cancel without a reason.
  const body = request.headers.get("content-length") === "0" ? { ok: true as const, value: {} } : await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(cancelBookingSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await cancelBookingByPatient(token, parsed.data, new Date()));
});
