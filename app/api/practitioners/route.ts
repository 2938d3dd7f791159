import { NextResponse } from "next/server";
import { getPractitioners } from "@/lib/clinic/catalogue";
import { handleErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = handleErrors("GET /api/practitioners", async () => {
  const practitioners = await getPractitioners();
  return NextResponse.json({ practitioners: practitioners.map(({ slug, name, title }) => ({ slug, name, title })) });
});
