import { spawn } from "node:child_process";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { POST as postBooking } from "@/app/api/bookings/route";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { MAX_ATTEMPTS, deliverDueEmails, stopOutboxWorker } from "@/lib/email/delivery";
import { DROPPED_RESEND_MESSAGE, STALE_RESEND_MESSAGE, listMessages, resendMessage } from "@/lib/email/messages";
import { cancelBookingByStaff, confirmBooking, createPhoneBooking, rescheduleBookingByStaff } from "@/lib/bookings/staff";
import { getManagedBooking } from "@/lib/bookings/manage";
import { MANAGE_LINK_PLACEHOLDER_PATH } from "@/lib/bookings/manage-link";
import { addDateOverride } from "@/lib/schedule";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { at, bookingBody, jsonRequest, resetDiary, testPool, upcoming } from "../support/fixtures";
import { FUZZ_SEED } from "../support/fuzz-seed";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp";
import { loadStaff } from "../support/staff";

/**
 * Delivery guarantees against a real SMTP server on TEST_SMTP_PORT, started and stopped by the
 * tests. Time is passed in (`now`) to walk through retries and leases without waiting.
 */
const PORT = Number(process.env.TEST_SMTP_PORT);
const MANAGE_LINK = /https?:\/\/[^\s"]+\/booking\/([A-Za-z0-9_-]{43})/;
let pool: pg.Pool;
let smtp: TestSmtpServer | null = null;
let staff: Awaited<ReturnType<typeof loadStaff>>;

beforeAll(async () => {
  pool = testPool();
  staff = await loadStaff(pool);
});
afterAll(async () => {
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
});
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

async function queue(count: number, prefix = "m") {
  for (let i = 0; i < count; i += 50) {
    await db.$transaction(async (tx) => {
      for (let j = i; j < Math.min(count, i + 50); j++) {
        await queueEmail(tx, { dedupeKey: `${prefix}-${j}`, kind: "test", to: `p${j}@example.com`, subject: `Message ${prefix}-${j}`, text: "Hello", html: "<p>Hello</p>" });
      }
    });
  }
}

async function statusOf(dedupeKey: string) {
  return (await pool.query(`SELECT status, attempts, "nextAttemptAt", "lastError" FROM "EmailMessage" WHERE "dedupeKey" = $1`, [dedupeKey])).rows[0];
}

async function drain(now: Date) {
  for (;;) {
    const report = await deliverDueEmails({ now, limit: 10 });
    if (report.claimed === 0) return;
  }
}

/** Another app instance's sender, in a process of its own (see tests/support/outbox-sender.ts). */
async function startSender(now: Date) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/outbox-sender.ts", now.toISOString()], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const finished = exited.then((code) => {
    if (code !== 0) throw new Error(`sender exited with ${code}: ${output}`);
    return JSON.parse(output.trim().split("\n").at(-1)!) as { sent: number };
  });
  finished.catch(() => {}); // a killed sender's result is never read
  return { child, exited, finished };
}

describe("delivery", () => {
  // That the booking never waits for the mail server is shown with a stalled server in
  // stalled-smtp.test.ts; a refused connection fails at once, so timing it here proves nothing.
  it("mail server down while a patient books: the booking succeeds; once it is up, the email arrives exactly once", async () => {
    const response = await postBooking(jsonRequest("/api/bookings", bookingBody({ start: at(upcoming(1), "10:00"), email: "down@example.com" })));
    expect(response.status).toBe(201);
    const { booking } = await response.json();

    // Give the after-commit attempt time to fail against the closed port.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await deliverDueEmails({ now: new Date() });
    const pending = (await pool.query(`SELECT status, attempts, "lastError" FROM "EmailMessage"`)).rows[0];
    expect(pending.status).toBe("pending");
    expect(pending.attempts).toBeGreaterThanOrEqual(1);
    expect(pending.lastError).toMatch(/ECONNREFUSED|ESOCKET/);

    smtp = await startTestSmtpServer(PORT);
    const later = new Date(Date.now() + 24 * 3_600_000);
    await drain(later);
    await drain(later);
    expect(smtp.messages.filter((m) => m.subject?.includes(booking.reference))).toHaveLength(1);
    expect((await pool.query(`SELECT status FROM "EmailMessage"`)).rows[0].status).toBe("sent");
  });

  it("451 three times: delivered on the fourth attempt, with growing delays", async () => {
    smtp = await startTestSmtpServer(PORT);
    smtp.failNext(3, 451, "Greylisted, try again later");
    await queue(1, "grey");
    let now = new Date();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliverDueEmails({ now, baseBackoffMs: 60_000 });
      expect(report).toMatchObject({ claimed: 1, retried: 1 });
      const row = await statusOf("grey-0");
      expect(row).toMatchObject({ status: "pending", attempts: attempt });
      expect(row.lastError).toMatch(/451/);
      delays.push(row.nextAttemptAt.getTime() - now.getTime());
      // Nothing happens before the next attempt is due.
      expect((await deliverDueEmails({ now: new Date(row.nextAttemptAt.getTime() - 1000) })).claimed).toBe(0);
      now = row.nextAttemptAt;
    }
    expect(await deliverDueEmails({ now })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await statusOf("grey-0")).toMatchObject({ status: "sent", attempts: 4 });
    expect(smtp.messages).toHaveLength(1);
    expect(delays[1]!).toBeGreaterThanOrEqual(delays[0]!);
    expect(delays[2]!).toBeGreaterThanOrEqual(delays[1]!);
    expect(delays[2]!).toBeGreaterThan(delays[0]!);
  });

  it("gives up after the attempt limit", async () => {
    smtp = await startTestSmtpServer(PORT);
    smtp.failNext(100, 421, "Service not available");
    await queue(1, "limit");
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueEmails({ now, baseBackoffMs: 1000 });
      now = new Date((await statusOf("limit-0")).nextAttemptAt.getTime() + 1);
    }
    expect(await statusOf("limit-0")).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("550: failed at once, visible to staff with the reason, and can be sent again", async () => {
    smtp = await startTestSmtpServer(PORT);
    smtp.failNext(1, 550, "Mailbox unavailable");
    await queue(1, "bounce");
    expect(await deliverDueEmails({ now: new Date() })).toMatchObject({ failed: 1 });
    const failed = await listMessages({ status: "failed" });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: "failed", attempts: 1, subject: "Message bounce-0" });
    expect(failed[0]!.lastError).toMatch(/550/);

    expect(await resendMessage(failed[0]!.id)).toMatchObject({ ok: true });
    // Resending also wakes the background sender, which may take the message first: wait for either.
    await drain(new Date(Date.now() + 1000));
    await expect.poll(async () => (await statusOf("bounce-0")).status, { timeout: 5000 }).toBe("sent");
    expect(smtp.messages).toHaveLength(1);
    expect(await resendMessage(failed[0]!.id)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("two sender processes over 200 queued messages: each is delivered exactly once", async () => {
    stopOutboxWorker();
    smtp = await startTestSmtpServer(PORT);
    smtp.slowDown(10); // keeps both senders busy at the same time
    await queue(200, "pair");
    const now = new Date(Date.now() + 1000);
    const [first, second] = await Promise.all([startSender(now), startSender(now)]);
    const [a, b] = await Promise.all([first.finished, second.finished]);
    expect(a.sent + b.sent).toBe(200);
    // Both really took part: the split shows the two claims interleaved.
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const subjects = smtp.messages.map((m) => m.subject);
    expect(subjects).toHaveLength(200);
    expect(new Set(subjects).size).toBe(200);
    expect((await pool.query(`SELECT count(*)::int AS n FROM "EmailMessage" WHERE status = 'sent'`)).rows[0].n).toBe(200);
  });

  it("a sender process killed mid-batch: its messages are picked up after the lease expires, once", async () => {
    stopOutboxWorker();
    smtp = await startTestSmtpServer(PORT);
    await queue(10, "orphan");
    const now = new Date(Date.now() + 1000);
    // The first sender delivers three, then the mail server keeps it waiting on the fourth: kill it there.
    const held = smtp.holdAfter(3);
    const doomed = await startSender(now);
    await held;
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    expect(smtp.messages).toHaveLength(3);
    const counts = async () => Object.fromEntries((await pool.query(`SELECT status, count(*)::int AS n FROM "EmailMessage" GROUP BY status`)).rows.map((r) => [r.status, r.n]));
    // Its batch of ten stays claimed: three sent, seven held by a lease nobody will finish.
    expect(await counts()).toEqual({ sent: 3, sending: 7 });

    smtp.slowDown(0);
    smtp.holdAfter(Number.MAX_SAFE_INTEGER);
    // Another instance leaves them alone while the lease runs...
    expect(await (await startSender(new Date(now.getTime() + 119_000))).finished).toEqual({ sent: 0 });
    // ...and delivers them once it has expired.
    expect(await (await startSender(new Date(now.getTime() + 121_000))).finished).toEqual({ sent: 7 });
    expect(await counts()).toEqual({ sent: 10 });
    const subjects = smtp.messages.map((m) => m.subject);
    expect(subjects).toHaveLength(10);
    expect(new Set(subjects).size).toBe(10);
  });
});

describe("content", () => {
  it("has HTML and text parts, en-GB times with GMT/BST, the clinic's address and phone, and one recipient", async () => {
    smtp = await startTestSmtpServer(PORT);
    const date = upcoming(1);
    const response = await postBooking(jsonRequest("/api/bookings", bookingBody({ start: at(date, "10:00"), email: "content@example.com", name: "Connie Tent" })));
    const { booking } = await response.json();
    await drain(new Date(Date.now() + 1000));
    const mail = await smtp.waitFor((m) => m.subject?.includes(booking.reference) ?? false);
    expect(mail.subject).toBe(`We have received your consultation request (${booking.reference})`);
    expect(mail.subject).not.toMatch(/SMP|scalp|tattoo|laser|dark/i);
    const manageUrl = mail.text!.match(MANAGE_LINK)![0];
    expect(mail.html).toContain(manageUrl);
    expect(mail.text).toContain(formatLondonDateTimeWithZone(new Date(at(date, "10:00"))));
    expect(mail.text).toMatch(/(GMT|BST)/);
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain("Sutton Coldfield");
      expect(part).toContain("0121 000 0000");
    }
    expect(smtp.envelopes.at(-1)!.to).toEqual(["content@example.com"]);
  });

  it("a line break in a name or subject cannot add headers or recipients", async () => {
    smtp = await startTestSmtpServer(PORT);
    await db.$transaction((tx) =>
      queueEmail(tx, {
        dedupeKey: "inject-0",
        kind: "test",
        to: "victim@example.com",
        toName: "Jo\r\nBcc: attacker@example.com",
        subject: "Hello\r\nBcc: attacker@example.com",
        text: "Hi",
        html: "<p>Hi</p>",
      }),
    );
    await drain(new Date(Date.now() + 1000));
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.envelopes[0]!.to).toEqual(["victim@example.com"]);
    expect(smtp.messages[0]!.bcc).toBeUndefined();
    expect(smtp.messages[0]!.headers.has("bcc")).toBe(false);
  });

  it("for any name, subject and text, the email has one recipient, no added header, and one text part holding the text", async () => {
    smtp = await startTestSmtpServer(PORT);
    stopOutboxWorker();
    // Anything but NUL, which PostgreSQL cannot store (the validation refuses it long before).
    const text = fc.oneof(fc.constantFrom("Jo\r\nBcc: attacker@example.com", "x\r\n\r\n--boundary\r\nContent-Type: text/html\r\n\r\n<b>", "=?utf-8?q?Bcc=3A_a@b.c?=", "Zoë \u202E😀"), fc.string({ unit: "binary", maxLength: 80 })).map((v) => v.replaceAll("\u0000", ""));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, async (toName, subject, body) => {
        smtp!.messages.length = 0;
        smtp!.envelopes.length = 0;
        await db.$transaction((tx) => queueEmail(tx, { dedupeKey: `inject-any-${n++}`, kind: "test", to: "victim@example.com", toName, subject, text: `${body}\nend`, html: "<p>Hi</p>" }));
        await drain(new Date(Date.now() + 1000));
        expect(smtp!.envelopes.map((e) => e.to)).toEqual([["victim@example.com"]]);
        const mail = smtp!.messages[0]!;
        for (const header of ["bcc", "cc", "reply-to"]) expect(mail.headers.has(header), header).toBe(false);
        expect(mail.to && "value" in mail.to ? mail.to.value.map((v) => v.address) : []).toEqual(["victim@example.com"]);
        expect(mail.attachments).toEqual([]);
        expect(mail.text?.replace(/\r\n?/g, "\n").trimEnd().endsWith("end")).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 25 },
    );
  });
});

describe("manage links in the outbox", () => {
  it("are minted as each email is sent: queued or sent, the outbox never holds a usable link", async () => {
    smtp = await startTestSmtpServer(PORT);
    stopOutboxWorker();
    const date = upcoming(1);
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "15:00")), patient: { name: "Link Later", email: "linklater@example.com", phone: "07700 900997" } }, new Date());
    expect(made.ok).toBe(true);
    const id = made.ok ? made.data.booking.id : "";
    const stored = async () => (await pool.query(`SELECT kind, status, "textBody" || "htmlBody" AS body FROM "EmailMessage" WHERE "bookingId" = $1 ORDER BY kind`, [id])).rows;
    const tokensFor = async () => (await pool.query(`SELECT count(*)::int AS n FROM "ManageToken" WHERE "bookingId" = $1`, [id])).rows[0].n;

    // Stored: the confirmation (perhaps already sent by the after-commit kick) and the reminder
    // (queued for the day before) hold a placeholder, not a link.
    expect((await stored()).map((r) => r.kind)).toEqual(["confirmation", "reminder"]);
    for (const row of await stored()) {
      expect(row.body).toContain(MANAGE_LINK_PLACEHOLDER_PATH);
      expect(row.body).not.toMatch(MANAGE_LINK);
    }

    await drain(new Date(Date.now() + 1000));
    const mail = await smtp.waitFor((m) => m.subject?.includes(made.ok ? made.data.booking.reference : "?") ?? false);
    const token = mail.text!.match(MANAGE_LINK)![1]!;
    expect(mail.html).toContain(`/booking/${token}`);
    expect(await tokensFor()).toBe(1);
    expect((await getManagedBooking(token, new Date()))?.reference).toBe(made.ok ? made.data.booking.reference : "?");
    // Sent: still no link in the stored body.
    const after = await stored();
    expect(after.find((r) => r.kind === "confirmation")!.status).toBe("sent");
    for (const row of after) expect(row.body).not.toContain(token);

    // The reminder gets a link of its own when it goes, a different one.
    await drain(new Date(Date.parse(at(date, "15:00")) - 23 * 3_600_000));
    const reminder = smtp.messages.find((m) => m.subject?.startsWith("Reminder"))!;
    const reminderToken = reminder.text!.match(MANAGE_LINK)![1]!;
    expect(reminderToken).not.toBe(token);
    expect((await getManagedBooking(reminderToken, new Date()))?.reference).toBe(made.ok ? made.data.booking.reference : "?");
    expect(await tokensFor()).toBe(2);
  });
});

describe("reminders", () => {
  async function reminders(bookingId: string) {
    return (await pool.query(`SELECT status, "nextAttemptAt", "validForSequence", "dedupeKey" FROM "EmailMessage" WHERE "bookingId" = $1 AND kind = 'reminder' ORDER BY "createdAt"`, [bookingId])).rows;
  }

  it("go 24 hours before, across both clock changes", async () => {
    for (const date of ["2027-03-28", "2027-10-31"]) {
      // Sundays: Sally works these two by exception.
      await addDateOverride(staff.reception, "sally", { date, startMinute: 9 * 60, endMinute: 17 * 60 }, new Date());
      const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "10:00")), patient: { name: "Clock Change", email: `clock-${date}@example.com`, phone: "07700 900999" } }, new Date());
      expect(made.ok).toBe(true);
      const [reminder] = await reminders(made.ok ? made.data.booking.id : "");
      const start = Date.parse(at(date, "10:00"));
      expect(start - reminder.nextAttemptAt.getTime()).toBe(24 * 3_600_000);
      // 24 real hours before 10:00 on the day of the change is 11:00 BST (autumn) or 09:00 GMT (spring) the day before.
      expect(formatLondonDateTimeWithZone(reminder.nextAttemptAt)).toBe(date === "2027-03-28" ? "Sat 27 Mar 2027, 09:00 GMT" : "Sat 30 Oct 2027, 11:00 BST");
    }
  });

  it("are never sent for a cancelled booking, and follow a moved one", async () => {
    smtp = await startTestSmtpServer(PORT);
    const date = upcoming(1);
    const response = await postBooking(jsonRequest("/api/bookings", bookingBody({ start: at(date, "10:00"), email: "remind@example.com" })));
    const reference = (await response.json()).booking.reference;
    const id = (await pool.query(`SELECT id FROM "Booking" WHERE reference = $1`, [reference])).rows[0].id;
    await confirmBooking(staff.sally, id);
    expect(await reminders(id)).toMatchObject([{ status: "pending", validForSequence: 0 }]);

    const moved = await rescheduleBookingByStaff(staff.reception, id, { start: new Date(at(date, "11:00")) }, new Date());
    expect(moved.ok).toBe(true);
    const [old, fresh] = await reminders(id);
    expect(fresh.nextAttemptAt.toISOString()).toBe(new Date(Date.parse(at(date, "11:00")) - 24 * 3_600_000).toISOString());

    await cancelBookingByStaff(staff.reception, id, { notifyPatient: false });
    await drain(new Date(Date.parse(at(date, "11:00")) - 3_600_000));
    expect((await reminders(id)).map((r) => r.status)).toEqual(["dropped", "dropped"]);
    expect(old.dedupeKey).not.toBe(fresh.dedupeKey);
    expect(smtp.messages.filter((m) => m.subject?.startsWith("Reminder"))).toEqual([]);
  });

  it("a confirmed booking's reminder is delivered when it is due", async () => {
    smtp = await startTestSmtpServer(PORT);
    const date = upcoming(1);
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "12:00")), patient: { name: "Remind Me", email: "remindme@example.com", phone: "07700 900998" } }, new Date());
    const id = made.ok ? made.data.booking.id : "";
    await drain(new Date(Date.parse(at(date, "12:00")) - 25 * 3_600_000));
    expect(smtp.messages.filter((m) => m.subject?.startsWith("Reminder"))).toHaveLength(0);
    await drain(new Date(Date.parse(at(date, "12:00")) - 23 * 3_600_000));
    const reminder = smtp.messages.filter((m) => m.subject?.startsWith("Reminder"));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.subject).not.toMatch(/SMP|scalp|laser/i);
    expect(reminder[0]!.text).toMatch(/\/booking\/[A-Za-z0-9_-]{43}/);
    expect((await reminders(id))[0].status).toBe("sent");
  });
});

describe("send again", () => {
  async function message(bookingId: string, kind: string) {
    return (await pool.query(`SELECT id, status, subject, "textBody" FROM "EmailMessage" WHERE "bookingId" = $1 AND kind = $2 ORDER BY "createdAt"`, [bookingId, kind])).rows;
  }

  it("refuses a reminder dropped because its booking moved, with the reason, and never sends the old time", async () => {
    stopOutboxWorker();
    smtp = await startTestSmtpServer(PORT);
    const date = upcoming(1);
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "sally", start: new Date(at(date, "10:00")), patient: { name: "Moved Patient", email: "moved@example.com", phone: "07700 900997" }, notifyPatient: false }, new Date());
    const id = made.ok ? made.data.booking.id : "";
    expect((await rescheduleBookingByStaff(staff.reception, id, { start: new Date(at(date, "11:00")), notifyPatient: false }, new Date())).ok).toBe(true);
    await drain(new Date(Date.parse(at(date, "10:00")) - 3_600_000));
    const [old] = await message(id, "reminder");
    expect(old).toMatchObject({ status: "dropped" });

    expect(await resendMessage(old.id)).toEqual({ ok: false, code: "conflict", message: DROPPED_RESEND_MESSAGE });
    expect((await message(id, "reminder"))[0].status).toBe("dropped");
    await drain(new Date(Date.parse(at(date, "10:00")) - 3_600_000));
    const oldTime = formatLondonDateTimeWithZone(new Date(at(date, "10:00")));
    expect(smtp.messages.filter((m) => m.text?.includes(oldTime))).toEqual([]);
  });

  it("refuses a failed email its booking has outgrown (moved since), and sends one that is still true", async () => {
    stopOutboxWorker();
    smtp = await startTestSmtpServer(PORT);
    smtp.failNext(1, 550, "Mailbox unavailable", { to: "outgrown@example.com" });
    const date = upcoming(2);
    const made = await createPhoneBooking(staff.reception, { service: "consultation", practitioner: "hannah", start: new Date(at(date, "10:00")), patient: { name: "Outgrown Patient", email: "outgrown@example.com", phone: "07700 900996" } }, new Date());
    const id = made.ok ? made.data.booking.id : "";
    await drain(new Date());
    const [confirmation] = await message(id, "confirmation");
    expect(confirmation.status).toBe("failed");

    // Still the booking's current details: it may go again.
    smtp.failNext(1, 550, "Mailbox unavailable", { to: "outgrown@example.com" });
    expect(await resendMessage(confirmation.id)).toMatchObject({ ok: true });
    // Resending wakes the background sender, which may take the message first: wait for either.
    await drain(new Date());
    await expect.poll(async () => (await message(id, "confirmation"))[0].status, { timeout: 5000 }).toBe("failed");

    // Moved since: the failed confirmation names the old time, so it is refused.
    expect((await rescheduleBookingByStaff(staff.reception, id, { start: new Date(at(date, "11:00")), notifyPatient: false }, new Date())).ok).toBe(true);
    expect(await resendMessage(confirmation.id)).toEqual({ ok: false, code: "conflict", message: STALE_RESEND_MESSAGE });
    expect((await message(id, "confirmation"))[0].status).toBe("failed");
  });
});
