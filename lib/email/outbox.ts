import "server-only";
import type { Tx } from "@/lib/db";
import type { RenderedEmail } from "./templates";

export type OutgoingEmail = RenderedEmail & {
  /** One message per event: queuing the same key twice keeps the first (a retried event never mails twice). */
  dedupeKey: string;
  kind: string;
  bookingId?: string;
  to: string;
  toName?: string;
  ics?: { content: string; method: "REQUEST" | "CANCEL" };
  notBefore?: Date;
  /** Dropped instead of sent if the booking's icsSequence is no longer this (it moved or was cancelled). */
  validForSequence?: number;
  /** The booking's icsSequence as this message describes it (see lib/email/messages.ts resendMessage). */
  bookingSequence?: number;
};

/**
 * Writes a message to the outbox inside the caller's transaction, so the message exists exactly
 * when the change that causes it commits. Delivery happens later (lib/email/delivery.ts).
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  await tx.emailMessage.createMany({
    data: [
      {
        dedupeKey: email.dedupeKey,
        kind: email.kind,
        bookingId: email.bookingId,
        // Names and addresses cannot carry line breaks into headers.
        toAddress: email.to.replace(/[\r\n]/g, ""),
        toName: email.toName?.replace(/[\r\n]+/g, " "),
        subject: email.subject.replace(/[\r\n]+/g, " "),
        textBody: email.text,
        htmlBody: email.html,
        icsContent: email.ics?.content,
        icsMethod: email.ics?.method,
        nextAttemptAt: email.notBefore ?? new Date(),
        validForSequence: email.validForSequence,
        bookingSequence: email.bookingSequence,
      },
    ],
    skipDuplicates: true,
  });
}
