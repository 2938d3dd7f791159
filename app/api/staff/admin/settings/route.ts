import { NextResponse } from "next/server";
import { getSettingsForAdmin, updateClinicSettings } from "@/lib/admin";
import { respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { clinicSettingsSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/admin/settings", ["admin"], async () => {
  return NextResponse.json({ settings: await getSettingsForAdmin() }, { headers: { "Cache-Control": "no-store" } });
});

export const PUT = staffRoute("PUT /api/staff/admin/settings", ["admin"], { body: clinicSettingsSchema }, async ({ body }) => {
  return respond(await updateClinicSettings(body));
});
