import "server-only";
import { db } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/result";
import { seesEveryDiary, type StaffUser } from "@/lib/auth/types";
import { SLOT_HOLDING_STATUSES } from "@/lib/availability";
import { workingRangesForDate } from "@/lib/availability/slots";
import { bookingDtoSelect } from "@/lib/bookings/internal";
import { toStaffBookingDto, type StaffBookingDto } from "@/lib/bookings/staff";
import { londonDateOf, londonWallTimeToInstant } from "@/lib/time/london";
import type { WeeklyHoursInput } from "@/lib/validation/schedule";

/**
 * Working hours, breaks, date overrides and time off. A change applies to availability at once
 * (the diary version trigger invalidates cached slots). Bookings that end up outside the new hours
 * are listed for follow-up, never moved or deleted.
 */
export type ScheduleDto = {
  practitioner: { slug: string; name: string };
  weekly: { weekday: number; startMinute: number; endMinute: number; breaks: { startMinute: number; endMinute: number }[] }[];
  overrides: { id: string; date: string; startMinute: number | null; endMinute: number | null }[];
  timeOff: { id: string; start: string; end: string; reason: string | null }[];
  outsideHours: StaffBookingDto[];
};

/** The practitioner a staff member may manage: their own, or any for receptionist and admin. */
async function findManagedPractitioner(staff: StaffUser, slug: string) {
  return db.practitioner.findFirst({
    where: { slug, active: true, ...(seesEveryDiary(staff) ? {} : { id: staff.practitionerId ?? "no-practitioner" }) },
    select: { id: true, slug: true, name: true },
  });
}

export async function getSchedule(staff: StaffUser, slug: string, now: Date = new Date()): Promise<ScheduleDto | null> {
  const practitioner = await findManagedPractitioner(staff, slug);
  if (!practitioner) return null;
  const today = new Date(`${londonDateOf(now)}T00:00:00Z`);
  const [hours, breaks, overrides, timeOff, upcoming] = await Promise.all([
    db.weeklyHours.findMany({ where: { practitionerId: practitioner.id }, orderBy: { weekday: "asc" } }),
    db.weeklyBreak.findMany({ where: { practitionerId: practitioner.id }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] }),
    db.dateOverride.findMany({ where: { practitionerId: practitioner.id, date: { gte: today } }, orderBy: { date: "asc" } }),
    db.timeOff.findMany({ where: { practitionerId: practitioner.id, endsAt: { gt: now } }, orderBy: { startsAt: "asc" } }),
    db.booking.findMany({
      where: { practitionerId: practitioner.id, status: { in: [...SLOT_HOLDING_STATUSES] }, startsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      select: bookingDtoSelect,
    }),
  ]);
  const schedule = {
    weeklyHours: hours,
    weeklyBreaks: breaks,
    dateOverrides: overrides.map((o) => ({ date: o.date.toISOString().slice(0, 10), startMinute: o.startMinute, endMinute: o.endMinute })),
  };
  const outsideHours = upcoming.filter((booking) => {
    const date = londonDateOf(booking.startsAt);
    const inside = workingRangesForDate(schedule, date).some(
      (r) => booking.startsAt >= londonWallTimeToInstant(date, r.startMinute) && booking.endsAt <= londonWallTimeToInstant(date, r.endMinute),
    );
    const onTimeOff = timeOff.some((t) => t.startsAt < booking.endsAt && t.endsAt > booking.startsAt);
    return !inside || onTimeOff;
  });
  return {
    practitioner: { slug: practitioner.slug, name: practitioner.name },
    weekly: hours.map((h) => ({
      weekday: h.weekday,
      startMinute: h.startMinute,
      endMinute: h.endMinute,
      breaks: breaks.filter((b) => b.weekday === h.weekday).map((b) => ({ startMinute: b.startMinute, endMinute: b.endMinute })),
    })),
    overrides: overrides.map((o) => ({ id: o.id, date: o.date.toISOString().slice(0, 10), startMinute: o.startMinute, endMinute: o.endMinute })),
    timeOff: timeOff.map((t) => ({ id: t.id, start: t.startsAt.toISOString(), end: t.endsAt.toISOString(), reason: t.reason })),
    outsideHours: outsideHours.map(toStaffBookingDto),
  };
}

type ScheduleResult = Promise<Result<{ schedule: ScheduleDto }>>;

async function afterChange(staff: StaffUser, slug: string, now: Date): ScheduleResult {
  const schedule = await getSchedule(staff, slug, now);
  return schedule ? ok({ schedule }) : fail("not_found", "That practitioner was not found.");
}

export async function setWeeklyHours(staff: StaffUser, slug: string, weekly: WeeklyHoursInput, now: Date): ScheduleResult {
  const practitioner = await findManagedPractitioner(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  await db.$transaction(async (tx) => {
    await tx.weeklyHours.deleteMany({ where: { practitionerId: practitioner.id } });
    await tx.weeklyBreak.deleteMany({ where: { practitionerId: practitioner.id } });
    await tx.weeklyHours.createMany({ data: weekly.map((d) => ({ practitionerId: practitioner.id, weekday: d.weekday, startMinute: d.startMinute, endMinute: d.endMinute })) });
    await tx.weeklyBreak.createMany({ data: weekly.flatMap((d) => d.breaks.map((b) => ({ practitionerId: practitioner.id, weekday: d.weekday, ...b }))) });
  });
  return afterChange(staff, slug, now);
}

export async function addDateOverride(staff: StaffUser, slug: string, input: { date: string; startMinute: number | null; endMinute: number | null }, now: Date): ScheduleResult {
  const practitioner = await findManagedPractitioner(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  const date = new Date(`${input.date}T00:00:00Z`);
  await db.dateOverride.upsert({
    where: { practitionerId_date: { practitionerId: practitioner.id, date } },
    create: { practitionerId: practitioner.id, date, startMinute: input.startMinute, endMinute: input.endMinute },
    update: { startMinute: input.startMinute, endMinute: input.endMinute },
  });
  return afterChange(staff, slug, now);
}

export async function removeDateOverride(staff: StaffUser, slug: string, id: string, now: Date): ScheduleResult {
  const practitioner = await findManagedPractitioner(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  const { count } = await db.dateOverride.deleteMany({ where: { id, practitionerId: practitioner.id } });
  if (count === 0) return fail("not_found", "That date was not found.");
  return afterChange(staff, slug, now);
}

export async function addTimeOff(staff: StaffUser, slug: string, input: { start: Date; end: Date; reason?: string }, now: Date): ScheduleResult {
  const practitioner = await findManagedPractitioner(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  await db.timeOff.create({ data: { practitionerId: practitioner.id, startsAt: input.start, endsAt: input.end, reason: input.reason || null } });
  return afterChange(staff, slug, now);
}

export async function removeTimeOff(staff: StaffUser, slug: string, id: string, now: Date): ScheduleResult {
  const practitioner = await findManagedPractitioner(staff, slug);
  if (!practitioner) return fail("not_found", "That practitioner was not found.");
  const { count } = await db.timeOff.deleteMany({ where: { id, practitionerId: practitioner.id } });
  if (count === 0) return fail("not_found", "That time off was not found.");
  return afterChange(staff, slug, now);
}
