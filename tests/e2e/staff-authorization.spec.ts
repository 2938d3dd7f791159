import { existsSync, readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { BASE_URL } from "../../playwright.config";
import { londonInstant, signInApi, testDb, upcomingDate } from "./support";

/**
 * The authorization matrix over every staff route handler, against the real server: anonymous,
 * Sally, Hannah (the other practitioner), reception and admin. Anonymous requests also carry the
 * headers of CVE-2025-29927 (x-middleware-subrequest) and of router prefetches. The app has no
 * server actions (all staff changes go through these route handlers): a test keeps it that way.
 */
type Actor = "anonymous" | "sally" | "hannah" | "reception" | "admin";
const ACTORS: Actor[] = ["anonymous", "sally", "hannah", "reception", "admin"];
const SPOOFING_HEADERS = {
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
  "next-router-prefetch": "1",
  rsc: "1",
  "next-router-state-tree": "%5B%22%22%2C%7B%7D%5D",
  purpose: "prefetch",
};

let db: pg.Pool;
const clients = {} as Record<Actor, APIRequestContext>;
let sallyBooking: { id: string; start: string };
let date: string;

test.beforeAll(async () => {
  db = testDb();
  clients.anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: SPOOFING_HEADERS });
  clients.sally = await signInApi("sally@clinic.example");
  clients.hannah = await signInApi("hannah@clinic.example");
  clients.reception = await signInApi("reception@clinic.example");
  clients.admin = await signInApi("admin@clinic.example");

  date = upcomingDate(1, 20); // a Monday: Sally works, Hannah does not
  const start = londonInstant(date, "11:00");
  const response = await clients.anonymous.post("/api/bookings", {
    data: { service: "consultation", practitioner: "sally", start, patient: { name: "Matrix Patient", email: "matrix@example.com", phone: "07700 900321" }, consent: true },
  });
  expect(response.status()).toBe(201);
  const reference = (await response.json()).booking.reference;
  sallyBooking = { id: (await db.query(`SELECT id FROM "Booking" WHERE reference = $1`, [reference])).rows[0].id, start };
});

test.afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.dispose()));
  await db.end();
});

type Expectation = Partial<Record<Actor, number | "allowed">>;
type Row = { name: string; method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: () => string; body?: () => unknown; expect: Expectation };

/** "allowed": the guard let the request through (not 401, 403 or 404); the domain may still refuse it. */
function check(actor: Actor, row: Row, status: number) {
  const expected = row.expect[actor] ?? (actor === "anonymous" ? 401 : "allowed");
  if (expected === "allowed") expect([401, 403, 404], `${actor} ${row.name} got ${status}`).not.toContain(status);
  else expect(status, `${actor} ${row.name}`).toBe(expected);
}

async function send(client: APIRequestContext, row: Row) {
  const options = row.body ? { data: row.body() } : {};
  switch (row.method) {
    case "GET":
      return client.get(row.path());
    case "POST":
      return client.post(row.path(), options);
    case "PUT":
      return client.put(row.path(), options);
    case "PATCH":
      return client.patch(row.path(), options);
    case "DELETE":
      return client.delete(row.path());
  }
}

const ownDiaryOnly: Expectation = { anonymous: 401, hannah: 404 };
const frontDeskOnly: Expectation = { anonymous: 401, sally: 403, hannah: 403 };
const adminOnly: Expectation = { anonymous: 401, sally: 403, hannah: 403, reception: 403 };

const rows: Row[] = [
  { name: "list bookings", method: "GET", path: () => `/api/staff/bookings?from=${date}&to=${date}`, expect: { anonymous: 401 } },
  { name: "phone booking", method: "POST", path: () => "/api/staff/bookings", body: () => ({}), expect: { ...frontDeskOnly, reception: 400, admin: 400 } },
  { name: "booking detail", method: "GET", path: () => `/api/staff/bookings/${sallyBooking.id}`, expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "confirm", method: "POST", path: () => `/api/staff/bookings/${sallyBooking.id}/confirm`, expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "decline", method: "POST", path: () => `/api/staff/bookings/${sallyBooking.id}/decline`, body: () => ({}), expect: ownDiaryOnly },
  { name: "reschedule", method: "POST", path: () => `/api/staff/bookings/${sallyBooking.id}/reschedule`, body: () => ({ start: sallyBooking.start, notifyPatient: false }), expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "attendance", method: "POST", path: () => `/api/staff/bookings/${sallyBooking.id}/attendance`, body: () => ({ outcome: "attended" }), expect: ownDiaryOnly },
  { name: "notes", method: "POST", path: () => `/api/staff/bookings/${sallyBooking.id}/notes`, body: () => ({ staffNotes: "Checked" }), expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "availability", method: "GET", path: () => `/api/staff/availability?service=laser-small-area&practitioner=any&from=${date}&to=${date}`, expect: { anonymous: 401, sally: 200, hannah: 200, reception: 200, admin: 200 } },
  { name: "patient search", method: "GET", path: () => "/api/staff/patients?q=Matrix", expect: { ...frontDeskOnly, reception: 200, admin: 200 } },
  { name: "schedule", method: "GET", path: () => "/api/staff/schedule/sally", expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  {
    name: "weekly hours",
    method: "PUT",
    path: () => "/api/staff/schedule/sally/weekly",
    body: () => ({ weekly: [1, 2, 3, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020, breaks: [{ startMinute: 780, endMinute: 810 }] })) }),
    expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 },
  },
  { name: "date override", method: "POST", path: () => "/api/staff/schedule/sally/overrides", body: () => ({ date: "2027-12-24", startMinute: 540, endMinute: 720 }), expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "remove date override", method: "DELETE", path: () => "/api/staff/schedule/sally/overrides/no-such-id", expect: { anonymous: 401, hannah: 404, sally: 404, reception: 404, admin: 404 } },
  {
    name: "time off",
    method: "POST",
    path: () => "/api/staff/schedule/sally/time-off",
    body: () => ({ start: "2027-12-27T09:00:00Z", end: "2027-12-27T17:00:00Z", reason: "Matrix" }),
    expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 },
  },
  { name: "remove time off", method: "DELETE", path: () => "/api/staff/schedule/sally/time-off/no-such-id", expect: { anonymous: 401, hannah: 404, sally: 404, reception: 404, admin: 404 } },
  { name: "calendar feed: new link", method: "POST", path: () => "/api/staff/schedule/sally/calendar-feed", expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "calendar feed: revoke", method: "DELETE", path: () => "/api/staff/schedule/sally/calendar-feed", expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
  { name: "messages", method: "GET", path: () => "/api/staff/messages", expect: { ...frontDeskOnly, reception: 200, admin: 200 } },
  { name: "resend message", method: "POST", path: () => "/api/staff/messages/no-such-id/resend", expect: { ...frontDeskOnly, reception: 404, admin: 404 } },
  { name: "admin: accounts", method: "GET", path: () => "/api/staff/admin/accounts", expect: { ...adminOnly, admin: 200 } },
  { name: "admin: new account", method: "POST", path: () => "/api/staff/admin/accounts", body: () => ({}), expect: { ...adminOnly, admin: 400 } },
  { name: "admin: change account", method: "PATCH", path: () => "/api/staff/admin/accounts/no-such-id", body: () => ({ name: "Nobody" }), expect: { ...adminOnly, admin: 404 } },
  { name: "admin: set password", method: "POST", path: () => "/api/staff/admin/accounts/no-such-id/password", body: () => ({ password: "a-long-enough-password" }), expect: { ...adminOnly, admin: 404 } },
  { name: "admin: change service", method: "PATCH", path: () => "/api/staff/admin/services/no-such-service", body: () => ({ priceFromPence: 100 }), expect: { ...adminOnly, admin: 404 } },
  { name: "admin: settings", method: "GET", path: () => "/api/staff/admin/settings", expect: { ...adminOnly, admin: 200 } },
  { name: "admin: change settings", method: "PUT", path: () => "/api/staff/admin/settings", body: () => ({}), expect: { ...adminOnly, admin: 200 } },
  // Last: it ends the booking's life.
  { name: "cancel", method: "POST", path: () => `/api/staff/bookings/${sallyBooking.id}/cancel`, body: () => ({ notifyPatient: false }), expect: { ...ownDiaryOnly, sally: 200, reception: 200, admin: 200 } },
];

test("every staff route handler answers each role as it should", async () => {
  for (const row of rows) {
    for (const actor of ACTORS) {
      const response = await send(clients[actor], row);
      check(actor, row, response.status());
      const text = await response.text();
      if (actor === "anonymous" || response.status() === 404 || response.status() === 403) {
        expect(text, `${actor} ${row.name} leaks patient data`).not.toMatch(/Matrix Patient|matrix@example\.com|07700 900321/);
        expect(JSON.parse(text).error.code).toBeTruthy();
      }
    }
  }
  // Hannah's failed attempts changed nothing; the changes of the allowed roles are on record.
  const actions = (await db.query(`SELECT action FROM "BookingEvent" WHERE "bookingId" = $1 ORDER BY "createdAt"`, [sallyBooking.id])).rows.map((r) => r.action);
  expect(actions[0]).toBe("requested");
  expect(actions).toContain("confirmed");
  expect(actions.at(-1)).toBe("cancelled");
});

test("anonymous requests for staff pages, even with spoofed middleware and prefetch headers, never get patient data", async () => {
  for (const path of ["/staff", "/staff/diary", "/staff/requests", `/staff/bookings/${sallyBooking.id}`, "/staff/patients?q=Matrix", "/staff/schedule", "/staff/book"]) {
    const response = await clients.anonymous.get(path, { maxRedirects: 0 });
    expect([302, 303, 307, 308], `${path} answered ${response.status()}`).toContain(response.status());
    expect(response.headers().location ?? "").toContain("/staff/login");
    expect(await response.text()).not.toMatch(/Matrix Patient|matrix@example\.com/);
  }
});

test("staff pages check the session themselves, not only the proxy (a forged session cookie gets past the proxy)", async () => {
  const forged = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { ...SPOOFING_HEADERS, cookie: "next-auth.session-token=forged" } });
  for (const path of ["/staff", "/staff/diary", `/staff/bookings/${sallyBooking.id}`, "/staff/patients?q=Matrix"]) {
    const response = await forged.get(path, { maxRedirects: 0 });
    expect(await response.text(), path).not.toMatch(/Matrix Patient|matrix@example\.com/);
    expect([302, 303, 307, 308], `${path} answered ${response.status()}`).toContain(response.status());
  }
  expect((await forged.get(`/api/staff/bookings/${sallyBooking.id}`)).status()).toBe(401);
  await forged.dispose();
});

test("staff pages answer 404 for another practitioner's booking, a section the role cannot open, or an unknown address", async () => {
  const pages: [Actor, string, number][] = [
    ["sally", `/staff/bookings/${sallyBooking.id}`, 200],
    ["hannah", `/staff/bookings/${sallyBooking.id}`, 404],
    ["hannah", "/staff/schedule/sally", 404],
    ["sally", "/staff/schedule/sally", 200],
    ["sally", "/staff/admin", 404],
    ["sally", "/staff/patients?q=Matrix", 404],
    ["reception", "/staff/patients?q=Matrix", 200],
    ["reception", "/staff/admin/accounts", 404],
    ["admin", "/staff/admin/accounts", 200],
    ["reception", "/staff/no-such-page", 404],
  ];
  for (const [actor, path, status] of pages) {
    const response = await clients[actor].get(path, { maxRedirects: 0 });
    expect(response.status(), `${actor} ${path}`).toBe(status);
    if (status === 404) expect(await response.text(), `${actor} ${path}`).not.toMatch(/Matrix Patient|matrix@example\.com/);
  }
});

test("a signed-in staff member's state-changing request from another site is refused", async () => {
  const response = await clients.reception.post(`/api/staff/bookings/${sallyBooking.id}/notes`, { data: { staffNotes: "csrf" }, headers: { origin: "https://evil.example" } });
  expect(response.status()).toBe(403);
});

test("a revoked session stops working at once", async () => {
  const hannah = await signInApi("hannah@clinic.example");
  expect((await hannah.get(`/api/staff/bookings?from=${date}&to=${date}`)).status()).toBe(200);
  await db.query(`UPDATE "StaffUser" SET "sessionVersion" = "sessionVersion" + 1 WHERE email = 'hannah@clinic.example'`);
  expect((await hannah.get(`/api/staff/bookings?from=${date}&to=${date}`)).status()).toBe(401);
  expect((await (await hannah.get("/api/auth/session")).json()).staff).toBeUndefined();
  await hannah.dispose();
});

test("wrong password and unknown email answer the same", async () => {
  const attempt = async (email: string, password: string) => {
    const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
    const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
    const response = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
    const body = await response.json();
    await context.dispose();
    return { status: response.status(), error: new URL(body.url).searchParams.get("error") };
  };
  const wrongPassword = await attempt("admin@clinic.example", "not-the-password");
  const unknownEmail = await attempt("nobody@clinic.example", "not-the-password");
  expect(wrongPassword).toEqual(unknownEmail);
  expect(wrongPassword.error).toBe("CredentialsSignin");
});

test("the app defines no server actions (every staff change goes through the checked route handlers)", async () => {
  const manifestPath = ".next/server/server-reference-manifest.json";
  expect(existsSync(manifestPath)).toBe(true);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  expect(Object.keys(manifest.node ?? {})).toEqual([]);
  expect(Object.keys(manifest.edge ?? {})).toEqual([]);
});
