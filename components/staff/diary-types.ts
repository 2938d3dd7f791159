/**
 * The staff DTOs this part of the staff area reads, derived from the lead's lib types so a change
 * there shows up here as a type error. Type-only: safe to import from client components.
 */
import type { DiaryDto, StaffBookingDto } from "@/lib/bookings/staff";

export type { DiaryDto, StaffBookingDto };
export type BookingStatus = StaffBookingDto["status"];
export type DiaryPractitioner = DiaryDto["practitioners"][number];
export type DiaryDay = DiaryPractitioner["days"][number];
export type Interval = { start: string; end: string };
