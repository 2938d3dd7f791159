import { NextResponse } from "next/server";
import { z } from "zod";
import { listMessages } from "@/lib/email/messages";
import { parseWith } from "@/lib/http/respond";
import { FRONT_DESK, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ status: z.enum(["pending", "sending", "sent", "failed", "dropped"], { error: "Unknown status." }).optional() });

export const GET = staffRoute("GET /api/staff/messages", FRONT_DESK, async ({ request }) => {
  const parsed = parseWith(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return parsed.response;
  return NextResponse.json({ messages: await listMessages(parsed.data) }, { headers: { "Cache-Control": "no-store" } });
});
