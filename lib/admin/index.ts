import "server-only";
import { db } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/result";
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

export async function updateStaffAccount(
  actingAdminId: string,
  id: string,
  input: { name?: string; role?: StaffRole; practitioner?: string | null; active?: boolean },
): Promise<Result<{ account: StaffAccountDto }>> {
  const existing = await db.staffUser.findUnique({ where: { id }, select: { id: true, role: true } });
  if (!existing) return fail("not_found", "That account was not found.");
  if (id === actingAdminId && (input.active === false || (input.role && input.role !== "admin"))) {
    return fail("conflict", "You cannot disable your own account or remove your own admin role.");
  }
  const practitionerId = await practitionerIdFor(input.practitioner);
  if (practitionerId === false) return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "No such practitioner." });
  if (practitionerId && (await db.staffUser.count({ where: { practitionerId, id: { not: id } } }))) {
    return fail("invalid_request", "Please check the highlighted fields.", { practitioner: "That practitioner already has an account." });
  }
  const endsSessions = input.active === false || (input.role !== undefined && input.role !== existing.role);
  const account = await db.staffUser.update({
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
  maxLiveRequestsPerPatient: true,
  manageLinkDaysAfter: true,
} as const;

export async function getSettingsForAdmin(): Promise<ClinicSettingsDto> {
  return db.clinicSettings.findUniqueOrThrow({ where: { id: 1 }, select: settingsSelect });
}

export async function updateClinicSettings(input: Partial<ClinicSettingsDto>): Promise<Result<{ settings: ClinicSettingsDto }>> {
  const settings = await db.clinicSettings.update({ where: { id: 1 }, data: input, select: settingsSelect });
  return ok({ settings });
}
