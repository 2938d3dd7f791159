/**
 * Labels and badges for the outbox (the staff "Messages" page). The badge carries the status in
 * words as well as colour: failed red, pending amber, sent green, dropped grey. Server-safe.
 */
import type { MessageDto } from "@/lib/email/messages";

export type MessageStatus = MessageDto["status"];

/** The filters offered on the page, in order; "sending" only lasts seconds, so it has no filter of its own. */
export const MESSAGE_FILTERS: { value: MessageStatus | null; label: string }[] = [
  { value: null, label: "All" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Pending" },
  { value: "sent", label: "Sent" },
  { value: "dropped", label: "Dropped" },
];

const STATUS_LABEL: Record<MessageStatus, string> = {
  pending: "Pending",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  dropped: "Dropped",
};

const STATUS_TONE: Record<MessageStatus, string> = {
  pending: "bg-amber-100 text-amber-950 ring-amber-400",
  sending: "bg-amber-100 text-amber-950 ring-amber-400",
  sent: "bg-green-100 text-green-950 ring-green-400",
  failed: "bg-red-100 text-red-950 ring-red-400",
  dropped: "bg-sand-200 text-ink-900 ring-sand-300",
};

/** What each kind of email is, in the words the front desk uses (the kinds come from lib/bookings/notify.ts). */
const KIND_LABEL: Record<string, string> = {
  acknowledgement: "Request received",
  confirmation: "Confirmation",
  declined: "Request declined",
  cancelled: "Cancellation",
  rescheduled: "Moved appointment",
  reminder: "Reminder",
};

/** An unknown kind is shown as it is stored rather than hidden. */
export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind.replaceAll("_", " ");
}

export function messageStatusLabel(status: MessageStatus): string {
  return STATUS_LABEL[status];
}

export function parseMessageStatus(value: string | string[] | undefined): MessageStatus | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && raw in STATUS_LABEL ? (raw as MessageStatus) : undefined;
}

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ring-inset ${STATUS_TONE[status]}`}
    >
      <span className="sr-only">Status: </span>
      {STATUS_LABEL[status]}
    </span>
  );
}
