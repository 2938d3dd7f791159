/** Plain data shared by the booking components (what crosses from server pages to the client). */

export type PractitionerOption = {
  slug: string;
  name: string;
  title?: string;
};

/** One free slot from `GET /api/availability` (ISO UTC instants, practitioner slug). */
export type Slot = {
  start: string;
  end: string;
  practitioner: string;
};

/** A bookable start time as shown to the patient (with "No preference" one start may be free for several practitioners). */
export type TimeOption = {
  start: string;
  end: string;
  practitioners: string[];
};

/** The booking as returned by the public API (`POST /api/bookings`, manage-link actions). */
export type BookingSummary = {
  reference: string;
  status: BookingStatus;
  start: string;
  end: string;
  practitioner: string | { slug: string; name: string };
  service: string | { slug: string; name: string };
};

export type BookingStatus = "requested" | "confirmed" | "declined" | "cancelled" | "attended" | "no_show";

/** `{ error: { code, message, fields? } }` as every API route answers on failure. */
export type ApiError = {
  code: string;
  message: string;
  fields?: Record<string, string>;
};

/** "any" means "No preference". */
export const ANY_PRACTITIONER = "any";

/** What the manage page shows: a type-only re-export (erased at build), so lib/bookings/manage's "server-only" never reaches the client bundle. */
export type { ManagedBookingView } from "@/lib/bookings/manage";

/** `tel:` href from a displayed phone number. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, "")}`;
}
