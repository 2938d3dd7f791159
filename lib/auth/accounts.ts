import "server-only";
import { db } from "@/lib/db";
import { isSignInBlocked, recordSignInFailure, recordSignInSuccess } from "./sign-in-limiter";
import { hashPassword, verifyPassword } from "./password";
import type { StaffUser } from "./types";

const staffSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  sessionVersion: true,
  practitionerId: true,
  practitioner: { select: { slug: true } },
} as const;

export type StaffRecord = StaffUser & { active: boolean; sessionVersion: number };

function toStaffRecord(row: { id: string; name: string; email: string; role: StaffUser["role"]; active: boolean; sessionVersion: number; practitionerId: string | null; practitioner: { slug: string } | null }): StaffRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    practitionerId: row.practitionerId,
    practitionerSlug: row.practitioner?.slug ?? null,
    active: row.active,
    sessionVersion: row.sessionVersion,
  };
}

export async function getStaffRecord(id: string): Promise<StaffRecord | null> {
  const row = await db.staffUser.findUnique({ where: { id }, select: staffSelect });
  return row ? toStaffRecord(row) : null;
}

export class SignInRateLimited extends Error {
  constructor() {
    super("Too many sign-in attempts. Please wait a few minutes and try again.");
  }
}

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all answer
 * the same (null) after the same amount of work; too many failures throw SignInRateLimited.
 */
export async function verifyStaffCredentials(emailInput: string, password: string, clientAddress: string): Promise<StaffRecord | null> {
  const email = emailInput.trim().toLowerCase();
  if (isSignInBlocked(email, clientAddress)) throw new SignInRateLimited();
  const row = await db.staffUser.findUnique({ where: { email }, select: { ...staffSelect, passwordHash: true } });
  const valid = await verifyPassword(password, row?.passwordHash ?? null);
  if (!row || !valid || !row.active) {
    recordSignInFailure(email, clientAddress);
    return null;
  }
  recordSignInSuccess(email, clientAddress);
  return toStaffRecord(row);
}

/** Changing a password ends every existing session of that account. */
export async function changeStaffPassword(staffId: string, newPassword: string): Promise<void> {
  await db.staffUser.update({ where: { id: staffId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
}

/** Disabling an account ends its sessions at once; enabling it again does not revive them. */
export async function setStaffActive(staffId: string, active: boolean): Promise<void> {
  await db.staffUser.update({ where: { id: staffId }, data: { active, sessionVersion: { increment: 1 } } });
}
