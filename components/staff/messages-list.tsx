"use client";

/**
 * The outbox as a table on wide screens and as cards below 1024px (eight facts per email would
 * squeeze or scroll sideways on a tablet). Only one of the two is displayed; the other is
 * display:none, so screen readers and tests meet each email once.
 * "Send again" puts a failed email back in the queue (POST .../resend), then refreshes the server
 * data so the row shows its new state. A dropped email was superseded by a later change to the
 * booking and is never sent again (the API refuses it, and any failed email the booking has
 * outgrown, with the reason): the patient would get out-of-date details.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { MessageDto } from "@/lib/email/messages";
import { formatLondonDateTime, formatLondonTime, londonDateOf } from "@/lib/time/london";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { failureMessage, staffRequest } from "./booking-api";
import { MessageStatusBadge, kindLabel } from "./messages-status";
import { Toast, useToast } from "./staff-toast";

const canResend = (message: MessageDto) => message.status === "failed";
const bookingLinkClass = "inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900";

function when(iso: string): string {
  return formatLondonDateTime(Date.parse(iso));
}

/** Most emails go within seconds of being written: then the date would only repeat "Created". */
function sentWhen(createdAt: string, sentAt: string): string {
  const created = Date.parse(createdAt);
  const sent = Date.parse(sentAt);
  return londonDateOf(created) === londonDateOf(sent) ? `at ${formatLondonTime(sent)}` : when(sentAt);
}

/** Next attempt for the queue, the reason for failures and drops; sent ones say when. */
function Delivery({ message }: { message: MessageDto }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      {message.status === "pending" ? (
        <p>
          <span className="font-semibold">Next attempt:</span> {when(message.nextAttemptAt)}
        </p>
      ) : null}
      {message.status === "sent" && message.sentAt ? <p className="text-ink-700">Sent {sentWhen(message.createdAt, message.sentAt)}</p> : null}
      {message.lastError && message.status !== "sent" ? (
        <p className={message.status === "failed" ? "text-red-800" : "text-ink-700"}>
          <span className="font-semibold">{message.status === "dropped" ? "Why:" : "Last error:"}</span>{" "}
          <span className="break-words">{message.lastError}</span>
        </p>
      ) : null}
    </div>
  );
}

function BookingLink({ message }: { message: MessageDto }) {
  if (!message.bookingId) return null;
  return (
    <Link href={`/staff/bookings/${encodeURIComponent(message.bookingId)}`} prefetch={false} className={bookingLinkClass}>
      Open booking<span className="sr-only"> for the email to {message.to}</span>
    </Link>
  );
}

export function MessagesList({ messages }: { messages: MessageDto[] }) {
  const router = useRouter();
  const toast = useToast();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function resend(message: MessageDto) {
    setBusyId(message.id);
    setErrors(({ [message.id]: _cleared, ...rest }) => rest);
    const result = await staffRequest<{ message: MessageDto }>("POST", `/api/staff/messages/${encodeURIComponent(message.id)}/resend`);
    setBusyId(null);
    if (result.kind === "ok") {
      toast.show(`Sending again to ${message.to}. The status changes to Sent once it has gone.`);
      router.refresh();
      return;
    }
    setErrors((current) => ({ ...current, [message.id]: failureMessage(result) }));
    // A 409 means someone else already resent it, or it is out of date: show the current state.
    if (result.kind === "error" && result.status === 409) router.refresh();
  }

  // Plain render helpers, not components: a component defined in here would be a new type on every
  // render and remount, taking keyboard focus off the button just pressed.
  function resendButton(message: MessageDto) {
    if (!canResend(message)) return null;
    return (
      <Button
        type="button"
        variant="secondary"
        size="sm"
        className="min-h-11!"
        loading={busyId === message.id}
        disabled={busyId !== null && busyId !== message.id}
        onClick={() => void resend(message)}
      >
        Send again<span className="sr-only"> to {message.to}: {message.subject}</span>
      </Button>
    );
  }

  function rowError(message: MessageDto) {
    const error = errors[message.id];
    return error ? (
      <Alert tone="error" className="mt-2 text-sm">
        {error}
      </Alert>
    ) : null;
  }

  return (
    <>
      <table className="hidden w-full border-collapse text-left lg:table">
        <caption className="sr-only">Emails, newest first</caption>
        <thead>
          <tr className="border-b-2 border-sand-300 text-sm text-ink-600">
            <th scope="col" className="py-2 pr-3 font-semibold">Created</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Email</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Recipient</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Status</th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">Attempts</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Delivery</th>
            <th scope="col" className="py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id} className="border-b border-sand-200 align-top">
              <td className="py-3 pr-3 text-sm whitespace-nowrap">
                {/* Date over time keeps the column narrow, leaving room for the subject and the error. */}
                {when(message.createdAt)
                  .split(", ")
                  .map((part) => (
                    <span key={part} className="block">
                      {part}
                    </span>
                  ))}
              </td>
              <td className="min-w-48 py-3 pr-3">
                <span className="block text-sm font-semibold text-ink-600">{kindLabel(message.kind)}</span>
                <span className="block font-semibold">{message.subject}</span>
              </td>
              <td className="max-w-64 py-3 pr-3 text-sm [overflow-wrap:anywhere]">{message.to}</td>
              <td className="py-3 pr-3">
                <MessageStatusBadge status={message.status} />
              </td>
              <td className="py-3 pr-3 text-right tabular-nums">{message.attempts}</td>
              <td className="max-w-80 py-3 pr-3">
                <Delivery message={message} />
                {rowError(message)}
              </td>
              <td className="py-1.5 whitespace-nowrap">
                <div className="flex flex-col items-end gap-1">
                  {resendButton(message)}
                  <BookingLink message={message} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="grid gap-3 md:grid-cols-2 lg:hidden">
        {messages.map((message) => (
          <li key={message.id} className="flex min-w-0 flex-col gap-2 rounded-(--radius-card) border border-sand-200 bg-white p-4 shadow-(--shadow-card)">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-sm font-semibold text-ink-600">{kindLabel(message.kind)}</span>
              <MessageStatusBadge status={message.status} />
            </div>
            <p className="font-semibold">{message.subject}</p>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="font-semibold text-ink-600">To</dt>
              <dd className="break-all">{message.to}</dd>
              <dt className="font-semibold text-ink-600">Created</dt>
              <dd>{when(message.createdAt)}</dd>
              <dt className="font-semibold text-ink-600">Attempts</dt>
              <dd className="tabular-nums">{message.attempts}</dd>
            </dl>
            <Delivery message={message} />
            {rowError(message)}
            {message.bookingId || canResend(message) ? (
              <div className="mt-auto flex flex-wrap items-center justify-between gap-2">
                <BookingLink message={message} />
                {resendButton(message)}
              </div>
            ) : null}
          </li>
        ))}
      </ul>

      <Toast toast={toast.toast} dismiss={toast.dismiss} />
    </>
  );
}
