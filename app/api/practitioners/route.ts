import { NextResponse } from "next/server";
import { getPractitioners } from "@/lib/clinic/catalogue";
import { publicRoute } from "@/lib/http/public-route";

export const dynamic = "force-dynamic";

export const GET = publicRoute("GET /api/practitioners", {}, async () => {
  const practitioners = await getPractitioners();
  return NextResponse.json({ practitioners: practitioners.map(({ slug, name, title }) => ({ slug, name, title })) });
});
