import type { Metadata } from "next";
import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { requireRolePage } from "@/lib/auth/guards";
import { countFailedMessages, listMessages, readLocalMailbox, type MailboxEntry } from "@/lib/email/messages";
import { londonZoneLabel } from "@/lib/time/london";
import { MessagesFilter } from "@/components/staff/messages-filter";
import { MessagesList } from "@/components/staff/messages-list";
import { MessagesMailbox } from "@/components/staff/messages-mailbox";
import { messageStatusLabel, parseMessageStatus } from "@/components/staff/messages-status";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Messages" };

const LIMIT = 200;

type MessagesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The mailbox is a convenience for trying the app: a folder problem must not take the page down. */
async function loadMailbox(): Promise<MailboxEntry[] | "unreadable" | null> {
  try {
    return await readLocalMailbox();
  } catch (error) {
    unstable_rethrow(error);
    console.error("messages page: could not read the local mailbox", error);
    return "unreadable";
  }
}

const EMPTY_TEXT: Record<string, string> = {
  all: "No emails have been sent yet. Booking requests, confirmations and reminders appear here.",
  failed: "No failed emails. Every email has either gone or is still being tried.",
  pending: "Nothing waiting to be sent.",
  sent: "No emails have been sent yet.",
  sending: "Nothing is being sent at this moment.",
  dropped: "No dropped emails.",
};

export default async function MessagesPage({ searchParams }: MessagesPageProps) {
  await requireRolePage("receptionist", "admin");
  const status = parseMessageStatus((await searchParams).status);
  const [messages, failedCount, mailbox] = await Promise.all([listMessages({ status, limit: LIMIT }), countFailedMessages(), loadMailbox()]);
  const zone = londonZoneLabel(new Date());

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Messages</h1>
        <p className="mt-2 max-w-3xl text-lg text-ink-700">
          Every email the booking system sends patients, newest first, and whether it arrived at their mail server.
          Failed emails can be sent again. Times are UK time ({zone}).
        </p>
      </header>

      {failedCount > 0 ? (
        <Alert tone="error" role="note" title={`${failedCount} ${failedCount === 1 ? "email" : "emails"} could not be sent`}>
          <p>
            {failedCount === 1 ? "That patient has" : "Those patients have"} not received {failedCount === 1 ? "it" : "them"}. Check the
            address and the error, then use “Send again”, or phone the patient.
          </p>
          {status !== "failed" ? (
            <Link href="/staff/messages?status=failed" className="mt-1 inline-flex min-h-11 items-center font-semibold text-red-900 underline">
              Show only failed emails
            </Link>
          ) : null}
        </Alert>
      ) : null}

      <MessagesFilter current={status} failedCount={failedCount} />

      <section aria-labelledby="messages-list-title" className="flex flex-col gap-3">
        <h2 id="messages-list-title" className="sr-only">
          {status ? `${messageStatusLabel(status)} emails` : "All emails"}
        </h2>
        {messages.length === 0 ? (
          <Card className="text-center">
            <p className="text-lg font-semibold">{EMPTY_TEXT[status ?? "all"]}</p>
            {status ? (
              <Link href="/staff/messages" className="mt-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900">
                Show all emails
              </Link>
            ) : null}
          </Card>
        ) : (
          <>
            <MessagesList messages={messages} />
            {messages.length >= LIMIT ? (
              <p className="text-sm text-ink-600">Showing the latest {LIMIT}. Use the filters to find older failed or pending emails.</p>
            ) : null}
          </>
        )}
      </section>

      {mailbox !== null ? <MessagesMailbox entries={mailbox} /> : null}
    </div>
  );
}
