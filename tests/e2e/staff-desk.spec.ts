import { expect, test, type Page } from "@playwright/test";
import { SMTP_PORT } from "../../playwright.config";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { parseInvite } from "../support/ics";
import { STAFF_PASSWORD, chooseDayBeyondCutoff, chooseRoomyDay, collectConsoleErrors, expectNoSidewaysScroll, londonInstant, shot, signInApi, upcomingDate } from "./support";

/**
 * The front desk and a practitioner in a real browser: the receptionist books a phone caller and
 * moves the booking; Sally confirms a patient's online request and the patient's confirmation,
 * with its calendar invite, arrives at a real SMTP server. Screenshots of the diary at 1280 and
 * 768 px go to test-results/screenshots/.
 */
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  smtp = await startTestSmtpServer(SMTP_PORT);
});
test.afterAll(async () => {
  await smtp.close();
});

async function signIn(page: Page, email: string) {
  await page.goto("/staff/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("the receptionist books a phone caller and then moves the booking", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = collectConsoleErrors(page);
  await signIn(page, "reception@clinic.example");

  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Book a caller" }).click();
  await page.getByLabel("Service").selectOption("consultation");
  await page.getByLabel("Practitioner").selectOption("sally");
  const times = page.getByRole("group", { name: /Free times on/ });
  await expect(times).toBeVisible();
  await times.getByRole("button").first().click();
  await page.getByLabel("Full name").fill("Phone Caller");
  await page.getByLabel("Email address").fill("phone.caller@example.com");
  await page.getByLabel("Phone number").fill("07700 900654");
  await expect(page.getByLabel("Email the patient a confirmation")).toBeChecked();
  await shot(page, "staff-01-phone-booking");
  await page.getByRole("button", { name: "Book appointment" }).click();

  await expect(page.getByRole("heading", { name: "Booked and confirmed" })).toBeVisible();
  const reference = (await page.getByText(/^VH-[2-9A-Z]{5}$/).innerText()).trim();
  const confirmation = await smtp.waitFor((m) => (m.subject?.includes("confirmed") && m.subject.includes(reference)) ?? false, 20_000);
  expect(confirmation.attachments.some((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"))).toBe(true);

  await page.getByRole("link", { name: "Open the booking" }).click();
  await expect(page.getByText(reference).first()).toBeVisible();
  await page.getByRole("button", { name: "Reschedule" }).click();
  const newTimes = page.getByRole("group", { name: /Free times on/ });
  await expect(newTimes).toBeVisible();
  // Late in the day, today may have fewer than three times left: pick a day that has them.
  await chooseRoomyDay(page);
  await newTimes.getByRole("button").nth(2).click();
  await page.getByRole("button", { name: "Move booking" }).click();
  await expect(page.getByText("Booking moved")).toBeVisible();
  await shot(page, "staff-02-booking-moved");

  const update = await smtp.waitFor((m) => (m.subject?.includes("moved") && m.subject.includes(reference)) ?? false, 20_000);
  const invite = update.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"));
  expect(parseInvite(invite!.content.toString("utf8"))).toMatchObject({ method: "REQUEST", sequence: 1 });
  // The history shows who did what.
  const history = page.getByRole("region", { name: "History" }).or(page.locator("section", { has: page.getByRole("heading", { name: "History" }) }));
  await expect(history.first()).toContainText(/Reception/);
  await expect(history.first()).toContainText(/rescheduled|moved/i);
  expect(errors, "console errors").toEqual([]);
});

test("a clash while the receptionist is typing is refused clearly and the form keeps its values", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "reception@clinic.example");
  await page.goto("/staff/book");
  await page.getByLabel("Service").selectOption("consultation");
  await page.getByLabel("Practitioner").selectOption("hannah");
  const times = page.getByRole("group", { name: /Free times on/ });
  await expect(times).toBeVisible();
  // A day ahead rather than the first free time, which can pass while the test runs.
  const date = await chooseDayBeyondCutoff(page);
  await times.getByRole("button").first().click();
  await page.getByLabel("Full name").fill("Second Caller");
  await page.getByLabel("Email address").fill("second.caller@example.com");
  await page.getByLabel("Phone number").fill("07700 900222");

  // Meanwhile a colleague books that very slot for someone else.
  const colleague = await signInApi("admin@clinic.example");
  const { slots } = await (await colleague.get(`/api/staff/availability?service=consultation&practitioner=hannah&from=${date}&to=${date}`)).json();
  const taken = await colleague.post("/api/staff/bookings", {
    data: { service: "consultation", practitioner: "hannah", start: slots[0].start, patient: { name: "First Caller", email: "first.caller@example.com", phone: "07700 900333" }, notifyPatient: false },
  });
  expect(taken.status()).toBe(201);
  await colleague.dispose();

  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByText("That time is no longer free. Please choose another.").first()).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Second Caller");
  await expect(page.getByLabel("Email address")).toHaveValue("second.caller@example.com");
  await expect(page.getByLabel("Phone number")).toHaveValue("07700 900222");
  await shot(page, "staff-04-clash");
});

test("Sally confirms a patient's request and the confirmation with its calendar invite arrives", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = collectConsoleErrors(page);
  // A patient asks online for a Monday morning with Sally.
  const api = await signInApi("admin@clinic.example");
  const date = upcomingDate(1, 25);
  const start = londonInstant(date, "10:30");
  const created = await api.post("/api/bookings", {
    data: { service: "consultation", practitioner: "sally", start, patient: { name: "Request Patient", email: "request.patient@example.com", phone: "07700 900111" }, consent: true },
  });
  expect(created.status()).toBe(201);
  const reference = (await created.json()).booking.reference as string;
  await api.dispose();

  await signIn(page, "sally@clinic.example");
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: /Requests/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  await shot(page, "staff-03-requests");
  await page.getByRole("button", { name: /Confirm Request Patient.s request/ }).click();
  await expect(page.getByText(/Confirmed: we have emailed Request Patient/)).toBeVisible();

  const mail = await smtp.waitFor((m) => (m.subject?.includes("confirmed") && m.subject.includes(reference)) ?? false, 20_000);
  expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("request.patient@example.com");
  const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"));
  expect(ics, "calendar invite").toBeTruthy();
  const invite = parseInvite(ics!.content.toString("utf8"));
  expect(invite).toMatchObject({ method: "REQUEST", sequence: 0, status: "CONFIRMED", start });
  expect(invite.uid).toMatch(/@victoriahouse\.booking$/);
  expect(errors, "console errors").toEqual([]);
});

for (const width of [1280, 768]) {
  test(`the diary, every practitioner side by side, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1000 });
    const errors = collectConsoleErrors(page);
    await signIn(page, "reception@clinic.example");
    await page.goto(`/staff/diary?view=week&date=${upcomingDate(1, 25)}&practitioner=all`);
    await expect(page.getByRole("heading", { level: 1, name: "Diary" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Request Patient, confirmed/ }).first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shot(page, `staff-diary-${width}`);
    expect(errors, "console errors").toEqual([]);
  });
}

test("within 24 hours the patient's link says to call; the day view opens the booking from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = collectConsoleErrors(page);
  const reception = await signInApi("reception@clinic.example");
  // Make sure Sally works today and tomorrow, then book her first free time after now.
  const london = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + offsetDays * 86_400_000));
  for (const date of [london(0), london(1)]) {
    expect((await reception.post("/api/staff/schedule/sally/overrides", { data: { date, startMinute: 6 * 60, endMinute: 22 * 60 } })).status()).toBe(200);
  }
  const { slots } = await (await reception.get(`/api/staff/availability?service=consultation&practitioner=sally&from=${london(0)}&to=${london(1)}`)).json();
  const soon = slots.find((s: { start: string }) => Date.parse(s.start) > Date.now() + 30 * 60_000);
  const made = await reception.post("/api/staff/bookings", {
    data: { service: "consultation", practitioner: "sally", start: soon.start, patient: { name: "Soon Patient", email: "soon@example.com", phone: "07700 900888" } },
  });
  expect(made.status()).toBe(201);
  const { booking } = await made.json();
  await reception.dispose();

  const mail = await smtp.waitFor((m) => (m.subject?.includes("confirmed") && m.subject.includes(booking.reference)) ?? false, 20_000);
  const manageUrl = mail.text!.match(/https?:\/\/\S+\/booking\/[A-Za-z0-9_-]{43}/)![0];
  await page.goto(manageUrl);
  await expect(page.getByText(/less than 24 hours away/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /0121 000 0000/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Change time" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel booking" })).toHaveCount(0);
  await shot(page, "patient-10-too-late");

  await signIn(page, "reception@clinic.example");
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(booking.start));
  await page.goto(`/staff/diary?view=day&date=${date}&practitioner=all`);
  const block = page.getByRole("link", { name: /Soon Patient, confirmed/ }).first();
  await expect(block).toBeVisible();
  for (let i = 0; i < 120 && !(await block.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(block).toBeFocused();
  await shot(page, "staff-diary-day-keyboard");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(booking.reference.split("").join("\\s*")) })).toBeVisible();
  expect(errors, "console errors").toEqual([]);
});
