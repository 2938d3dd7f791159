import { readdirSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { deliverDueEmails } from "@/lib/email/delivery";
import { readLocalMailbox } from "@/lib/email/messages";
import { at, bookingBody, jsonRequest, resetDiary, testPool, upcoming } from "../support/fixtures";

// This file runs the app as a newcomer would: no SMTP_URL, so emails land in a mailbox folder.
const mailbox = vi.hoisted(() => {
  const dir = `.data/test-mailbox-${process.pid}-${Date.now()}`;
  delete process.env.SMTP_URL;
  process.env.MAILBOX_DIR = dir;
  return dir;
});

let pool: pg.Pool;
beforeAll(async () => {
  pool = testPool();
  await resetDiary(pool);
});
afterAll(async () => {
  await pool.end();
  rmSync(mailbox, { recursive: true, force: true });
});

describe("without SMTP_URL", () => {
  it("writes each email to the mailbox folder, prints its links, and staff can read it", async () => {
    const log = vi.spyOn(console, "log");
    const response = await postBooking(jsonRequest("/api/bookings", bookingBody({ start: at(upcoming(1), "10:00"), email: "newcomer@example.com" })));
    expect(response.status).toBe(201);
    const { booking } = await response.json();
    await deliverDueEmails({ now: new Date(Date.now() + 1000) });
    await vi.waitFor(() => expect(readdirSync(mailbox).filter((f) => f.endsWith(".eml"))).toHaveLength(1));
    // The email's own manage link, printed so that a newcomer can follow it.
    const manageUrl = await vi.waitFor(() => {
      const printed = log.mock.calls.flat().join("\n").match(/links: (http:\/\/localhost:3999\/booking\/[A-Za-z0-9_-]{43})/);
      expect(printed).not.toBeNull();
      return printed![1]!;
    });

    const entries = await readLocalMailbox();
    expect(entries).toHaveLength(1);
    expect(entries![0]).toMatchObject({ to: expect.stringContaining("newcomer@example.com"), subject: expect.stringContaining(booking.reference) });
    expect(entries![0]!.text).toContain(manageUrl);
    expect((await pool.query(`SELECT status FROM "EmailMessage"`)).rows[0].status).toBe("sent");
  });
});
