import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { MANAGE_LINK_PLACEHOLDER_PATH, issueManageToken } from "@/lib/bookings/manage-link";
import { DeliveryError, getMailTransport, type MailTransport } from "./transport";

/**
 * Outbox delivery, at least once and never twice for one message:
 * - a sender claims due messages with `FOR UPDATE SKIP LOCKED`, so two app instances never claim
 *   the same one, and holds a lease; a sender that dies mid-send loses its claim when the lease ends;
 * - temporary failures (4xx replies, timeouts, refused connections) are retried with exponential
 *   backoff and jitter up to MAX_ATTEMPTS; permanent ones (5xx) fail at once and show to staff.
 */
export const MAX_ATTEMPTS = 8;
const LEASE_MS = 120_000; // well above the SMTP timeouts, so a live sender always finishes first
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

export function retryDelayMs(attempt: number, random: () => number = Math.random, baseMs = BASE_BACKOFF_MS): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the delay, so delays still grow, plus a random share of the rest.
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

type ClaimedRow = {
  id: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  textBody: string;
  htmlBody: string;
  icsContent: string | null;
  icsMethod: string | null;
  attempts: number;
  leaseUntil: Date;
  bookingId: string | null;
  validForSequence: number | null;
};

async function claimDueEmails(now: Date, limit: number, leaseMs = LEASE_MS): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailMessage" AS m
       SET status = 'sending', "leaseUntil" = ${leaseUntil}, attempts = m.attempts + 1
     WHERE m.id IN (
       SELECT id FROM "EmailMessage"
        WHERE (status = 'pending' AND "nextAttemptAt" <= ${now})
           OR (status = 'sending' AND "leaseUntil" < ${now})
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m."toAddress", m."toName", m.subject, m."textBody", m."htmlBody", m."icsContent", m."icsMethod", m.attempts, m."leaseUntil",
              m."bookingId", m."validForSequence"`;
}

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number; dropped: number };

/** A reminder for a booking that has since moved or been cancelled is no longer true: drop it. */
async function isSuperseded(row: ClaimedRow): Promise<boolean> {
  if (row.validForSequence === null) return false;
  if (!row.bookingId) return true;
  const booking = await db.booking.findUnique({ where: { id: row.bookingId }, select: { status: true, icsSequence: true } });
  return !booking || booking.status !== "confirmed" || booking.icsSequence !== row.validForSequence;
}

/**
 * The bodies to send, with a fresh manage link where the stored ones hold the placeholder (see
 * lib/bookings/manage-link.ts). A failed attempt's token is kept: the server may have taken the
 * message before the connection broke, and then that link must work; otherwise nobody saw it.
 */
async function withManageLink(row: ClaimedRow): Promise<{ text: string; html: string }> {
  if (!row.textBody.includes(MANAGE_LINK_PLACEHOLDER_PATH) && !row.htmlBody.includes(MANAGE_LINK_PLACEHOLDER_PATH)) return { text: row.textBody, html: row.htmlBody };
  // A booking since erased has no link to give: point at the booking page instead.
  const path = row.bookingId ? `/booking/${await issueManageToken(db, row.bookingId)}` : "/book";
  return { text: row.textBody.replaceAll(MANAGE_LINK_PLACEHOLDER_PATH, path), html: row.htmlBody.replaceAll(MANAGE_LINK_PLACEHOLDER_PATH, path) };
}

export async function deliverDueEmails(options: { now?: Date; limit?: number; transport?: MailTransport; baseBackoffMs?: number } = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const transport = options.transport ?? getMailTransport();
  const claimed = await claimDueEmails(now, options.limit ?? 20);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, dropped: 0 };
  for (const row of claimed) {
    if (await isSuperseded(row)) {
      await db.emailMessage.updateMany({ where: { id: row.id, status: "sending", leaseUntil: row.leaseUntil }, data: { status: "dropped", leaseUntil: null, lastError: "Superseded: the booking changed before this was sent." } });
      report.dropped++;
      continue;
    }
    try {
      // The manage link is minted now, so the stored body never held a usable one.
      const { text, html } = await withManageLink(row);
      await transport.send({
        id: row.id,
        to: row.toAddress,
        toName: row.toName,
        subject: row.subject,
        text,
        html,
        ics: row.icsContent && row.icsMethod ? { content: row.icsContent, method: row.icsMethod } : null,
      });
      // Only the holder of this lease may record the outcome.
      await db.emailMessage.updateMany({
        where: { id: row.id, status: "sending", leaseUntil: row.leaseUntil },
        data: { status: "sent", sentAt: now, leaseUntil: null, lastError: null },
      });
      report.sent++;
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error).slice(0, 500), false);
      const giveUp = failure.permanent || row.attempts >= MAX_ATTEMPTS;
      await db.emailMessage.updateMany({
        where: { id: row.id, status: "sending", leaseUntil: row.leaseUntil },
        data: giveUp
          ? { status: "failed", leaseUntil: null, lastError: failure.message }
          : { status: "pending", leaseUntil: null, lastError: failure.message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, Math.random, options.baseBackoffMs)) },
      });
      if (giveUp) report.failed++;
      else report.retried++;
      console.warn(`[outbox] message ${row.id} ${giveUp ? "failed" : "will be retried"} after attempt ${row.attempts}: ${failure.message}`);
    }
  }
  return report;
}

/**
 * One delivery loop per process: a timer for retries and for messages queued by other instances,
 * and `kickOutbox()` right after a commit so patients get their email at once.
 */
const state = globalThis as unknown as { vhOutbox?: { running: boolean; again: boolean; timer?: NodeJS.Timeout; id: string } };

async function runLoop(): Promise<void> {
  const s = (state.vhOutbox ??= { running: false, again: false, id: randomUUID() });
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    do {
      s.again = false;
      let report: DeliveryReport;
      do {
        report = await deliverDueEmails();
      } while (report.claimed > 0 && report.sent + report.dropped > 0);
    } while (s.again);
  } catch (error) {
    console.error("[outbox] delivery loop error", error);
  } finally {
    s.running = false;
  }
}

/** Asks the loop to deliver now. It never throws and never delays the caller. */
export function kickOutbox(): void {
  setImmediate(() => void runLoop());
}

export function startOutboxWorker(pollMs: number): void {
  const s = (state.vhOutbox ??= { running: false, again: false, id: randomUUID() });
  if (s.timer) return;
  s.timer = setInterval(() => void runLoop(), pollMs);
  s.timer.unref();
  kickOutbox();
}

export function stopOutboxWorker(): void {
  if (state.vhOutbox?.timer) clearInterval(state.vhOutbox.timer);
  if (state.vhOutbox) state.vhOutbox.timer = undefined;
}
