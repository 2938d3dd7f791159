import { getManagedBookingDto } from "@/lib/bookings/manage";
import { handleErrors, respond } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = handleErrors("GET /api/manage/[token]", async (_request: Request, context: { params: Promise<{ token: string }> }) => {
  const { token } = await context.params;
  return respond(await getManagedBookingDto(token, new Date()));
});
