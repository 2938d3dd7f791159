/**
 * The audit trail of one booking: who did what and when, newest first, with before -> after for
 * the fields that changed. Server-safe (no hooks).
 *
 * Events carry snapshots (`{ status, start, end, practitioner, reason? }`) rather than diffs, so the
 * changed fields are worked out here; `end` is left out because it only ever moves with `start`.
 */
import type { BookingEventDto } from "@/lib/bookings/staff";
import { formatLondonDateTimeWithZone } from "@/lib/time/london";
import { Card } from "@/components/ui/card";
import { statusLabel } from "./booking-status-badge";

const ACTION_WORDS: Record<string, string> = {
  requested: "Requested the booking",
  created: "Booked the appointment",
  booked: "Booked the appointment",
  booked_by_staff: "Booked the appointment",
  confirmed: "Confirmed the booking",
  declined: "Declined the request",
  rescheduled: "Rescheduled",
  cancelled: "Cancelled the booking",
  attended: "Marked as attended",
  no_show: "Marked as a no-show",
  notes_changed: "Changed the staff notes",
  notes_updated: "Changed the staff notes",
  staff_notes_changed: "Changed the staff notes",
  staff_notes_updated: "Changed the staff notes",
};

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  start: "Time",
  practitioner: "Practitioner",
  service: "Service",
  reason: "Reason",
  statusReason: "Reason",
  staffNotes: "Staff notes",
  notifyPatient: "Patient emailed",
  source: "Source",
};

const HIDDEN_FIELDS = new Set(["end", "id", "bookingId", "reference"]);

/** "notes_changed" -> "Notes changed": an action added later still reads as words. */
function humanise(action: string): string {
  const words = action.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_.-]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}

function actionWords(event: BookingEventDto): string {
  // A booking made by staff starts life confirmed: its first event is "confirmed" with nothing before.
  if (event.before === null && event.action === "confirmed") return "Booked and confirmed";
  return ACTION_WORDS[event.action] ?? humanise(event.action);
}

function actorName(event: BookingEventDto): string {
  if (event.actor.type === "patient") return "Patient";
  if (event.actor.type === "system") return "System";
  return event.actor.name ?? "A staff member";
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatValue(key: string, value: unknown, practitionerNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    if (key === "status") return statusLabel(value);
    if (key === "practitioner") return practitionerNames.get(value) ?? value;
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatLondonDateTimeWithZone(Date.parse(value));
    // Long free text (notes) is cut so one edit does not push the rest of the history off screen.
    return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  }
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

type Change = { key: string; label: string; before: string | null; after: string };

function changesOf(event: BookingEventDto, practitionerNames: ReadonlyMap<string, string>): Change[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((key) => !HIDDEN_FIELDS.has(key));
  // Known fields first, in a fixed order, so every entry reads the same way.
  const order = Object.keys(FIELD_LABELS);
  keys.sort((a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
  const changes: Change[] = [];
  for (const key of keys) {
    const hadBefore = event.before !== null && key in before;
    const beforeValue = before[key];
    const afterValue = after[key];
    if (hadBefore && JSON.stringify(beforeValue) === JSON.stringify(afterValue)) continue;
    if (!(key in after)) continue;
    changes.push({
      key,
      label: FIELD_LABELS[key] ?? humanise(key),
      before: hadBefore ? formatValue(key, beforeValue, practitionerNames) : null,
      after: formatValue(key, afterValue, practitionerNames),
    });
  }
  return changes;
}

export function BookingHistory({
  events,
  practitioners,
}: {
  events: BookingEventDto[];
  practitioners: { slug: string; name: string }[];
}) {
  const names = new Map(practitioners.map((p) => [p.slug, p.name]));
  const sorted = [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  return (
    <Card as="section" aria-labelledby="history-heading">
      <h2 id="history-heading" className="text-lg font-bold">
        History
      </h2>
      <p className="mt-1 text-sm text-ink-600">Every change to this booking, newest first. Times are UK time.</p>
      {sorted.length === 0 ? (
        <p className="mt-4 text-ink-700">No changes recorded yet.</p>
      ) : (
        <ol className="mt-4 flex flex-col">
          {sorted.map((event) => {
            const changes = changesOf(event, names);
            return (
              <li key={event.id} className="border-t border-sand-200 py-3 first:border-t-0 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                  <p className="font-semibold text-ink-900">
                    {actionWords(event)}
                    <span className="font-normal text-ink-700"> by {actorName(event)}</span>
                  </p>
                  <p className="text-sm text-ink-600">
                    <time dateTime={event.at}>{formatLondonDateTimeWithZone(Date.parse(event.at))}</time>
                  </p>
                </div>
                {changes.length > 0 ? (
                  <ul className="mt-1.5 flex flex-col gap-1 text-sm text-ink-700">
                    {changes.map((change) => (
                      <li key={change.key} className="break-words">
                        <span className="font-semibold text-ink-900">{change.label}:</span>{" "}
                        {change.before !== null ? (
                          <>
                            <del className="decoration-ink-500">{change.before}</del>
                            <span aria-hidden="true"> → </span>
                            <span className="sr-only"> changed to </span>
                          </>
                        ) : null}
                        <ins className="no-underline">{change.after}</ins>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
