import { NextResponse } from "next/server";
import { createStaffAccount, listStaffAccounts } from "@/lib/admin";
import { respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { createStaffSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/admin/accounts", ["admin"], async () => {
  return NextResponse.json({ accounts: await listStaffAccounts() }, { headers: { "Cache-Control": "no-store" } });
});

export const POST = staffRoute("POST /api/staff/admin/accounts", ["admin"], { body: createStaffSchema }, async ({ body }) => {
  return respond(await createStaffAccount(body), 201);
});
