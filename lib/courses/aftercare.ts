import "server-only";
import type { Tx } from "@/lib/db";
import type { ClinicInfo } from "@/lib/clinic/settings";
import { queueEmail } from "@/lib/email/outbox";
import { renderAftercareEmail } from "@/lib/email/course-templates";
import { toEmailBooking, type BookingRow } from "@/lib/bookings/internal";

/**
 * Marking a laser session attended queues its aftercare email at once (api.md). One per session:
 * marking it attended again after an undo does not send a second.
 */
export async function queueAftercareIfLaserSession(tx: Tx, row: BookingRow, clinic: ClinicInfo): Promise<void> {
  if (!row.service.usesLaserDevice || row.status !== "attended") return;
  await queueEmail(tx, {
    dedupeKey: `booking:${row.id}:aftercare`,
    kind: "aftercare",
    bookingId: row.id,
    to: row.patient.email,
    toName: row.patient.name,
    ...renderAftercareEmail(toEmailBooking(row), clinic),
  });
}
