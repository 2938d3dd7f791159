import { FAVICON_SVG } from "@/components/favicon";
import { publicRoute } from "@/lib/http/public-route";

/**
 * Pages name the favicon inline in their head, but a browser still asks for /favicon.ico when it
 * reads a head before the streamed metadata arrives: answer with the same mark, not a 404.
 */
export const GET = publicRoute("GET /favicon.ico", {}, async () => {
  return new Response(FAVICON_SVG, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
});
