import { resendMessage } from "@/lib/email/messages";
import { respond } from "@/lib/http/respond";
import { FRONT_DESK, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ id: string }>("POST /api/staff/messages/[id]/resend", FRONT_DESK, async ({ params }) => {
  return respond(await resendMessage(params.id));
});
