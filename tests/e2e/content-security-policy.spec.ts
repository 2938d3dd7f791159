import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import type pg from "pg";
import { collectConsoleErrors, londonInstant, signInApi, testDb, upcomingDate } from "./support";

/**
 * Every page of the app works under its Content Security Policy (scripts only by this response's
 * nonce): each is loaded in Chromium, public and staff, and any console error, including every
 * CSP violation (reported through the securitypolicyviolation event), fails the test. Each page
 * must also have run Next's inline bootstrap script, which only runs with the right nonce.
 */
let db: pg.Pool;
let bookingId: string;
let manageUrl: string;

test.beforeAll(async () => {
  db = testDb();
  // A rerun of this file (after a failure) books the same time again: start from none.
  await db.query(`DELETE FROM "Booking" WHERE "patientId" IN (SELECT id FROM "Patient" WHERE email = 'csp.patient@example.com')`);
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const response = await anonymous.post("/api/bookings", {
    data: {
      service: "consultation",
      practitioner: "sally",
      start: londonInstant(upcomingDate(1, 40), "15:00"),
      patient: { name: "Policy Patient", email: "csp.patient@example.com", phone: "07700 900661" },
      notes: "Checking the pages.",
      consent: true,
    },
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  manageUrl = body.manageUrl;
  bookingId = (await db.query(`SELECT id FROM "Booking" WHERE reference = $1`, [body.booking.reference])).rows[0].id;
  await anonymous.dispose();
});

test.afterAll(async () => {
  await db.end();
});

/** Loads each path in one tab and returns what went wrong, page by page. */
async function visitAll(page: Page, paths: string[]) {
  const errors = collectConsoleErrors(page);
  for (const path of paths) {
    const response = await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    // Next's inline bootstrap pushes into self.__next_f: it ran, so the nonce was accepted.
    expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f)), `${path}: Next's inline script ran`).toBe(true);
  }
  return errors;
}

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const api = await signInApi(email);
  const context = await browser.newContext({ storageState: await api.storageState() });
  await api.dispose();
  return context.newPage();
}

test("public pages: home, booking, the manage page, privacy and the not-found pages", async ({ page }) => {
  const errors = await visitAll(page, ["/", "/book", "/privacy", new URL(manageUrl).pathname, "/staff/login"]);
  // The not-found pages answer 404 with the same policy (their 404 status is not a console error here).
  for (const path of ["/booking/not-a-real-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f)), path).toBe(true);
  }
  expect(errors.filter((e) => !/status of 404/.test(e)), "console errors and CSP violations").toEqual([]);
});

test("staff pages for the front desk and the admin", async ({ browser }) => {
  const date = upcomingDate(1, 40);
  const admin = await staffPage(browser, "admin@clinic.example");
  const errors = await visitAll(admin, [
    "/staff",
    `/staff/diary?view=week&date=${date}&practitioner=all`,
    `/staff/diary?view=day&date=${date}&practitioner=all`,
    "/staff/requests",
    "/staff/book",
    "/staff/patients?q=Policy",
    `/staff/bookings/${bookingId}`,
    "/staff/schedule",
    "/staff/schedule/sally",
    "/staff/messages",
    "/staff/admin",
    "/staff/admin/accounts",
    "/staff/admin/services",
    "/staff/admin/settings",
  ]);
  expect(errors, "console errors and CSP violations").toEqual([]);
  await admin.context().close();
});

test("a practitioner's pages", async ({ browser }) => {
  const sally = await staffPage(browser, "sally@clinic.example");
  const errors = await visitAll(sally, ["/staff", `/staff/diary?view=week&date=${upcomingDate(1, 40)}`, "/staff/requests", `/staff/bookings/${bookingId}`, "/staff/schedule/sally"]);
  expect(errors, "console errors and CSP violations").toEqual([]);
  await sally.context().close();
});

test("the policy is enforced, and a violation is caught: injected markup's script does not run", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  // What an XSS hole would do: markup with a script of its own inside the page.
  await page.route("/", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</head>", "<script>window.injected = true</script></head>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/");
  await expect.poll(() => errors.some((e) => /CSP violation: script-src/.test(e))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  // The page's own scripts still ran.
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
});
