import { expect, test } from "@playwright/test";
import { SMTP_PORT } from "../../playwright.config";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { STAFF_PASSWORD, collectConsoleErrors, londonInstant, shot, upcomingDate } from "./support";

/**
 * An email the mail server refuses for good (550) shows on the Messages page with the reason, and
 * the receptionist sends it again once the problem is fixed.
 */
let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

test("a refused email is visible to staff with the reason, and can be sent again", async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = collectConsoleErrors(page);
  // Only this patient's email is refused: retries of earlier tests' emails may reach the server first.
  smtp.failNext(1, 550, "Mailbox unavailable", { to: "bounce@example.com" });
  const booked = await request.post("/api/bookings", {
    data: { service: "consultation", practitioner: "sally", start: londonInstant(upcomingDate(3, 30), "09:30"), patient: { name: "Bounce Patient", email: "bounce@example.com", phone: "07700 900444" }, consent: true },
  });
  expect(booked.status()).toBe(201);
  const reference = (await booked.json()).booking.reference as string;

  await page.goto("/staff/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email address").fill("reception@clinic.example");
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The sender tries right after the booking commits; wait for the refusal to be recorded.
  await expect(async () => {
    await page.goto("/staff/messages?status=failed");
    await expect(page.getByText(`(${reference})`).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(/550/).first()).toBeVisible();
  await expect(page.getByText(/could not be sent/).first()).toBeVisible();
  await shot(page, "staff-05-messages-failed");

  await page.getByRole("button", { name: new RegExp(`Send again to bounce@example\\.com`) }).click();
  const mail = await smtp.waitFor((m) => m.subject?.includes(reference) ?? false, 20_000);
  expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("bounce@example.com");
  await expect(async () => {
    await page.goto("/staff/messages?status=sent");
    await expect(page.getByText(`(${reference})`).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await shot(page, "staff-06-messages-sent");
  expect(errors, "console errors").toEqual([]);
});
