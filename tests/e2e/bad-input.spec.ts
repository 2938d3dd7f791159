import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { STAFF_PASSWORD, collectConsoleErrors, signInApi } from "./support";

/**
 * The issue-8 cases that only the real server shows, one plain test each: methods Next.js cannot
 * take, undecodable path escapes, next-auth's callback input, a planted callback cookie, and the
 * staff pages' bad query parameters. Each used to answer 500 or render the error boundary.
 */
let anonymous: APIRequestContext;
test.beforeAll(async () => {
  anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
});
test.afterAll(async () => {
  await anonymous.dispose();
});

test("TRACE and other unserved methods answer 405 with the methods served", async () => {
  for (const path of ["/", "/api/services", "/staff/login", "/api/staff/bookings", "/booking/x"]) {
    for (const method of ["TRACE", "PROPFIND"]) {
      const response = await anonymous.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect((await response.json()).error.code).toBe("method_not_allowed");
    }
  }
});

test("a path segment with escapes that do not decode answers 404, not 500", async () => {
  for (const path of ["/booking/%ZZ", "/booking/%C3%28", "/api/manage/%ZZ", "/api/manage/%ZZ/cancel", "/calendar/%ZZ.ics", "/staff/%ZZ"]) {
    const response = await anonymous.fetch(path, { method: path.endsWith("/cancel") ? "POST" : "GET", maxRedirects: 0 });
    // Staff pages first send a signed-out browser to sign in; everything else is not found.
    expect(response.status(), path).toBe(path.startsWith("/staff") ? 307 : 404);
  }
  expect((await (await anonymous.get("/api/manage/%ZZ")).json()).error.code).toBe("not_found");
});

test("next-auth's callback input never answers 500: GET on the credentials callback, a callbackUrl that is not a URL, a broken JSON body", async () => {
  const callback = await anonymous.get("/api/auth/callback/credentials", { maxRedirects: 0 });
  expect(callback.status()).toBe(405);
  expect(callback.headers().allow).toBe("POST");

  for (const path of ["/api/auth/session?callbackUrl=%25ZZ", "/api/auth/csrf?callbackUrl=not%20a%20url", "/api/auth/signin?callbackUrl=%25ZZ", "/api/auth/providers?callbackUrl=http%3A%2F%2F%25zz"]) {
    expect((await anonymous.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
  }
  // A Buffer: Playwright would send a string as a JSON string.
  const broken = await anonymous.post("/api/auth/signin/credentials", { data: Buffer.from("{"), headers: { "content-type": "application/json" }, maxRedirects: 0 });
  expect(broken.status()).toBe(400);

  // Signing in with a callbackUrl form field that is not a URL still signs in, and lands at home.
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const signIn = await context.post("/api/auth/callback/credentials?callbackUrl=%25ZZ", { form: { csrfToken, email: "reception@clinic.example", password: STAFF_PASSWORD, callbackUrl: "%ZZ", json: "true" } });
  expect(signIn.status()).toBe(200);
  expect((await signIn.json()).url).toBe(`${BASE_URL}`);
  expect((await (await context.get("/api/auth/session")).json()).staff?.email).toBe("reception@clinic.example");
  await context.dispose();
});

test("a planted malformed next-auth.callback-url cookie breaks neither sign-in nor any staff page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE_URL });
  await context.addCookies([{ name: "next-auth.callback-url", value: "%ZZ", url: BASE_URL }]);
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto("/staff/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email address").fill("admin@clinic.example");
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The cookie comes back on every request (planted again, as an attacker on a sibling host could).
  for (const path of ["/staff", "/staff/diary", "/staff/requests", "/staff/patients", "/staff/messages", "/staff/admin"]) {
    await context.addCookies([{ name: "next-auth.callback-url", value: "%ZZ", url: BASE_URL }]);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("the diary for 9999-12-31 and a patient search for NUL characters explain themselves instead of failing", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const reception = await signInApi("reception@clinic.example");
  await page.context().addCookies((await reception.storageState()).cookies);
  await reception.dispose();

  const diary = await page.goto("/staff/diary?date=9999-12-31");
  expect(diary?.status()).toBe(200);
  await expect(page.getByText("That date cannot be shown")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Diary" })).toBeVisible();

  const search = await page.goto("/staff/patients?q=%00%00");
  expect(search?.status()).toBe(200);
  await expect(page.getByText(/no control characters/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  expect(errors, "console errors").toEqual([]);
});
