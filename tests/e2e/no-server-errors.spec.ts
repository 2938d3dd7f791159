import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { BASE_URL } from "../../playwright.config";
import { restoreTables, snapshotTables } from "../support/db-snapshot";
import { FUZZ_SEED } from "../support/fuzz-seed";
import { HOSTILE_STRINGS, hostileString, queryValueFor } from "../support/fuzz-inputs";
import { londonInstant, signInApi, testDb, upcomingDate } from "./support";

/**
 * Property-based test of issue 8 against the production server: every page (app/**\/page.tsx) and
 * every route handler (app/**\/route.ts, next-auth's included), found on disk so a new one is
 * fuzzed without touching this file, gets generated bad input over HTTP from anonymous callers and
 * each staff role: hostile and malformed path segments (`%ZZ`), search parameters, methods (TRACE,
 * PROPFIND), bodies, and a planted next-auth callback cookie. It fails on any 5xx, and on a page
 * that renders an error boundary (with a 200 once streaming has begun: its HTML then carries the
 * error's digest). Seeded (FUZZ_SEED), a fixed number of runs per page and route (FUZZ_PAGE_RUNS for
 * pages that read their address, a quarter of it for fixed ones; FUZZ_ROUTE_RUNS); it prints the
 * request count.
 * The route handlers' own inputs are fuzzed in depth, from their schemas, by
 * tests/integration/no-server-errors.test.ts; this file covers what only the real server does.
 */
const PAGE_RUNS = Number(process.env.FUZZ_PAGE_RUNS ?? 24);
const ROUTE_RUNS = Number(process.env.FUZZ_ROUTE_RUNS ?? 16);
const APP = path.resolve("app");
const ROLES = ["anonymous", "sally", "hannah", "reception", "admin"] as const;
type Role = (typeof ROLES)[number];

type Entry = { pattern: string; segments: string[]; queryKeys: string[] };

function find(file: "page.tsx" | "route.ts", dir = APP): Entry[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Entry[] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return find(file, full);
    if (entry.name !== file) return [];
    const segments = path.relative(APP, full).split(path.sep).slice(0, -1).filter((segment) => !/^\(.*\)$/.test(segment));
    // The search parameters the file reads by name (`params.date`, `searchParams).q`).
    const source = readFileSync(full, "utf8");
    const queryKeys = [...source.matchAll(/(?:params|searchParams\))\.([a-zA-Z]+)/g)].map((match) => match[1]!).filter((key) => key !== "then");
    return [{ pattern: `/${segments.join("/")}`, segments, queryKeys }];
  });
}

const pages = find("page.tsx");
const routes = find("route.ts");

let db: pg.Pool;
const clients = {} as Record<Role, APIRequestContext>;
const planted = {} as Record<Role, APIRequestContext>;
const known: Record<string, string[]> = { id: [], slug: ["sally", "hannah", "consultation"], token: ["A".repeat(43)], nextauth: ["signin", "signout", "callback", "session", "csrf", "providers", "error", "_log", "verify-request"] };
let requests = 0;
const statuses = new Map<number, number>();
const startedAt = Date.now();

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test.beforeAll(async () => {
  db = testDb();
  await snapshotTables(db);
  clients.anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  for (const role of ROLES.slice(1)) clients[role] = await signInApi(`${role}@clinic.example`);
  // The same sessions with a malformed callback-url cookie planted beside them (a fixed header, so
  // the cookie stays whatever the server answers).
  for (const role of ROLES) {
    const { cookies } = await clients[role].storageState();
    const header = [...cookies.map((c) => `${c.name}=${c.value}`), "next-auth.callback-url=%ZZ"].join("; ");
    planted[role] = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie: header } });
  }
  // A real booking, far ahead, so /staff/bookings/[id] also renders a found one.
  const made = await clients.anonymous.post("/api/bookings", {
    data: { service: "consultation", practitioner: "any", start: londonInstant(upcomingDate(4, 75), "15:30"), patient: { name: "Fuzz Page Patient", email: "fuzz.page@example.com", phone: "07700 900777" }, consent: true },
  });
  if (made.status() === 201) {
    const reference = (await made.json()).booking.reference;
    known.id!.push((await db.query(`SELECT id FROM "Booking" WHERE reference = $1`, [reference])).rows[0].id);
  }
});

test.afterAll(async () => {
  await Promise.all([...Object.values(clients), ...Object.values(planted)].map((client) => client.dispose()));
  await db.query(`DELETE FROM "Booking" WHERE id = ANY($1)`, [known.id]);
  await restoreTables(db, { emptyDiary: false });
  await db.end();
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(", ");
  console.log(`[fuzz] ${requests} HTTP requests to ${pages.length} pages and ${routes.length} route handlers (seed ${FUZZ_SEED}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; ${byStatus}`);
});

/** Half surrogate pairs cannot go into a URL: the replacement character goes instead. */
const wellFormed = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** A path segment as it goes on the wire: percent-encoded, or raw with escapes that do not decode. */
const wireSegment = (values: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: values.map((value) => encodeURIComponent(wellFormed(value))) },
    { weight: 1, arbitrary: fc.constantFrom("%ZZ", "%C3%28", "%", "%%", "%E2%82", "a%2Fb", "%00", "..", "%2e%2e") },
  );

function segmentValues(name: string): fc.Arbitrary<string> {
  const good = known[name] ?? [];
  return good.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...good) }, { weight: 2, arbitrary: hostileString }) : hostileString;
}

function pathFor(entry: Entry): fc.Arbitrary<string> {
  const parts = entry.segments.map((segment) => {
    const dynamic = /^\[(\.\.\.)?(.+)\]$/.exec(segment);
    if (!dynamic) return fc.constant(segment);
    const name = dynamic[2]!;
    const one = wireSegment(segmentValues(name));
    return dynamic[1] ? fc.array(one, { minLength: 1, maxLength: 3 }).map((list) => list.join("/")) : one;
  });
  return fc.tuple(...parts).map((list) => `/${list.join("/")}`.replace(/\/$/, "") || "/");
}

// Keys the pages read through helpers (the diary's view, date and practitioner), and common ones.
const QUERY_KEYS = ["date", "view", "practitioner", "q", "status", "callbackUrl", "error", "service", "from", "to"];
const queryFor = (keys: string[]) =>
  fc
    .tuple(
      // The page's own keys first (each once, usually present), then a few others.
      fc.tuple(...[...new Set(keys)].map((key) => fc.option(queryValueFor(key).map((value) => [key, value] as const), { freq: 4, nil: undefined }))),
      fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: hostileString }).chain((key) => queryValueFor(key).map((value) => [key, value] as const)), { maxLength: 2 }),
    )
    .map(([own, extra]) => [...own.filter((pair): pair is readonly [string, string] => pair !== undefined), ...extra])
    .chain((pairs) =>
      fc.constantFrom("encoded", "encoded", "encoded", "encoded", "raw").map((how) => {
        if (how === "encoded") return new URLSearchParams(pairs.map(([k, v]) => [wellFormed(k), wellFormed(v)])).toString();
        return pairs.map(([k]) => `${encodeURIComponent(wellFormed(k))}=%ZZ%00%C3%28`).join("&");
      }),
    );

const METHODS = {
  page: fc.oneof({ weight: 6, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom("HEAD", "POST", "TRACE", "PROPFIND", "OPTIONS") }),
  route: fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"),
};

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.constantFrom("{", "\u0000", `{"notes":"${"x".repeat(70 * 1024)}"}`, "csrfToken=x&email=admin%40clinic.example&password=x&callbackUrl=%25ZZ"),
);
const contentType = fc.constantFrom(undefined, "application/json", "text/plain;application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x");

function pageBroke(html: string): string | null {
  if (/Something went wrong/.test(html)) return "an error boundary";
  const digest = /data-dgst="(?!NEXT_)([^"]*)"/.exec(html);
  return digest ? `a server error (digest ${digest[1]})` : null;
}

async function send(role: Role, plantedCookie: boolean, method: string, url: string, data?: string, type?: string) {
  const client = plantedCookie ? planted[role] : clients[role];
  // A Buffer goes as it is (Playwright would send a string as a JSON string under a JSON type).
  const body = data === undefined ? undefined : Buffer.from(data);
  const response = await client.fetch(url, { method, data: body, headers: type ? { "content-type": type } : {}, maxRedirects: 0, failOnStatusCode: false });
  requests++;
  statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
  return response;
}

for (const [roleIndex, role] of ROLES.entries()) {
  test(`every page answers generated bad input without a 5xx or an error boundary (${role})`, async () => {
    for (const [index, entry] of pages.entries()) {
      await fc.assert(
        fc.asyncProperty(pathFor(entry), queryFor(entry.queryKeys), METHODS.page, fc.boolean(), async (pathname, search, method, plantedCookie) => {
          const url = search ? `${pathname}?${search}` : pathname;
          const response = await send(role, plantedCookie, method, url);
          const text = method === "HEAD" ? "" : await response.text();
          expect(response.status(), `${method} ${url} as ${role}`).toBeLessThan(500);
          if ((response.headers()["content-type"] ?? "").includes("text/html")) expect(pageBroke(text), `${method} ${url} as ${role}`).toBeNull();
        }),
        // Pages that read their address (segments, search parameters) get more runs than fixed ones.
        { seed: FUZZ_SEED + 100 * roleIndex + index, numRuns: entry.queryKeys.length || entry.segments.some((s) => s.startsWith("[")) ? PAGE_RUNS : Math.ceil(PAGE_RUNS / 4), endOnFailure: true },
      );
    }
  });
}

test("every route handler answers generated bad input over HTTP without a 5xx", async () => {
  for (const [index, entry] of routes.entries()) {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), pathFor(entry), queryFor(entry.queryKeys), METHODS.route, body, contentType, fc.boolean(), async (role, pathname, search, method, data, type, plantedCookie) => {
        const url = search ? `${pathname}?${search}` : pathname;
        const response = await send(role, plantedCookie, method, url, ["GET", "HEAD"].includes(method) ? undefined : data, type);
        expect(response.status(), `${method} ${url} as ${role}: ${method === "HEAD" ? "" : (await response.text()).slice(0, 200)}`).toBeLessThan(500);
      }),
      { seed: FUZZ_SEED + 1000 + index, numRuns: ROUTE_RUNS * (entry.pattern.includes("nextauth") ? 4 : 1), endOnFailure: true },
    );
  }
  // The hostile strings in plain text, once each, where text is displayed back: the patient search.
  for (const q of HOSTILE_STRINGS) {
    const response = await send("reception", false, "GET", `/staff/patients?${new URLSearchParams({ q: wellFormed(q) })}`);
    expect(response.status()).toBeLessThan(500);
    expect(pageBroke(await response.text())).toBeNull();
  }
});
