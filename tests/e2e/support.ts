import { mkdirSync } from "node:fs";
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { BASE_URL } from "../../playwright.config";

export const STAFF_PASSWORD = process.env.TEST_STAFF_PASSWORD ?? "test-staff-password";
export const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

export function testDb(): pg.Pool {
  return new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2, options: "-c TimeZone=UTC" });
}

/** Signs in through next-auth's own endpoints, as the sign-in page does, and returns the API context. */
export async function signInApi(email: string, password = STAFF_PASSWORD): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const response = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(response.ok(), `sign-in of ${email}`).toBeTruthy();
  const session = await (await context.get("/api/auth/session")).json();
  expect(session.staff?.email, `session of ${email}`).toBe(email);
  return context;
}

/**
 * Collects console errors and uncaught exceptions on every page the tab visits. Content Security
 * Policy violations are reported too, each as "CSP violation: ..." (Chromium logs most of them,
 * but the securitypolicyviolation event catches every one, on every document the tab loads).
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"} on ${document.location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A London date at least `days` ahead on an ISO weekday (1 = Monday). */
export function upcomingDate(weekday: number, days = 14): string {
  const date = new Date(Date.now() + days * 86_400_000);
  while ((date.getUTCDay() || 7) !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A UK wall-clock time on a date as an ISO instant (GMT or BST). */
export function londonInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const zone = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "short" }).format(guess);
  return new Date(guess.getTime() - (zone.includes("BST") ? 3_600_000 : 0)).toISOString();
}

/** Clicks the first day in the calendar with three or more free times, moving on a month if needed. */
export async function chooseRoomyDay(page: Page) {
  const roomy = page.getByRole("button", { name: /, (?:[3-9]|\d{2,}) times free$/ });
  for (let month = 0; month < 3; month++) {
    const found = await roomy.first().waitFor({ state: "visible", timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (found) break;
    await page.getByRole("button", { name: /^Next month/ }).click();
  }
  await roomy.first().click();
}

/**
 * Clicks a day with at least `minTimes` free times, never the first day with free times: that one
 * can be less than 24 hours away (the patients' change cut-off) when a test runs in the evening,
 * while the second such day is always at least a day later, so a booking there can still be moved
 * or cancelled online, whatever the hour. Returns the chosen London date (YYYY-MM-DD).
 */
export async function chooseDayBeyondCutoff(page: Page, minTimes = 1): Promise<string> {
  let skippedFirst = false;
  for (let month = 0; month < 3; month++) {
    const freeDays = page.getByRole("button", { name: /, \d+ times? free$/ });
    const any = await freeDays.first().waitFor({ state: "visible", timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (any) {
      for (const day of await freeDays.all()) {
        const count = Number((await day.getAttribute("aria-label"))?.match(/(\d+) times? free$/)?.[1] ?? 0);
        if (!skippedFirst) {
          skippedFirst = true;
          continue;
        }
        if (count >= minTimes) {
          await day.click();
          return (await day.getAttribute("data-date"))!;
        }
      }
    }
    await page.getByRole("button", { name: /^Next month/ }).click();
  }
  throw new Error(`No day after the first free one has ${minTimes} free times in the next three months`);
}
