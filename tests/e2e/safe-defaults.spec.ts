import http from "node:http";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import net from "node:net";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import bcrypt from "bcryptjs";
import type pg from "pg";
import { BASE_URL, SMTP_PORT } from "../../playwright.config";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { STAFF_PASSWORD, londonInstant, signInApi, testDb, upcomingDate } from "./support";

/**
 * api.md "Limits and safe defaults" against real app processes: the e2e server (BASE_URL), and two
 * more instances of the app started here with lib/server/launch.mjs on the same database, as
 * behind a load balancer. Their ports come from E2E_PORT (+700, +710), the `next start` check's
 * from E2E_PORT + 720.
 */
const E2E_PORT = Number(new URL(BASE_URL).port);
const PORT_A = E2E_PORT + 700;
const PORT_B = E2E_PORT + 710;
const PORT_NEXT_START = E2E_PORT + 720;
const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;
const PUBLIC_APP_URL = "https://booking.victoriahouse.example";
const SECRET = "e2e-secret-e2e-secret-e2e-secret"; // the e2e server's (playwright.config.ts)
const LOCKOUT_EMAIL = "lockout.e2e@clinic.example";

let db: pg.Pool;
let smtp: TestSmtpServer;
const instances: ChildProcess[] = [];

function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
    NEXTAUTH_SECRET: SECRET,
    SEED_STAFF_PASSWORD: STAFF_PASSWORD,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/** Starts one more instance of the app and resolves once it serves. */
function startInstance(port: number, extra: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["lib/server/launch.mjs", "start"], { env: appEnv({ PORT: String(port), ...extra }), stdio: ["ignore", "pipe", "pipe"] });
  instances.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance on ${port} did not start:\n${output}`)), 120_000);
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("[launch] ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`instance on ${port} exited with ${code}:\n${output}`)));
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  db = testDb();
  smtp = await startTestSmtpServer(SMTP_PORT);
  // A rerun of this file starts from a clean slate: its own account, no sign-in counts.
  await db.query(`DELETE FROM "StaffUser" WHERE email = $1`, [LOCKOUT_EMAIL]);
  await db.query(`DELETE FROM rate_limit_counters WHERE key LIKE 'signin-%'`);
  await db.query(`INSERT INTO "StaffUser" (id, email, name, "passwordHash", role) VALUES ($1, $2, 'Lockout Test', $3, 'receptionist')`, [
    `lockout-${randomBytes(6).toString("hex")}`,
    LOCKOUT_EMAIL,
    await bcrypt.hash(STAFF_PASSWORD, 10),
  ]);
  // Instance A: behind two proxies. Instance B: one proxy, public https address (production checks
  // apply). One after the other, as a rolling deploy starts them: each launcher applies pending
  // migrations under the migration lock first.
  await startInstance(PORT_A, { APP_URL: A, NEXTAUTH_URL: A, TRUST_PROXY: "2", BOOKING_RATE_LIMIT: "3" });
  await startInstance(PORT_B, { APP_URL: PUBLIC_APP_URL, NEXTAUTH_URL: PUBLIC_APP_URL, TRUST_PROXY: "true", BOOKING_RATE_LIMIT: "3" });
});

test.afterAll(async () => {
  await Promise.all(
    instances.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await db.query(`DELETE FROM "StaffUser" WHERE email = $1`, [LOCKOUT_EMAIL]);
  await db.query(`DELETE FROM rate_limit_counters WHERE key LIKE 'signin-%'`);
  await smtp.close();
  await db.end();
});

/** A client address of this run's own (an IPv6 /64 of the documentation range), so reruns never share counts. */
const freshClient = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::7`;

test("one booking limit for all instances: requests spread over two instances share the client's count", async () => {
  const client = freshClient();
  // A trusts two proxies (the 2nd entry from the right), B one (the right-most); the left-most
  // entry and the app's own client-address header are the client's words, and change every time.
  const post = (base: string, i: number) =>
    fetch(`${base}/api/bookings`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": base === A ? `198.51.100.${i}, ${client}, 10.0.0.1` : `198.51.100.${i}, ${client}`,
        "x-vh-client-address": `203.0.113.${i}`,
      },
      body: "{}",
    });
  const statuses = [];
  for (const [i, base] of [A, B, A, B, A].entries()) statuses.push((await post(base, i)).status);
  expect(statuses).toEqual([400, 400, 400, 429, 429]);
  const limited = await post(B, 9);
  expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  expect((await limited.json()).error.code).toBe("rate_limited");
  // Another client, on either instance, has its own count.
  const other = freshClient();
  const response = await fetch(`${B}/api/bookings`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": other }, body: "{}" });
  expect(response.status).toBe(400);
});

async function signInAttempt(context: APIRequestContext, base: string, password: string): Promise<string> {
  const { csrfToken } = await (await context.get(`${base}/api/auth/csrf`)).json();
  const response = await context.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email: LOCKOUT_EMAIL, password, json: "true" } });
  return new URL((await response.json()).url).searchParams.get("error") ?? "signed in";
}

test("sign-in: failures on two instances add up to one account limit, which never blocks a browser that signed in before", async () => {
  const frontDesk = await playwrightRequest.newContext();
  expect(await signInAttempt(frontDesk, BASE_URL, STAFF_PASSWORD)).toBe("signed in");
  const deviceCookies = (await frontDesk.storageState()).cookies.filter((c) => c.name.startsWith("vh-device-"));
  expect(deviceCookies).toHaveLength(1);
  expect(deviceCookies[0]).toMatchObject({ path: "/api/auth", httpOnly: true, sameSite: "Lax" });

  // 20 failures from browsers the account has never used, half on each instance, each from an
  // address of its own (instance A, behind two proxies, reads it from X-Forwarded-For).
  const stranger = () => playwrightRequest.newContext({ extraHTTPHeaders: { "x-forwarded-for": `${freshClient()}, 10.0.0.1` } });
  for (let i = 0; i < 20; i++) {
    const context = await stranger();
    expect(await signInAttempt(context, i % 2 ? A : BASE_URL, `guess-${i}`)).toBe("CredentialsSignin");
    await context.dispose();
  }
  // Now any unknown browser is refused, even with the right password, on either instance...
  for (const base of [BASE_URL, A]) {
    const context = await stranger();
    expect(await signInAttempt(context, base, STAFF_PASSWORD)).toMatch(/Too many sign-in attempts/);
    await context.dispose();
  }
  // ...but the front desk's browser still signs in, on the other instance too.
  expect(await signInAttempt(frontDesk, A, STAFF_PASSWORD)).toBe("signed in");
  expect((await (await frontDesk.get(`${A}/api/auth/session`)).json()).staff?.email).toBe(LOCKOUT_EMAIL);
  await frontDesk.dispose();
});

test("sign-out ends that session on the server: a copy of its cookie taken before answers 401", async () => {
  const sally = await signInApi("sally@clinic.example");
  const otherDevice = await signInApi("sally@clinic.example");
  const copy = (await sally.storageState()).cookies.find((c) => c.name === "next-auth.session-token")!;
  const range = `from=${upcomingDate(1, 14)}&to=${upcomingDate(1, 14)}`;
  expect((await sally.get(`/api/staff/bookings?${range}`)).status()).toBe(200);

  const { csrfToken } = await (await sally.get("/api/auth/csrf")).json();
  expect((await sally.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).status()).toBe(200);

  const thief = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: { cookies: [copy], origins: [] } });
  const refused = await thief.get(`/api/staff/bookings?${range}`);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthenticated");
  // Signing out on one device leaves Sally's other sessions alone.
  expect((await otherDevice.get(`/api/staff/bookings?${range}`)).status()).toBe(200);
  await Promise.all([sally.dispose(), otherDevice.dispose(), thief.dispose()]);
});

test("security headers on every kind of response, set once; HSTS only where APP_URL is https", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
  const page = await anonymous.get("/");
  const css = page.headers()["link"]?.match(/<(\/_next\/static\/[^>]+\.css)>/)?.[1];
  expect(css).toBeTruthy();
  const responses = {
    page,
    json: await anonymous.get("/api/services"),
    staticFile: await anonymous.get(css!),
    notFound: await anonymous.get("/no-such-page"),
    redirect: await anonymous.get("/staff/diary"),
    managePage: await anonymous.get("/booking/not-a-real-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    manageApi: await anonymous.get("/api/manage/not-a-real-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    feed: await anonymous.get("/calendar/not-a-feed.ics"),
  };
  expect(responses.redirect.status()).toBe(307);
  const nonces = new Set<string>();
  for (const [name, response] of Object.entries(responses)) {
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, name).toMatch(/script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/);
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp, name).toContain(directive);
    expect(csp, name).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], name).toBe("nosniff");
    expect(headers["x-frame-options"], name).toBe("DENY");
    expect(headers["permissions-policy"], name).toContain("camera=()");
    expect(headers["referrer-policy"], name).toBe(name.startsWith("manage") ? "no-referrer" : "strict-origin-when-cross-origin");
    expect(headers, name).not.toHaveProperty("x-powered-by");
    expect(headers, name).not.toHaveProperty("strict-transport-security");
  }
  expect(nonces.size, "a fresh nonce per response").toBe(Object.keys(responses).length);
  // The page's scripts carry that response's nonce.
  const nonce = page.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1]!;
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  await anonymous.dispose();

  // Instance B serves https://booking.victoriahouse.example (behind its TLS proxy): HSTS for a year or more.
  const secure = await fetch(`${B}/api/services`);
  expect(Number(secure.headers.get("strict-transport-security")?.match(/max-age=(\d+)/)?.[1])).toBeGreaterThanOrEqual(31_536_000);
  expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  expect((await fetch(`${A}/api/services`)).headers.get("strict-transport-security")).toBeNull();
});

/**
 * Sends raw bytes to the e2e server and resolves with the first answer: its status line and body
 * (raw, chunk sizes and all when it is chunked), once the body is in or the server closes.
 */
function rawRequest(head: string, body: string, { keepOpen = false } = {}): Promise<{ status: string; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(E2E_PORT, "127.0.0.1");
    let received = "";
    const answer = () => {
      const end = received.indexOf("\r\n\r\n");
      return { status: received.split("\r\n")[0]!, headers: end >= 0 ? received.slice(0, end) : received, body: end >= 0 ? received.slice(end + 4) : "" };
    };
    socket.on("connect", () => {
      socket.write(head);
      socket.write(body);
      if (!keepOpen) socket.end();
    });
    socket.on("data", (chunk) => {
      received += chunk;
      const length = Number(received.match(/content-length: (\d+)/i)?.[1] ?? -1);
      if (length >= 0 && answer().body.length >= length) {
        socket.destroy();
        resolve(answer());
      }
    });
    socket.on("end", () => resolve(answer()));
    socket.on("error", reject);
    setTimeout(() => reject(new Error(`no answer; got: ${received.slice(0, 200)}`)), 10_000);
  });
}

test("a body over 64 KiB answers 413 payload_too_large before the rest is read", async () => {
  // It declares 500 MB and sends 1 KB: the answer comes at once, without waiting for the rest.
  const declared = await rawRequest(
    "POST /api/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500000000\r\n\r\n",
    "{".padEnd(1024, " "),
    { keepOpen: true },
  );
  expect(declared.status).toBe("HTTP/1.1 413 Payload Too Large");
  expect(JSON.parse(declared.body)).toEqual({ error: { code: "payload_too_large", message: expect.stringMatching(/too large/) } });
  // The rest of that body may still be on its way, so the connection is not offered for reuse.
  expect(declared.headers).toMatch(/^connection: close$/im);

  // Streamed in chunks with no length: refused once 64 KiB have passed, while more is still "coming".
  const chunk = (data: string) => `${data.length.toString(16)}\r\n${data}\r\n`;
  const streamed = await rawRequest(
    "POST /api/manage/abc/cancel HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    Array.from({ length: 8 }, () => chunk("x".repeat(10_000))).join(""),
    { keepOpen: true },
  );
  expect(streamed.status).toBe("HTTP/1.1 413 Payload Too Large");
  expect(JSON.parse(streamed.body).error.code).toBe("payload_too_large");

  // A small chunked body still reaches the app (here: invalid, so a 400 with field messages).
  const small = await rawRequest(
    "POST /api/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    `${chunk('{"service":"consultation"')}${chunk("}")}0\r\n\r\n`,
  );
  expect(small.status).toBe("HTTP/1.1 400 Bad Request");
  expect(small.body).toContain('"fields":{"practitioner"');
  // Exactly 64 KiB is allowed through to the app.
  const limit = await fetch(`${BASE_URL}/api/bookings`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ notes: "x".repeat(65_536 - 13) }) });
  expect(limit.status).not.toBe(413);
});

test("after a 413 a keep-alive client's next requests never meet a cut connection", async () => {
  // The server swallows what is left of a refused body for a moment, then cuts that connection:
  // a client told it stays open would send its next request down it and lose the answer.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, path: string, body?: string) =>
    new Promise<number | string>((resolve) => {
      const request = http.request(`${BASE_URL}${path}`, { agent, method, headers: { "content-type": "application/json", ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      request.end(body);
    });
  expect(await send("POST", "/api/bookings", "x".repeat(70_000))).toBe(413);
  const answers: (number | string)[] = [];
  for (const started = Date.now(); Date.now() - started < 1500; ) answers.push(await send("GET", "/api/practitioners"));
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.filter((answer) => answer !== 200)).toEqual([]);
  agent.destroy();
});

test("decline without email: notifyPatient false declines and queues nothing for the patient", async () => {
  const reception = await signInApi("reception@clinic.example");
  const date = upcomingDate(3, 45);
  const request = async (time: string, email: string) => {
    const response = await reception.post("/api/bookings", {
      data: { service: "consultation", practitioner: "sally", start: londonInstant(date, time), patient: { name: "Spam Target", email, phone: `07700 9${String(randomInt(100_000)).padStart(5, "0")}` }, consent: true },
    });
    expect(response.status()).toBe(201);
    const reference = (await response.json()).booking.reference;
    return (await db.query(`SELECT id FROM "Booking" WHERE reference = $1`, [reference])).rows[0].id as string;
  };
  const kinds = async (id: string) => (await db.query(`SELECT kind FROM "EmailMessage" WHERE "bookingId" = $1 ORDER BY "createdAt"`, [id])).rows.map((r) => r.kind);
  await db.query(`DELETE FROM "Booking" WHERE "patientId" IN (SELECT id FROM "Patient" WHERE email LIKE 'decline-%@example.com')`);

  const quiet = await request("10:00", "decline-quiet@example.com");
  const declined = await reception.post(`/api/staff/bookings/${quiet}/decline`, { data: { reason: "Not a real request", notifyPatient: false } });
  expect(declined.status()).toBe(200);
  expect((await declined.json()).booking.status).toBe("declined");
  expect(await kinds(quiet)).toEqual(["acknowledgement"]);

  const told = await request("10:30", "decline-told@example.com");
  expect((await reception.post(`/api/staff/bookings/${told}/decline`, { data: {} })).status()).toBe(200);
  expect(await kinds(told)).toEqual(["acknowledgement", "declined"]);
  expect((await reception.post(`/api/staff/bookings/${told}/decline`, { data: { notifyPatient: "no" } })).status()).toBe(400);
  await reception.dispose();
});

test("a public request never changes a patient's stored details; staff see what it said beside the record", async () => {
  const reception = await signInApi("reception@clinic.example");
  await db.query(`DELETE FROM "Booking" WHERE "patientId" IN (SELECT id FROM "Patient" WHERE email = 'stored.details@example.com')`);
  await db.query(`DELETE FROM "Patient" WHERE email = 'stored.details@example.com'`);
  const date = upcomingDate(5, 45); // a Friday: Sally works
  const request = async (time: string, name: string, phone: string) => {
    const response = await reception.post("/api/bookings", {
      data: { service: "consultation", practitioner: "sally", start: londonInstant(date, time), patient: { name, email: "stored.details@example.com", phone }, consent: true },
    });
    expect(response.status()).toBe(201);
    return (await db.query(`SELECT id FROM "Booking" WHERE reference = $1`, [(await response.json()).booking.reference])).rows[0].id as string;
  };
  await request("09:00", "Stella Stored", "07700 900671");
  const second = await request("09:30", "Mallory Other", "07700 900672");
  const listed = (await (await reception.get(`/api/staff/bookings?from=${date}&to=${date}`)).json()).bookings.find((b: { id: string }) => b.id === second);
  expect(listed).toMatchObject({ patient: { name: "Stella Stored", phone: "07700 900671" }, given: { name: "Mallory Other", phone: "07700 900672" } });
  const page = await (await reception.get(`/staff/bookings/${second}`)).text();
  // (React separates adjacent text in server-rendered HTML with empty comments.)
  expect(/This request said.{0,200}Mallory Other(<!-- -->)?, (<!-- -->)?07700 900672/s.test(page), "the booking page shows what the request said").toBe(true);
  await reception.dispose();
});

/** Runs a command to its end (at most 60 s) and returns its exit code and output. */
function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("the built app refuses to serve in production when started around the app server, or with unsafe settings", async () => {
  const nextStart = ["node_modules/next/dist/bin/next", "start", "-p", String(PORT_NEXT_START)];
  // Plain `next start` would let clients write their own address header: it exits at once.
  const bypass = await runToEnd(nextStart, appEnv({ NODE_ENV: "production", APP_URL: `http://localhost:${PORT_NEXT_START}` }));
  expect(bypass.code).toBe(1);
  expect(bypass.output).toMatch(/Refusing to serve: start the app with `npm start`/);
  // Started the right way but on a public address without SMTP: the boot check names the variable.
  const unsafe = await runToEnd(nextStart, appEnv({ NODE_ENV: "production", VH_APP_SERVER: "1", APP_URL: PUBLIC_APP_URL, SMTP_URL: "" }));
  expect(unsafe.code).toBe(1);
  expect(unsafe.output).toMatch(/SMTP_URL is not set/);
});
