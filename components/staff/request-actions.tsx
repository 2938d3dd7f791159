"use client";

/**
 * The list of booking requests with Confirm and Decline. The whole list is one client component
 * so the "Confirmed: ..." message survives the refresh that removes the handled request.
 * Receives plain DTOs from the server page; calls the staff JSON API; refreshes server data after.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatLondonDateTime, formatLondonDateTimeWithZone } from "@/lib/time/london";
import { postJson } from "@/components/booking/api";
import { Alert } from "@/components/ui/alert";
import { useFocusedNotice } from "@/components/ui/use-focused-notice";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ReasonField } from "@/components/ui/field";
import type { StaffBookingDto } from "./diary-types";

const NETWORK_ERROR = "The request could not be saved: the server did not answer. Check the connection and try again.";

type Notice = { tone: "success" | "error"; text: string };
type Pending = { id: string; action: "confirm" | "decline" } | null;

export type RequestListProps = {
  requests: StaffBookingDto[];
  /** Reception and admin see every practitioner's requests, so each card names the practitioner. */
  showPractitioner: boolean;
  /** Server time (ms) when the page was rendered, to flag requests that start soon without a hydration mismatch. */
  now: number;
};

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

export function RequestList({ requests, showPractitioner, now }: RequestListProps) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending>(null);
  const [handled, setHandled] = useState<string[]>([]);
  // Focus goes to the message: the card that held the button has just disappeared.
  const { notice, ref: noticeRef, announce } = useFocusedNotice<Notice>();
  const [cardErrors, setCardErrors] = useState<Record<string, string>>({});
  const [declining, setDeclining] = useState<StaffBookingDto | null>(null);
  const [reason, setReason] = useState("");

  // Hide what was just handled at once; the refresh then brings the server's list.
  const visible = requests.filter((request) => !handled.includes(request.id));

  async function act(request: StaffBookingDto, action: "confirm" | "decline", body: Record<string, unknown>) {
    setPending({ id: request.id, action });
    setCardErrors(({ [request.id]: _dropped, ...rest }) => rest);
    const result = await postJson<{ booking: StaffBookingDto }>(`/api/staff/bookings/${encodeURIComponent(request.id)}/${action}`, body);
    setPending(null);

    if (result.kind === "ok") {
      if (action === "decline") setDeclining(null);
      setHandled((ids) => [...ids, request.id]);
      announce({
        tone: "success",
        text:
          action === "confirm"
            ? `Confirmed: we have emailed ${request.patient.name} a confirmation with a calendar invite.`
            : `Declined: we have emailed ${request.patient.name} to let them know.`,
      });
      router.refresh();
      return;
    }

    const message = result.kind === "network" ? NETWORK_ERROR : result.error.message;
    if (result.kind === "error" && (result.status === 404 || result.status === 409)) {
      // Someone else got there first (or the booking changed): say so and show the current list.
      if (action === "decline") setDeclining(null);
      announce({ tone: "error", text: `${request.patient.name}: ${message}` });
      router.refresh();
      return;
    }
    setCardErrors((errors) => ({ ...errors, [request.id]: message }));
  }

  function openDecline(request: StaffBookingDto) {
    setReason("");
    setDeclining(request);
  }

  const declineBusy = pending?.action === "decline" && pending.id === declining?.id;

  return (
    <div className="flex flex-col gap-5">
      <div ref={noticeRef} tabIndex={-1} className="outline-none empty:hidden">
        {notice ? (
          <Alert tone={notice.tone} role={notice.tone === "error" ? "alert" : "status"}>
            {notice.text}
          </Alert>
        ) : null}
      </div>

      {visible.length === 0 ? (
        <div className="rounded-(--radius-card) border border-sand-200 bg-white p-8 text-center shadow-(--shadow-card)">
          <h2 className="text-xl font-bold">No requests waiting</h2>
          <p className="mt-1 text-ink-700">New online booking requests appear here as soon as a patient sends one.</p>
          <Link href="/staff/diary" className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900">
            Open the diary
          </Link>
        </div>
      ) : (
        <ol className="flex flex-col gap-4">
          {visible.map((request) => {
            const start = Date.parse(request.start);
            const soon = start - now < 24 * 60 * 60 * 1000;
            const busy = pending?.id === request.id;
            const titleId = `request-${request.id}-title`;
            const error = cardErrors[request.id];
            return (
              <li key={request.id}>
                <article
                  aria-labelledby={titleId}
                  className="rounded-(--radius-card) border border-l-4 border-sand-200 border-l-amber-500 bg-white p-5 shadow-(--shadow-card) sm:p-6"
                >
                  <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                    <h2 id={titleId} className="text-xl font-bold">
                      {request.patient.name}
                    </h2>
                    {soon ? (
                      <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-sm font-semibold text-amber-950 ring-1 ring-amber-400 ring-inset">
                        Starts within 24 hours
                      </span>
                    ) : null}
                  </div>
                  <p className="mt-1 text-lg font-semibold text-brand-800">
                    {formatLondonDateTimeWithZone(start)}
                    {showPractitioner ? <span className="font-normal text-ink-700"> with {request.practitionerName}</span> : null}
                  </p>

                  <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2">
                    <div>
                      <dt className="text-sm font-semibold text-ink-600">Service</dt>
                      <dd>{request.serviceName}</dd>
                    </div>
                    <div>
                      <dt className="text-sm font-semibold text-ink-600">Reference</dt>
                      <dd className="font-mono">{request.reference}</dd>
                    </div>
                    <div className="min-w-0">
                      <dt className="text-sm font-semibold text-ink-600">Email</dt>
                      <dd className="break-all">
                        <a href={`mailto:${request.patient.email}`} className="text-brand-700 underline hover:text-brand-900">
                          {request.patient.email}
                        </a>
                      </dd>
                    </div>
                    <div>
                      <dt className="text-sm font-semibold text-ink-600">Phone</dt>
                      <dd>
                        <a href={telHref(request.patient.phone)} className="text-brand-700 underline hover:text-brand-900">
                          {request.patient.phone}
                        </a>
                      </dd>
                    </div>
                    <div className="sm:col-span-2">
                      <dt className="text-sm font-semibold text-ink-600">Patient’s notes</dt>
                      <dd className={request.notes ? "whitespace-pre-line" : "text-ink-600 italic"}>{request.notes || "No notes"}</dd>
                    </div>
                    <div className="sm:col-span-2">
                      <dt className="text-sm font-semibold text-ink-600">Requested</dt>
                      <dd className="text-ink-700">
                        {formatLondonDateTime(Date.parse(request.createdAt))} {request.source === "online" ? "online" : "by staff"}
                      </dd>
                    </div>
                  </dl>

                  {error ? (
                    <Alert tone="error" className="mt-4">
                      {error}
                    </Alert>
                  ) : null}

                  <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:items-center">
                    <Button type="button" loading={busy && pending?.action === "confirm"} disabled={busy} onClick={() => act(request, "confirm", {})}>
                      Confirm<span className="sr-only"> {request.patient.name}’s request</span>
                    </Button>
                    <Button type="button" variant="secondary" disabled={busy} onClick={() => openDecline(request)}>
                      Decline<span className="sr-only"> {request.patient.name}’s request</span>
                    </Button>
                    <Link
                      href={`/staff/bookings/${encodeURIComponent(request.id)}`}
                      prefetch={false}
                      className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline hover:text-brand-900 sm:ml-auto"
                    >
                      Open booking<span className="sr-only"> for {request.patient.name}</span>
                    </Link>
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}

      <ConfirmDialog
        open={declining !== null}
        title={declining ? `Decline ${declining.patient.name}’s request?` : "Decline this request?"}
        description={
          declining ? (
            <>
              {formatLondonDateTimeWithZone(Date.parse(declining.start))} with {declining.practitionerName}. We will email{" "}
              {declining.patient.name} to say we cannot see them then, and the time becomes free for others.
            </>
          ) : null
        }
        confirmLabel="Decline request"
        cancelLabel="Keep request"
        tone="danger"
        busy={declineBusy}
        onConfirm={() => {
          if (declining) void act(declining, "decline", reason.trim() ? { reason: reason.trim() } : {});
        }}
        onCancel={() => setDeclining(null)}
      >
        <ReasonField id="decline-reason" label="Reason" hint="Included in the email to the patient, so write it for them." value={reason} error={null} onChange={setReason} />
        {declining && cardErrors[declining.id] ? (
          <Alert tone="error" className="mt-4">
            {cardErrors[declining.id]}
          </Alert>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
