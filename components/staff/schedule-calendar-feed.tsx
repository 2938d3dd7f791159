"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { failureMessage, staffRequest } from "./booking-api";

/**
 * The practitioner's private calendar subscription. The link is shown once, when it is made:
 * only its hash is stored, so a lost link is replaced rather than shown again.
 */
export function ScheduleCalendarFeed({ slug, active, ownerName }: { slug: string; active: boolean; ownerName: string }) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"replace" | "revoke" | null>(null);
  const [copied, setCopied] = useState(false);

  async function createLink() {
    setBusy(true);
    setError(null);
    const result = await staffRequest<{ url: string }>("POST", `/api/staff/schedule/${encodeURIComponent(slug)}/calendar-feed`);
    setBusy(false);
    setConfirming(null);
    if (result.kind !== "ok") return setError(failureMessage(result));
    setUrl(result.data.url);
    setCopied(false);
    router.refresh();
  }

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await staffRequest<{ active: false }>("DELETE", `/api/staff/schedule/${encodeURIComponent(slug)}/calendar-feed`);
    setBusy(false);
    setConfirming(null);
    if (result.kind !== "ok") return setError(failureMessage(result));
    setUrl(null);
    router.refresh();
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Card as="section" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading" className="text-xl font-bold">
        Calendar on your phone
      </h2>
      <p className="mt-2 text-ink-700">
        Subscribe to {ownerName}&rsquo;s diary in Apple Calendar, Google Calendar or Outlook. It is read-only, shows times, services
        and references but no patient contact details, and updates by itself.
      </p>
      {error ? (
        <Alert tone="error" className="mt-4">
          {error}
        </Alert>
      ) : null}
      {url ? (
        <div className="mt-4 flex flex-col gap-3">
          <Alert tone="success" title="Your private calendar link">
            Copy it now: for your privacy it is not shown again. Anyone with the link can see the diary&rsquo;s times.
          </Alert>
          <label htmlFor="calendar-feed-url" className="font-semibold">
            Subscription link
          </label>
          <input id="calendar-feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="min-h-11 w-full rounded-lg border border-ink-300 bg-sand-50 px-3 font-mono text-sm" />
          <div>
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </div>
      ) : (
        <p className="mt-4 font-semibold">{active ? "A calendar link is active." : "No calendar link yet."}</p>
      )}
      <div className="mt-4 flex flex-col gap-3 sm:flex-row">
        <Button type="button" loading={busy && confirming !== "revoke"} onClick={() => (active || url ? setConfirming("replace") : createLink())}>
          {active || url ? "Make a new link" : "Get a calendar link"}
        </Button>
        {active || url ? (
          <Button type="button" variant="ghost" onClick={() => setConfirming("revoke")}>
            Turn the link off
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === "revoke" ? "Turn the calendar link off?" : "Make a new calendar link?"}
        description={
          confirming === "revoke"
            ? "Calendars subscribed to it stop updating."
            : "The current link stops working: calendars subscribed to it stop updating until you subscribe with the new one."
        }
        confirmLabel={confirming === "revoke" ? "Yes, turn it off" : "Yes, make a new link"}
        cancelLabel="Keep the current link"
        tone="danger"
        busy={busy}
        onConfirm={confirming === "revoke" ? revoke : createLink}
        onCancel={() => setConfirming(null)}
      />
    </Card>
  );
}
