import { NextResponse } from "next/server";
import { getServices } from "@/lib/clinic/catalogue";
import { publicRoute } from "@/lib/http/public-route";

export const dynamic = "force-dynamic";

export const GET = publicRoute("GET /api/services", {}, async () => {
  const services = await getServices();
  return NextResponse.json({
    services: services.map(({ slug, name, durationMinutes, priceFromPence, bookableOnline }) => ({ slug, name, durationMinutes, priceFromPence, bookableOnline })),
  });
});
