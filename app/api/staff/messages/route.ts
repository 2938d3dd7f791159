import { NextResponse } from "next/server";
import { z } from "zod";
import { listMessages } from "@/lib/email/messages";
import { FRONT_DESK, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ status: z.enum(["pending", "sending", "sent", "failed", "dropped"], { error: "Unknown status." }).optional() });

export const GET = staffRoute("GET /api/staff/messages", FRONT_DESK, { query: querySchema }, async ({ query }) => {
  return NextResponse.json({ messages: await listMessages(query) }, { headers: { "Cache-Control": "no-store" } });
});
