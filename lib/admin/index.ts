import "server-only";
import { db, type Tx } from "@/lib/db";
import { fail, ok, type Failure, type Result } from "@/lib/result";
import { hashPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/auth/types";

/**
 * Admin-only changes: staff accounts, services and prices, clinic settings. Route handlers check
 * the admin role before calling these. Disabling an account or changing its password or role
 * ends its sessions (sessionVersion).
 */
export type StaffAccountDto = { id: string; email: string; name: string; role: StaffRole; practitioner: string | null; active: boolean; createdAt: string };

const accountSelect = { id: true, email: true, name: true, role: true, active: true, createdAt: true, practitioner: { select: { slug: true } } } as const;
type AccountRow = { id: string; email: string; name: string; role: StaffRole; active: boolean; createdAt: Date; practitioner: { slug: string } | null };
const toAccountDto = (r: AccountRow): StaffAccountDto => ({ id: r.id, email: r.email, name: r.name, role: r.role, practitioner: r.practitioner?.slug ?? null, active: r.active, createdAt: r.createdAt.toISOString() });

export async function listStaffAccounts(): Promise<StaffAccountDto[]> {
  return (await db.staffUser.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }], select: accountSelect })).map(toAccountDto);
}

async function practitionerIdFor(slug: string | null | undefined): Promise<string | null | undefined | false> {
  if (slug === undefined) return undefined;
  if (slug === null || slug === "") return null;
  const practitioner = await db.practitioner.findUnique({ where: { slug }, select: { id: true } });
  return practitioner ? practitioner.id : false;
}

export async function createStaffAccount(input: { email: string; name: string; role: StaffRole; practitioner?: string; password: string }): Promise<Result<{ account: StaffAccountDto }>> {
  const practitionerId = input.role === "practitioner" ? await practitionerIdFor(input.practitioner) : null;
  if (practitionerId === false) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "No such practitioner." });
  if (await db.staffUser.count({ where: { email: input.email } })) return fail("invalid_request", "Please check the highlighted fields.", { email: "There is already an account with this email." });
  if (practitionerId && (await db.staffUser.count({ where: { practitionerId } }))) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "That practitioner already has an account." });
  const account = await db.staffUser.create({
    data: { email: input.email, name: input.name, role: input.role, practitionerId: practitionerId ?? null, passwordHash: await hashPassword(input.password) },
    select: accountSelect,
  });
  return ok({ account: toAccountDto(account) });
}

/**
 * The clinic always keeps at least one active admin. Every change that can take an admin away
 * (demotion, disabling; deletion too, should it ever exist) takes this lock first in its
 * transaction, so such changes take turns: two admins demoting each other at the same moment
 * cannot both pass the count in refuseToLoseLastAdmin.
 */
async function lockAdminChanges(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('staff:active-admins'))`;
}

/** Under lockAdminChanges: a refusal when the change would leave no active admin. */
async function refuseToLoseLastAdmin(tx: Tx, account: { id: string; role: StaffRole; active: boolean }, after: { role: StaffRole; active: boolean }): Promise<Failure | null> {
  const losesAdmin = account.role === "admin" && account.active && (after.role !== "admin" || !after.active);
  if (!losesAdmin) return null;
  const others = await tx.staffUser.count({ where: { role: "admin", active: true, id: { not: account.id } } });
  return others === 0 ? fail("conflict", "The clinic needs at least one active admin: make another account an admin first.") : null;
}

export async function updateStaffAccount(
  actingAdminId: string,
  id: string,
  input: { name?: string; role?: StaffRole; practitioner?: string | null; active?: boolean },
): Promise<Result<{ account: StaffAccountDto }>> {
  if (id === actingAdminId && (input.active === false || (input.role && input.role !== "admin"))) {
    return fail("conflict", "You cannot disable your own account or remove your own admin role.");
  }
  const practitionerId = await practitionerIdFor(input.practitioner);
  if (practitionerId === false) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "No such practitioner." });
  if (practitionerId && (await db.staffUser.count({ where: { practitionerId, id: { not: id } } }))) {
    return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "That practitioner already has an account." });
  }
  return db.$transaction(async (tx): Promise<Result<{ account: StaffAccountDto }>> => {
    await lockAdminChanges(tx);
    // Read under the lock: an admin demoted or disabled by a change that just committed acts no more.
    const actor = await tx.staffUser.findUnique({ where: { id: actingAdminId }, select: { role: true, active: true } });
    if (!actor || actor.role !== "admin" || !actor.active) return fail("forbidden", "Your role may not do this.");
    const existing = await tx.staffUser.findUnique({ where: { id }, select: { id: true, role: true, active: true } });
    if (!existing) return fail("not_found", "That account was not found.");
    const refused = await refuseToLoseLastAdmin(tx, existing, { role: input.role ?? existing.role, active: input.active ?? existing.active });
    if (refused) return refused;
    const endsSessions = input.active === false || (input.role !== undefined && input.role !== existing.role);
    const account = await tx.staffUser.update({
      where: { id },
      data: {
        name: input.name,
        role: input.role,
        active: input.active,
        practitionerId: practitionerId === undefined ? undefined : practitionerId,
        ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: accountSelect,
    });
    return ok({ account: toAccountDto(account) });
  });
}

export async function setStaffPassword(id: string, password: string): Promise<Result<{ account: StaffAccountDto }>> {
  const exists = await db.staffUser.count({ where: { id } });
  if (!exists) return fail("not_found", "That account was not found.");
  const account = await db.staffUser.update({ where: { id }, data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } }, select: accountSelect });
  return ok({ account: toAccountDto(account) });
}

export type AdminServiceDto = { slug: string; name: string; description: string; durationMinutes: number; priceFromPence: number; bookableOnline: boolean; active: boolean };

export async function listServicesForAdmin(): Promise<AdminServiceDto[]> {
  return db.service.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true, name: true, description: true, durationMinutes: true, priceFromPence: true, bookableOnline: true, active: true } });
}

export async function updateService(slug: string, input: Partial<Omit<AdminServiceDto, "slug">>): Promise<Result<{ service: AdminServiceDto }>> {
  const exists = await db.service.count({ where: { slug } });
  if (!exists) return fail("not_found", "That service was not found.");
  if (input.bookableOnline && (await db.service.count({ where: { slug, usesLaserDevice: true } }))) {
    return fail("invalid_request", "Please check the highlighted fields.", { bookableOnline: "Laser sessions are booked by staff from a treatment plan, never online." });
  }
  const service = await db.service.update({
    where: { slug },
    data: input,
    select: { slug: true, name: true, description: true, durationMinutes: true, priceFromPence: true, bookableOnline: true, active: true },
  });
  return ok({ service });
}

export type ClinicSettingsDto = {
  name: string;
  addressLines: string[];
  phone: string;
  email: string;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  patientChangeCutoffMinutes: number;
  reminderLeadMinutes: number;
  minIntervalWeeks: number;
  maxIntervalWeeks: number;
  patchTestWaitHours: number;
  patchTestValidMonths: number;
  laserDevices: number;
  maxLiveRequestsPerPatient: number;
  manageLinkDaysAfter: number;
};

const settingsSelect = {
  name: true,
  addressLines: true,
  phone: true,
  email: true,
  minNoticeMinutes: true,
  maxAdvanceDays: true,
  patientChangeCutoffMinutes: true,
  reminderLeadMinutes: true,
  minIntervalWeeks: true,
  maxIntervalWeeks: true,
  patchTestWaitHours: true,
  patchTestValidMonths: true,
  laserDevices: true,
  maxLiveRequestsPerPatient: true,
  manageLinkDaysAfter: true,
} as const;

export async function getSettingsForAdmin(): Promise<ClinicSettingsDto> {
  return db.clinicSettings.findUniqueOrThrow({ where: { id: 1 }, select: settingsSelect });
}

export async function updateClinicSettings(input: Partial<ClinicSettingsDto>, now: Date = new Date()): Promise<Result<{ settings: ClinicSettingsDto }>> {
  const refusal = await refuseCourseRuleChange(input, now);
  if (refusal) return refusal;
  const settings = await db.clinicSettings.update({ where: { id: 1 }, data: input, select: settingsSelect });
  return ok({ settings });
}

/**
 * The course rules checked against what is stored: the maximum interval never below the minimum,
 * and fewer lasers only when no future session holds one of those taken away (its booking would
 * then escape the database's one-session-per-laser rule for the lasers left).
 */
async function refuseCourseRuleChange(input: Partial<ClinicSettingsDto>, now: Date): Promise<Result<never> | null> {
  if (input.minIntervalWeeks === undefined && input.maxIntervalWeeks === undefined && input.laserDevices === undefined) return null;
  const stored = await db.clinicSettings.findUniqueOrThrow({ where: { id: 1 }, select: { minIntervalWeeks: true, maxIntervalWeeks: true } });
  const min = input.minIntervalWeeks ?? stored.minIntervalWeeks;
  const max = input.maxIntervalWeeks ?? stored.maxIntervalWeeks;
  if (max < min) {
    const field = input.maxIntervalWeeks !== undefined ? "maxIntervalWeeks" : "minIntervalWeeks";
    return fail("invalid_request", "Please check the highlighted fields.", { [field]: "The longest interval cannot be shorter than the shortest." });
  }
  if (input.laserDevices !== undefined) {
    const holding = await db.booking.count({
      where: { laserDevice: { gt: input.laserDevices }, endsAt: { gt: now }, status: { in: ["requested", "confirmed"] } },
    });
    if (holding > 0) {
      return fail("conflict", `${holding} coming laser session${holding === 1 ? " holds" : "s hold"} a laser above number ${input.laserDevices}. Move or cancel ${holding === 1 ? "it" : "them"} first.`);
    }
  }
  return null;
}
