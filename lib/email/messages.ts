import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { db, type Tx } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { kickOutbox } from "./delivery";

/** What the staff "Messages" page shows: every email with its delivery state, and a way to resend. */
export type MessageDto = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: "pending" | "sending" | "sent" | "failed" | "dropped";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  bookingId: string | null;
};

export async function listMessages(query: { status?: MessageDto["status"]; id?: string; limit?: number } = {}): Promise<MessageDto[]> {
  const rows = await db.emailMessage.findMany({
    where: { ...(query.status ? { status: query.status } : {}), ...(query.id ? { id: query.id } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(query.limit ?? 200, 500),
    select: { id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true, sentAt: true, bookingId: true },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    to: r.toAddress,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    bookingId: r.bookingId,
  }));
}

export async function countFailedMessages(): Promise<number> {
  return db.emailMessage.count({ where: { status: "failed" } });
}

export const DROPPED_RESEND_MESSAGE =
  "This email was dropped because its booking changed before it was sent, so its details are out of date. It cannot be sent again: the patient gets the email about the change instead.";
export const STALE_RESEND_MESSAGE =
  "This email is out of date: its booking has been moved or cancelled since it was written, so sending it would give the patient old details. The email about the change has the current ones.";

type ResendRow = { status: MessageDto["status"]; bookingId: string | null; bookingSequence: number | null; validForSequence: number | null };

/** Why a message no longer describes its booking, or null while it still does. */
async function staleReason(tx: Tx, row: ResendRow): Promise<string | null> {
  const sequence = row.bookingSequence ?? row.validForSequence;
  if (sequence === null) return null;
  if (!row.bookingId) return STALE_RESEND_MESSAGE;
  // FOR SHARE: a change to the booking (which locks its row) waits until this message is requeued.
  const [booking] = await tx.$queryRaw<{ icsSequence: number; status: string }[]>`SELECT "icsSequence", status::text AS status FROM "Booking" WHERE id = ${row.bookingId} FOR SHARE`;
  if (!booking || booking.icsSequence !== sequence) return STALE_RESEND_MESSAGE;
  if (row.validForSequence !== null && booking.status !== "confirmed") return STALE_RESEND_MESSAGE;
  return null;
}

/**
 * Puts a failed message back in the queue for an immediate attempt. A message that no longer
 * describes its booking (dropped as superseded, or written before the booking moved or was
 * cancelled) is refused with the reason: it would tell the patient an old time.
 */
export async function resendMessage(id: string): Promise<Result<{ message: MessageDto }>> {
  const result = await db.$transaction(async (tx): Promise<Result<null>> => {
    const [row] = await tx.$queryRaw<ResendRow[]>`
      SELECT status::text AS status, "bookingId", "bookingSequence", "validForSequence" FROM "EmailMessage" WHERE id = ${id} FOR UPDATE`;
    if (!row) return fail("not_found", "That message was not found.");
    if (row.status === "dropped") return fail("conflict", DROPPED_RESEND_MESSAGE);
    if (row.status !== "failed") return fail("conflict", "Only failed messages can be sent again.");
    const stale = await staleReason(tx, row);
    if (stale) return fail("conflict", stale);
    // validForSequence stays: a reminder requeued now is still dropped if its booking moves first.
    await tx.emailMessage.update({ where: { id }, data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null, leaseUntil: null } });
    return ok(null);
  });
  if (!result.ok) return result;
  kickOutbox();
  const [message] = await listMessages({ id });
  return ok({ message: message! });
}

export type MailboxEntry = { file: string; subject: string; to: string; date: string; text: string };

/**
 * Without SMTP_URL the emails are files in MAILBOX_DIR; staff (and a newcomer trying the app) can
 * read there what patients would receive. Null when real SMTP is configured.
 */
export async function readLocalMailbox(limit = 50): Promise<MailboxEntry[] | null> {
  const env = getServerEnv();
  if (env.SMTP_URL) return null;
  const dir = path.resolve(env.MAILBOX_DIR);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).sort().reverse().slice(0, limit);
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(path.join(dir, file), "utf8");
      const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
      const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1]?.trim() ?? "";
      const plain = rest.join("\n\n").match(/Content-Type: text\/plain[^\n]*\n(?:[^\n]+\n)*\n([\s\S]*?)\n--/i)?.[1] ?? "";
      return { file, subject: header("Subject"), to: header("To"), date: header("Date"), text: decodeQuotedPrintable(plain).slice(0, 4000) };
    }),
  );
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
