import "server-only";
import type { db, Tx } from "@/lib/db";
import { getCourseRules } from "@/lib/clinic/settings";
import { firstFreeDevice, type DeviceSession } from "./device-capacity";

/**
 * The clinic's lasers as a resource shared by every practitioner (api.md: "The laser device is a
 * resource"). Each live laser session holds one laser, numbered 1..laserDevices; the exclusion
 * constraint "Booking_laser_no_overlap" refuses two overlapping live sessions on one laser, and
 * these functions choose the laser and leave busy times out of availability.
 */
type Client = typeof db | Tx;

/** Statuses whose laser sessions hold their laser (mirrors the constraint's WHERE clause). */
const LASER_HOLDING_STATUSES = ["requested", "confirmed", "attended", "no_show"];

/** How many lasers the clinic has, and the live laser sessions overlapping [from, to), each on its laser. */
export async function loadLaserSessions(client: Client, input: { from: Date; to: Date; ignoreBookingId?: string }): Promise<{ devices: number; sessions: DeviceSession[] }> {
  const { laserDevices } = await getCourseRules(client);
  const rows = await client.$queryRaw<{ start: number; end: number; device: number }[]>`
    SELECT (extract(epoch FROM "startsAt") * 1000)::float8 AS start, (extract(epoch FROM "endsAt") * 1000)::float8 AS "end", "laserDevice" AS device
      FROM "Booking"
     WHERE "laserDevice" IS NOT NULL
       AND status::text = ANY(${LASER_HOLDING_STATUSES})
       AND "startsAt" < ${input.to} AND "endsAt" > ${input.from}
       AND id <> ${input.ignoreBookingId ?? ""}`;
  return { devices: laserDevices, sessions: rows };
}

/**
 * Serialises laser bookings across practitioners, as lockPractitioners does for one diary: without
 * it, a burst of sessions for one time can deadlock in the constraint's index. Take it after the
 * practitioner locks (the order every booking path uses), inside the booking's transaction.
 */
export async function lockLasers(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('laser-devices'))`;
}

/** The lowest-numbered laser free for all of [start, end), or null when every laser is in use then. */
export async function chooseLaserDevice(tx: Tx, input: { start: Date; end: Date; ignoreBookingId?: string }): Promise<number | null> {
  const { devices, sessions } = await loadLaserSessions(tx, { from: input.start, to: input.end, ignoreBookingId: input.ignoreBookingId });
  return firstFreeDevice({ start: input.start.getTime(), end: input.end.getTime() }, sessions, devices);
}

export const LASER_BUSY_MESSAGE = "The laser is in use for another session at that time. Please pick another time.";
