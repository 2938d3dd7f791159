import { createEvent } from "ics";

/**
 * RFC 5545 calendar invites for patient emails. The UID is the booking's id, stable for its whole
 * life, so a moved booking updates the same calendar entry (higher SEQUENCE) and a cancellation
 * removes it (METHOD:CANCEL).
 */
export type InviteInput = {
  bookingId: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  title: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

export function bookingInviteUid(bookingId: string): string {
  return `${bookingId}@victoriahouse.booking`;
}

const toUtcArray = (date: Date): [number, number, number, number, number] => [
  date.getUTCFullYear(),
  date.getUTCMonth() + 1,
  date.getUTCDate(),
  date.getUTCHours(),
  date.getUTCMinutes(),
];

export function buildBookingInvite(input: InviteInput): string {
  const { error, value } = createEvent({
    productId: "victoriahouse/booking",
    method: input.method,
    uid: bookingInviteUid(input.bookingId),
    sequence: input.sequence,
    start: toUtcArray(input.start),
    startInputType: "utc",
    startOutputType: "utc",
    end: toUtcArray(input.end),
    endInputType: "utc",
    endOutputType: "utc",
    title: input.title,
    description: input.description,
    location: input.location,
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [{ name: input.attendee.name, email: input.attendee.email, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }],
  });
  if (error || !value) throw new Error(`Could not build the calendar invite: ${error?.message ?? "no output"}`);
  return value;
}
