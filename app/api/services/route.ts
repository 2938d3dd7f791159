import { NextResponse } from "next/server";
import { getServices } from "@/lib/clinic/catalogue";
import { handleErrors } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = handleErrors("GET /api/services", async () => {
  const services = await getServices();
  return NextResponse.json({
    services: services.map(({ slug, name, durationMinutes, priceFromPence, bookableOnline }) => ({ slug, name, durationMinutes, priceFromPence, bookableOnline })),
  });
});
