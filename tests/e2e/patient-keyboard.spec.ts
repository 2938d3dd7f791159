import { expect, test, type Locator, type Page } from "@playwright/test";
import { collectConsoleErrors, shot } from "./support";

/**
 * A patient who uses only the keyboard can book: every control is reachable with Tab, the
 * calendar moves with the arrow keys, and Enter or Space chooses.
 */
async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

test.use({ viewport: { width: 375, height: 812 } });

test("a patient books a consultation with the keyboard alone", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/book");
  await page.waitForLoadState("networkidle");

  // Practitioner: radios move with the arrow keys.
  await tabTo(page, page.getByRole("radio", { checked: true }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Sally" })).toBeChecked();

  // Calendar: one day is in the Tab order; arrows move between days; Enter chooses.
  const days = page.getByRole("button", { name: /times? free$/ });
  await expect(days.first()).toBeVisible();
  const selectedDay = page.locator("button[tabindex='0']").filter({ hasText: /^\d+/ }).first();
  await tabTo(page, selectedDay);
  const before = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
  await page.keyboard.press("ArrowRight");
  const after = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
  expect(after).not.toBe(before);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");

  // Time: Tab to the first free time and choose it with Space.
  const firstTime = page.getByRole("group", { name: /Free times on/ }).getByRole("button").first();
  await tabTo(page, firstTime);
  await page.keyboard.press("Space");
  await expect(firstTime).toHaveAttribute("aria-pressed", "true");

  // Details: type into each field in turn.
  await tabTo(page, page.getByLabel("Full name"));
  await page.keyboard.type("Kim Keyboard");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type("kim.keyboard@example.com");
  await tabTo(page, page.getByLabel("Phone"));
  await page.keyboard.type("07700 900789");
  const consent = page.getByLabel(/I agree that Victoria House Clinic/);
  await tabTo(page, consent);
  await page.keyboard.press("Space");
  await expect(consent).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Request booking" }));
  await shot(page, "keyboard-01-ready");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
  // Focus moves to the confirmation so a screen reader announces it.
  await expect(page.getByRole("heading", { name: "Request received" })).toBeFocused();
  await shot(page, "keyboard-02-received");
  expect(errors, "console errors").toEqual([]);
});
