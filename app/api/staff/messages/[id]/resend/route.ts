import { resendMessage } from "@/lib/email/messages";
import { respond } from "@/lib/http/respond";
import { FRONT_DESK, staffRoute } from "@/lib/http/staff-route";
import { pathSegment } from "@/lib/validation/primitives";

export const dynamic = "force-dynamic";

export const POST = staffRoute("POST /api/staff/messages/[id]/resend", FRONT_DESK, { params: { id: pathSegment } }, async ({ params }) => {
  return respond(await resendMessage(params.id));
});
