import { NextResponse } from "next/server";
import { getSettingsForAdmin, updateClinicSettings } from "@/lib/admin";
import { parseWith, readJsonObject, respond } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff-route";
import { clinicSettingsSchema } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = staffRoute("GET /api/staff/admin/settings", ["admin"], async () => {
  return NextResponse.json({ settings: await getSettingsForAdmin() }, { headers: { "Cache-Control": "no-store" } });
});

export const PUT = staffRoute("PUT /api/staff/admin/settings", ["admin"], async ({ request }) => {
  const body = await readJsonObject(request);
  if (!body.ok) return body.response;
  const parsed = parseWith(clinicSettingsSchema, body.value);
  if (!parsed.ok) return parsed.response;
  return respond(await updateClinicSettings(parsed.data));
});
