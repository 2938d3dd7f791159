import { rescheduleBookingByPatient } from "@/lib/bookings/manage";
import { refuseIfRateLimited } from "@/lib/http/rate-limit";
import { handleErrors, parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { rescheduleBookingSchema } from "@/lib/validation/booking";

export const dynamic = "force-dynamic";

export const POST = handleErrors("POST /api/manage/[token]/reschedule", async (request: Request, context: { params: Promise<{ token: string }> }) => {
  const limited = await refuseIfRateLimited(request);
  if (limited) return limited;
  const { token } = await context.params;
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(rescheduleBookingSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await rescheduleBookingByPatient(token, parsed.data, new Date()));
});
