import { expect, test } from "@playwright/test";
import { SMTP_PORT } from "../../playwright.config";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { chooseDayBeyondCutoff, collectConsoleErrors, expectNoSidewaysScroll, shot } from "./support";

/**
 * A patient on a phone books a consultation, gets the acknowledgement email at a real SMTP server,
 * follows its manage link, moves the booking, then cancels it. Screenshots of every step go to
 * test-results/screenshots/. Any console error fails the test.
 */
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  smtp = await startTestSmtpServer(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

test.describe("patient on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("books, gets the email, reschedules and cancels through the manage link", async ({ page }) => {
    const errors = collectConsoleErrors(page);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/6 to 8 weeks/).first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "patient-01-home");

    await page.getByRole("link", { name: /Book a free consultation/ }).first().click();
    await expect(page).toHaveURL(/\/book$/);
    await page.getByRole("radio", { name: "Sally" }).check();
    // The calendar selects the first day with free times; a later day keeps the booking beyond
    // the 24-hour change cut-off, so it can be moved and cancelled online at any hour.
    const times = page.getByRole("group", { name: /Free times on .*UK time \((GMT|BST)/ });
    await expect(times).toBeVisible();
    await chooseDayBeyondCutoff(page);
    await times.getByRole("button").first().click();
    await expectNoSidewaysScroll(page);
    await shot(page, "patient-02-time-chosen");

    await page.getByLabel("Full name").fill("Alex Patient");
    await page.getByLabel("Email").fill("alex.patient@example.com");
    await page.getByLabel("Phone").fill("07700 900456");
    await page.getByLabel(/Anything we should know/).fill("Full scalp SMP done in 2020, fairly dark.");
    // Consent starts unticked and is required.
    const consent = page.getByLabel(/I agree that Victoria House Clinic/);
    await expect(consent).not.toBeChecked();
    await page.getByRole("button", { name: "Request booking" }).click();
    await expect(page.getByText(/tick the box/i).first()).toBeVisible();
    await consent.check();
    await shot(page, "patient-03-details");
    await page.getByRole("button", { name: "Request booking" }).click();

    await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
    const reference = (await page.getByTestId("booking-reference").innerText()).trim();
    expect(reference).toMatch(/^VH-[2-9A-HJKMNP-TV-Z]{5}$/);
    await expectNoSidewaysScroll(page);
    await shot(page, "patient-04-request-received");

    // The acknowledgement arrives at the real SMTP server, with the same reference and the link.
    const mail = await smtp.waitFor((m) => m.subject?.includes(reference) ?? false, 20_000);
    expect(mail.subject).not.toMatch(/SMP|scalp|tattoo/i);
    const manageUrl = mail.text?.match(/https?:\/\/\S+\/booking\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(manageUrl, "manage link in the email").toBeTruthy();
    expect(mail.text).toMatch(/Sally/);

    await page.goto(manageUrl!);
    await expect(page.getByRole("heading", { level: 1, name: "Your booking" })).toBeVisible();
    await expect(page.getByText(reference)).toBeVisible();
    // Where: the clinic's address as stored in its settings.
    await expect(page.getByRole("definition").filter({ hasText: "12 Victoria Road" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "patient-05-manage");

    await page.getByRole("button", { name: "Change time" }).click();
    const newTimes = page.getByRole("group", { name: /Free times on/ });
    await expect(newTimes).toBeVisible();
    await chooseDayBeyondCutoff(page, 2); // beyond the cut-off again, so the moved booking can be cancelled
    await newTimes.getByRole("button").nth(1).click();
    await shot(page, "patient-06-choose-new-time");
    await page.getByRole("button", { name: "Move my booking" }).click();
    await expect(page.getByText("Your booking has been moved")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, "patient-07-moved");

    await page.getByRole("button", { name: "Cancel booking" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/Reason/).fill("Found a date that suits me better");
    await shot(page, "patient-08-cancel-dialog");
    await dialog.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(page.getByText("Your booking is cancelled").first()).toBeVisible();
    await shot(page, "patient-09-cancelled");

    await smtp.waitFor((m) => (m.subject?.includes("cancelled") && m.subject.includes(reference)) ?? false, 20_000);
    expect(errors, "console errors").toEqual([]);
  });
});

test.describe("desktop at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("home, booking and privacy pages render without errors", async ({ page, request }) => {
    const errors = collectConsoleErrors(page);
    // Browsers ask for /favicon.ico whatever the page says: it must not be a 404 in the console.
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
    await page.goto("/");
    await expect(page.getByRole("heading", { name: /prices/i }).first()).toBeVisible();
    await expect(page.getByText("£250").first()).toBeVisible();
    await expect(page.getByText("£100").first()).toBeVisible();
    await shot(page, "desktop-01-home");
    await page.goto("/book");
    await expect(page.getByRole("group", { name: /Free times on/ })).toBeVisible();
    await shot(page, "desktop-02-book");
    await page.goto("/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    await shot(page, "desktop-03-privacy");
    expect(errors, "console errors").toEqual([]);
  });
});

test("a wrong or expired manage link answers 404 with a way back, and tells nothing about any booking", async ({ page }) => {
  const response = await page.goto("/booking/not-a-real-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /book/i }).first()).toBeVisible();
  await expect(page.locator("meta[name=robots]").first()).toHaveAttribute("content", /noindex/);
});
