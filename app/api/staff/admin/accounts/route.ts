import { NextResponse } from "next/server";
import { createStaffAccount, listStaffAccounts } from "@/lib/admin";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { createStaffSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/admin/accounts", ["admin"], async () => {
  return NextResponse.json({ accounts: await listStaffAccounts() }, { headers: { "Cache-Control": "no-store" } });
});

export const POST = staffRoute("POST /api/staff/admin/accounts", ["admin"], async ({ request }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(createStaffSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await createStaffAccount(parsed.data), 201);
});
