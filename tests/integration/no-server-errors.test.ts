import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type pg from "pg";
import { createStaffAccount } from "@/lib/admin";
import { createPhoneBooking, confirmBooking } from "@/lib/bookings/staff";
import { rotateCalendarFeed } from "@/lib/calendar/feed";
import { addDateOverride, addTimeOff } from "@/lib/schedule";
import type { RouteHandler } from "@/lib/http/route-frame";
import { at, bookingBody, resetDiary, testPool, upcoming } from "../support/fixtures";
import { restoreTables, snapshotTables } from "../support/db-snapshot";
import { FUZZ_SEED } from "../support/fuzz-seed";
import { bodyFor, contentType, hostileString, hostility, queryFor } from "../support/fuzz-inputs";
import { SESSION_COOKIE, sessionCookieFor } from "../support/session";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { loadStaff } from "../support/staff";

/**
 * Property-based test of issue 8: no request from anyone answers 5xx. Every route handler under
 * app/ (found on disk, so a new route is fuzzed without touching this file) gets generated bad
 * input for each method it exports, from anonymous callers and each staff role: path parameters
 * (real ids and hostile ones), queries and bodies built from the route's own zod schemas (mostly
 * plausible, one or two fields hostile), raw non-JSON bodies, bodies over 64 KiB, odd content types,
 * forged cookies, foreign origins. Any 5xx, or an error without api.md's body, fails the test with
 * fast-check's shrunk counterexample and seed. Seeded (FUZZ_SEED), FUZZ_RUNS runs per handler.
 *
 * next-auth's own endpoints (app/api/auth) need Next's request scope, so they are fuzzed over HTTP
 * in tests/e2e/no-server-errors.spec.ts with the pages.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const APP = path.resolve("app");
const SKIPPED = new Set(["api/auth/[...nextauth]/route.ts"]);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ROLES = ["anonymous", "sally", "hannah", "reception", "admin"] as const;
type Role = (typeof ROLES)[number];

type Route = { file: string; pattern: string; params: { name: string; catchAll: boolean }[] };

function findRoutes(dir = APP): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Route[] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRoutes(full);
    if (entry.name !== "route.ts") return [];
    const relative = path.relative(APP, full).split(path.sep).join("/");
    if (SKIPPED.has(relative)) return [];
    const segments = relative.split("/").slice(0, -1).filter((segment) => !/^\(.*\)$/.test(segment));
    const params = segments.filter((s) => s.startsWith("[")).map((s) => ({ name: s.replace(/^\[(\.\.\.)?|\]$/g, ""), catchAll: s.startsWith("[...") }));
    return [{ file: full, pattern: `/${segments.join("/")}`, params }];
  });
}

const routes = findRoutes();

let pool: pg.Pool;
let smtp: TestSmtpServer;
const cookies = {} as Record<Role, string | undefined>;
const known = { id: [] as string[], slug: ["sally", "hannah", "consultation", "laser-small-area", "laser-full-scalp"], token: [] as string[] };
let requests = 0;
const statuses = new Map<number, number>();
const startedAt = Date.now();
/** What the app logged as unexpected ("[api] ... failed"): must stay empty. */
const unexpected: string[] = [];

beforeAll(async () => {
  // next-auth logs every forged session cookie (JWT_SESSION_ERROR), by design: keep those quiet,
  // and keep what the app itself logs as unexpected.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (String(args[0]).startsWith("[api]")) unexpected.push(args.map(String).join(" ").slice(0, 500));
  });
  pool = testPool();
  await resetDiary(pool);
  await snapshotTables(pool);
  smtp = await startTestSmtpServer(Number(process.env.TEST_SMTP_PORT));
  const staff = await loadStaff(pool);
  for (const role of ROLES) cookies[role] = role === "anonymous" ? undefined : await sessionCookieFor(pool, `${role}@clinic.example`);

  // Real records for the path parameters, so writes reach the database with the hostile fields.
  const monday = upcoming(1, 20);
  const patient = bookingBody().patient;
  for (const [time, practitioner] of [["10:00", "sally"], ["11:00", "sally"], ["12:00", "hannah"]] as const) {
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner, start: new Date(at(practitioner === "hannah" ? upcoming(2, 20) : monday, time)), patient, notifyPatient: true }, new Date());
    if (made.ok) known.id.push(made.data.booking.id);
  }
  const request = await pool.query(`SELECT id FROM "Booking" LIMIT 1`);
  if (request.rows[0]) await confirmBooking(staff.sally, request.rows[0].id);
  await addTimeOff(staff.sally, "sally", { start: new Date(at(upcoming(3, 30), "09:00")), end: new Date(at(upcoming(3, 30), "12:00")) }, new Date());
  await addDateOverride(staff.sally, "sally", { date: upcoming(6, 30), startMinute: 600, endMinute: 720 }, new Date());
  for (const table of ["TimeOff", "DateOverride"]) known.id.push(...(await pool.query(`SELECT id FROM "${table}"`)).rows.map((row) => row.id as string));
  // Accounts: one to change freely, and the admin's own (self-protection); the roles' own
  // accounts stay out so their sessions last the whole run.
  const target = await createStaffAccount({ email: "fuzz-target@clinic.example", name: "Fuzz Target", role: "receptionist", password: "a-long-enough-password" });
  if (target.ok) known.id.push(target.data.account.id, staff.admin.id);
  known.id.push(...(await pool.query(`SELECT id FROM "EmailMessage" LIMIT 3`)).rows.map((row) => row.id as string));
  const feed = await rotateCalendarFeed(staff.sally, "sally");
  if (feed.ok) known.token.push(new URL(feed.data.url).pathname.split("/").pop()!);
  // Manage tokens are stored only as hashes: well-formed unknown ones reach the lookup.
  known.token.push("A".repeat(43), `${"A".repeat(43)}.ics`);
});

afterAll(async () => {
  await smtp?.close();
  await restoreTables(pool);
  await pool.end();
  vi.restoreAllMocks();
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(", ");
  console.log(`[fuzz] ${requests} requests to ${routes.length} route handlers (${RUNS} runs per handler and method, seed ${FUZZ_SEED}) in ${seconds} s; ${byStatus}`);
});

function paramValue(name: string, catchAll: boolean): fc.Arbitrary<string | string[]> {
  const pool = known[name as keyof typeof known] ?? [];
  const one = pool.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 2, arbitrary: hostileString }) : hostileString;
  return catchAll ? fc.array(one, { minLength: 1, maxLength: 3 }) : one;
}

const ascii = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const origin = fc.option(fc.oneof({ weight: 3, arbitrary: fc.constant(process.env.APP_URL!) }, { weight: 1, arbitrary: fc.constantFrom("https://localhost:3999", "http://evil.example", "null", "not a url") }), { freq: 2 });
/** The role's session; now and then a forged one, or the session with a planted callback cookie. */
const cookieVariant = fc.oneof({ weight: 8, arbitrary: fc.constant({ kind: "session" as const }) }, { weight: 1, arbitrary: ascii.map((junk) => ({ kind: "forged" as const, junk })) }, { weight: 1, arbitrary: fc.constant({ kind: "planted" as const }) });
function cookieFor(role: Role, variant: { kind: "session" | "planted" } | { kind: "forged"; junk: string }): string | undefined {
  if (variant.kind === "forged") return `${SESSION_COOKIE}=${variant.junk}`;
  if (variant.kind === "planted") return [cookies[role], "next-auth.callback-url=%ZZ"].filter(Boolean).join("; ");
  return cookies[role];
}

const jsonSchemaOf = (schema: z.ZodType | undefined) => (schema ? (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Parameters<typeof bodyFor>[0]) : undefined);

describe.each(routes)("$pattern", (route) => {
  it("answers every generated request without a 5xx", async () => {
    const loggedBefore = unexpected.length;
    const exported = (await import(route.file)) as Record<string, RouteHandler | undefined>;
    const methods = METHODS.filter((method) => typeof exported[method] === "function");
    expect(methods.length).toBeGreaterThan(0);
    for (const [index, method] of methods.entries()) {
      const handler = exported[method]!;
      const schemas = handler.schemas ?? {};
      const params = fc.record(Object.fromEntries(route.params.map((p) => [p.name, paramValue(p.name, p.catchAll)])));
      const [querySchema, bodySchema] = [jsonSchemaOf(schemas.query), jsonSchemaOf(schemas.body)];
      // Plausible requests come from a signed-in role with the right headers, so they get as far
      // as the database; hostile ones vary everything.
      const request = hostility.chain((level) =>
        fc.record({
          level: fc.constant(level),
          role: level === 0 ? fc.constantFrom(...ROLES.slice(1)) : fc.constantFrom(...ROLES),
          cookie: level === 0 ? fc.constant({ kind: "session" as const }) : cookieVariant,
          params,
          query: queryFor(querySchema, level),
          body: bodyFor(bodySchema, level),
          contentType: level === 0 ? fc.constant("application/json") : contentType,
          origin: level === 0 ? fc.constant(null) : origin,
          crossSite: level === 0 ? fc.constant(false) : fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
          idempotencyKey: fc.option(ascii, { freq: 4 }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(request, fc.context(), async (input, ctx) => {
          const cookie = cookieFor(input.role, input.cookie);
          const headers = new Headers();
          if (cookie) headers.set("cookie", cookie);
          if (input.contentType) headers.set("content-type", input.contentType);
          if (input.origin) headers.set("origin", input.origin);
          if (input.crossSite) headers.set("sec-fetch-site", "cross-site");
          if (input.idempotencyKey !== null) headers.set("idempotency-key", input.idempotencyKey);
          const withBody = !["GET", "HEAD", "OPTIONS"].includes(method);
          const url = new URL(route.pattern.replace(/\[(\.\.\.)?[^\]]+\]/g, "x"), process.env.APP_URL);
          url.search = input.query;
          const response = await handler(new Request(url, { method, headers, body: withBody ? input.body : undefined }), { params: Promise.resolve(input.params) });
          requests++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const text = await response.text();
          ctx.log(`${method} ${url.pathname}${url.search} as ${input.role} -> ${response.status} ${text.slice(0, 200)}`);
          expect(response.status, `${method} ${route.pattern} as ${input.role}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (response.status >= 400 && method !== "HEAD") {
            const body = JSON.parse(text);
            expect(typeof body.error?.code).toBe("string");
            expect(typeof body.error?.message).toBe("string");
            expect(text).not.toMatch(/prisma|invalid byte sequence|\n\s+at /i);
          }
        }),
        { seed: FUZZ_SEED + index + route.pattern.length * 31, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(unexpected.slice(loggedBefore), "errors the app logged as unexpected").toEqual([]);
    // The clinic keeps an admin whatever was sent.
    expect((await pool.query(`SELECT count(*)::int AS n FROM "StaffUser" WHERE role = 'admin' AND active`)).rows[0].n).toBeGreaterThan(0);
  });
});
