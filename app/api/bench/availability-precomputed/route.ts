import { readFile } from "node:fs/promises";
import { NextResponse } from "next/server";
import { getServerEnv } from "@/lib/env";
import { publicRoute } from "@/lib/http/public-route";
import { notFoundResponse } from "@/lib/http/respond";

/**
 * Benchmark baseline only (`npm run bench`): answers with a JSON body computed earlier by
 * GET /api/availability, so the benchmark can compare the real route against the cost of just
 * serving the same bytes. It does not exist unless BENCH_PRECOMPUTED_FILE is set.
 */
export const dynamic = "force-dynamic";

let body: string | undefined;

export const GET = publicRoute("GET /api/bench/availability-precomputed", {}, async () => {
  const file = getServerEnv().BENCH_PRECOMPUTED_FILE;
  if (!file) return notFoundResponse();
  body ??= await readFile(file, "utf8");
  return new NextResponse(body, { status: 200, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});
