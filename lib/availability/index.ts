import "server-only";
import { db, type Tx } from "@/lib/db";
import { getBookingRules } from "@/lib/clinic/settings";
import { fail, ok, type Result } from "@/lib/result";
import { addLondonDays, CLINIC_TIME_ZONE, londonWallTimeToInstant, type LondonDate } from "@/lib/time/london";
import type { AvailabilityQuery } from "@/lib/validation/booking";
import { cachedAvailability } from "./cache";
import { computeFreeSlotsOnDevices } from "./device-capacity";
import { loadLaserSessions } from "./laser";
import { computeFreeSlots, type PractitionerSchedule, type Slot, type SlotRules } from "./slots";

/** Statuses that hold their time in the diary (mirrors the exclusion constraint's WHERE clause). */
export const SLOT_HOLDING_STATUSES = ["requested", "confirmed", "attended", "no_show"] as const;

type Client = typeof db | Tx;

export type ServiceForBooking = { id: string; slug: string; name: string; durationMinutes: number; slotIntervalMinutes: number; bookableOnline: boolean; usesLaserDevice: boolean };

export async function findService(client: Client, slug: string, audience: "public" | "staff"): Promise<ServiceForBooking | null> {
  const service = await client.service.findFirst({
    // Laser sessions are never bookable online (the database refuses the flag on them too).
    where: { slug, active: true, ...(audience === "public" ? { bookableOnline: true, usesLaserDevice: false } : {}) },
    select: { id: true, slug: true, name: true, durationMinutes: true, slotIntervalMinutes: true, bookableOnline: true, usesLaserDevice: true },
  });
  return service;
}

/** Practitioners matching a choice (`sally`, `hannah` or `any`), in the clinic's order. */
export async function findPractitioners(client: Client, choice: string): Promise<{ id: string; slug: string; name: string }[]> {
  return client.practitioner.findMany({
    where: { active: true, ...(choice === "any" ? {} : { slug: choice }) },
    orderBy: { sortOrder: "asc" },
    select: { id: true, slug: true, name: true },
  });
}

/** Loads everything the slot maths needs for some practitioners over London dates `from`..`to`. */
export async function loadSchedules(
  client: Client,
  input: { practitionerIds: string[]; from: LondonDate; to: LondonDate; ignoreBookingId?: string },
): Promise<PractitionerSchedule[]> {
  const rangeStart = londonWallTimeToInstant(input.from, 0);
  const rangeEnd = londonWallTimeToInstant(addLondonDays(input.to, 1), 0);
  // One query after the other: `client` is often a transaction, whose single connection must not
  // be given two queries at once.
  const rows = await client.practitioner.findMany({
    where: { id: { in: input.practitionerIds } },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      slug: true,
      weeklyHours: { select: { weekday: true, startMinute: true, endMinute: true } },
      weeklyBreaks: { select: { weekday: true, startMinute: true, endMinute: true } },
      dateOverrides: {
        where: { date: { gte: new Date(`${input.from}T00:00:00Z`), lte: new Date(`${input.to}T00:00:00Z`) } },
        select: { date: true, startMinute: true, endMinute: true },
      },
    },
  });
  // Busy time can run to thousands of rows over two months: read it as plain epoch numbers in one
  // round trip rather than as model objects (this is most of an uncached availability request).
  const busy = await client.$queryRaw<{ practitionerId: string; start: number; end: number }[]>`
    SELECT "practitionerId", (extract(epoch FROM "startsAt") * 1000)::float8 AS start, (extract(epoch FROM "endsAt") * 1000)::float8 AS "end"
      FROM "Booking"
     WHERE "practitionerId" = ANY(${input.practitionerIds})
       AND status::text = ANY(${[...SLOT_HOLDING_STATUSES]})
       AND "startsAt" < ${rangeEnd} AND "endsAt" > ${rangeStart}
       AND id <> ${input.ignoreBookingId ?? ""}
    UNION ALL
    SELECT "practitionerId", (extract(epoch FROM "startsAt") * 1000)::float8, (extract(epoch FROM "endsAt") * 1000)::float8
      FROM "TimeOff"
     WHERE "practitionerId" = ANY(${input.practitionerIds})
       AND "startsAt" < ${rangeEnd} AND "endsAt" > ${rangeStart}`;
  return rows.map((row) => ({
    practitionerId: row.id,
    slug: row.slug,
    weeklyHours: row.weeklyHours,
    weeklyBreaks: row.weeklyBreaks,
    dateOverrides: row.dateOverrides.map((o) => ({ date: o.date.toISOString().slice(0, 10), startMinute: o.startMinute, endMinute: o.endMinute })),
    busy: busy.filter((b) => b.practitionerId === row.id).map((b) => ({ start: b.start, end: b.end })),
  }));
}

export function slotRulesFor(service: ServiceForBooking, rules: { minNoticeMinutes: number; maxAdvanceDays: number }): SlotRules {
  return {
    durationMinutes: service.durationMinutes,
    intervalMinutes: service.slotIntervalMinutes,
    minNoticeMinutes: rules.minNoticeMinutes,
    maxAdvanceDays: rules.maxAdvanceDays,
  };
}

/**
 * Staff may book at short notice and further ahead than patients (a phone caller for this
 * afternoon), but never outside working hours or over another booking.
 */
export function rulesForAudience(rules: { minNoticeMinutes: number; maxAdvanceDays: number }, audience: "public" | "staff") {
  return audience === "public" ? rules : { minNoticeMinutes: 0, maxAdvanceDays: 366 };
}

/** Free slots at exactly `start` for the given practitioners (used inside booking transactions). */
export async function findFreeSlotsAt(
  client: Client,
  input: { service: ServiceForBooking; practitionerIds: string[]; date: LondonDate; start: Date; now: Date; audience: "public" | "staff"; ignoreBookingId?: string },
): Promise<Slot[]> {
  const rules = rulesForAudience(await getBookingRules(client), input.audience);
  const schedules = await loadSchedules(client, { practitionerIds: input.practitionerIds, from: input.date, to: input.date, ignoreBookingId: input.ignoreBookingId });
  const slots = await computeServiceSlots(client, {
    service: input.service,
    from: input.date,
    to: input.date,
    now: input.now.getTime(),
    rules: slotRulesFor(input.service, rules),
    practitioners: schedules,
    ignoreBookingId: input.ignoreBookingId,
  });
  return slots.filter((slot) => slot.start === input.start.getTime());
}

/**
 * Free slots of `service` in loaded schedules. A laser service also needs one of the clinic's
 * lasers free throughout the slot, whichever practitioner holds the others (see ./laser.ts).
 */
export async function computeServiceSlots(
  client: Client,
  input: { service: ServiceForBooking; from: LondonDate; to: LondonDate; now: number; rules: SlotRules; practitioners: PractitionerSchedule[]; ignoreBookingId?: string },
): Promise<Slot[]> {
  const { service, ignoreBookingId, ...slotInput } = input;
  if (!service.usesLaserDevice) return computeFreeSlots(slotInput);
  const range = { from: londonWallTimeToInstant(input.from, 0), to: londonWallTimeToInstant(addLondonDays(input.to, 1), 0) };
  const { devices, sessions } = await loadLaserSessions(client, { ...range, ignoreBookingId });
  return computeFreeSlotsOnDevices({ ...slotInput, deviceSessions: sessions, devices });
}

export type AvailabilityDto = { timeZone: string; slots: { start: string; end: string; practitioner: string }[] };

export async function getAvailability(query: AvailabilityQuery, now: Date, audience: "public" | "staff" = "public"): Promise<Result<AvailabilityDto>> {
  const key = [audience, query.service, query.practitioner, query.from, query.to].join("|");
  return cachedAvailability(key, now.getTime(), async () => {
    const { result, minNoticeMinutes } = await computeAvailability(query, now, audience);
    const first = result.ok ? result.data.slots[0] : undefined;
    return { value: result, cacheable: result.ok, firstSlotDropsAt: first ? Date.parse(first.start) - minNoticeMinutes * 60_000 : null };
  });
}

async function computeAvailability(query: AvailabilityQuery, now: Date, audience: "public" | "staff"): Promise<{ result: Result<AvailabilityDto>; minNoticeMinutes: number }> {
  const [service, practitioners, rules] = await Promise.all([
    findService(db, query.service, audience),
    findPractitioners(db, query.practitioner),
    getBookingRules(db),
  ]);
  // The notice that applies to this audience: it decides when the first slot drops out of the cache.
  const minNoticeMinutes = rulesForAudience(rules, audience).minNoticeMinutes;
  if (!service) return { minNoticeMinutes, result: fail("invalid_request", "Please check the highlighted fields.", { service: "That service cannot be booked online." }) };
  if (practitioners.length === 0) return { minNoticeMinutes, result: fail("invalid_request", "Please check the highlighted fields.", { practitioner: "Please choose Sally, Hannah or no preference." }) };
  const schedules = await loadSchedules(db, { practitionerIds: practitioners.map((p) => p.id), from: query.from, to: query.to });
  const slots = await computeServiceSlots(db, { service, from: query.from, to: query.to, now: now.getTime(), rules: slotRulesFor(service, rulesForAudience(rules, audience)), practitioners: schedules });
  return {
    minNoticeMinutes,
    result: ok({
      timeZone: CLINIC_TIME_ZONE,
      slots: slots.map((slot) => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), practitioner: slot.practitioner })),
    }),
  };
}
