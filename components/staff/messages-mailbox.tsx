/**
 * Without an SMTP server the app writes each email as an .eml file instead of sending it. This
 * section shows the latest of those files, so staff (and anyone trying the app) can read exactly
 * what patients would receive. Plain <details> elements: keyboard and screen-reader friendly with
 * no script. Server-safe.
 */
import type { MailboxEntry } from "@/lib/email/messages";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

/** The Date header is RFC 2822; show it in clinic time like everything else, or as written if unreadable. */
function mailDate(raw: string): string {
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? raw : formatLondonDateTimeWithZone(parsed);
}

export function MessagesMailbox({ entries }: { entries: MailboxEntry[] | "unreadable" }) {
  return (
    <Card as="section" aria-labelledby="mailbox-title" tone="sand">
      <h2 id="mailbox-title" className="text-xl font-bold">
        Local mailbox (no SMTP server configured)
      </h2>
      <p className="mt-1 text-ink-700">
        No email leaves this computer: each one is saved as a file instead. These are the latest, newest first, exactly as
        a patient would receive them.
      </p>
      {entries === "unreadable" ? (
        <Alert tone="warning" className="mt-4">
          The mailbox folder could not be read. The list of emails above is still correct.
        </Alert>
      ) : entries.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-sand-300 bg-white p-4 text-ink-700">
          The mailbox is empty: no email has been written yet.
        </p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {entries.map((entry) => (
            <li key={entry.file} className="min-w-0 rounded-xl border border-sand-200 bg-white">
              <details className="group">
                {/* Kept a list-item (not flex) so the browser's open/closed triangle stays visible. */}
                <summary className="min-h-11 rounded-xl px-4 py-3 marker:text-brand-700">
                  <span className="font-semibold">{entry.subject || "(no subject)"}</span>
                  <span className="mt-0.5 block text-sm text-ink-700">
                    <span className="sr-only">To </span>
                    <span className="break-all">{entry.to || "(no recipient)"}</span>
                    <span aria-hidden="true"> · </span>
                    <span className="sr-only">, </span>
                    {mailDate(entry.date)}
                  </span>
                </summary>
                <div className="border-t border-sand-200 px-4 py-3">
                  {entry.text ? (
                    <pre className="font-sans text-sm leading-relaxed whitespace-pre-wrap break-words text-ink-900">{entry.text}</pre>
                  ) : (
                    <p className="text-sm text-ink-700">This email has no plain-text part to show.</p>
                  )}
                  <p className="mt-3 text-xs break-all text-ink-600">File: {entry.file}</p>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
