import { getManagedBookingDto } from "@/lib/bookings/manage";
import { publicRoute } from "@/lib/http/public-route";
import { respond } from "@/lib/http/respond";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const GET = publicRoute("GET /api/manage/[token]", { params: { token: pathSegment } }, async ({ params }) => respond(await getManagedBookingDto(params.token, new Date())));
