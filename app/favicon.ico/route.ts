import { FAVICON_SVG } from "@/components/favicon";

/**
 * Pages name the favicon inline in their head, but a browser still asks for /favicon.ico when it
 * reads a head before the streamed metadata arrives: answer with the same mark, not a 404.
 */
export function GET() {
  return new Response(FAVICON_SVG, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
}
