import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { cookieFromHeader, deviceCookieName, deviceIdFrom, issueDeviceCookie } from "./device-cookie";
import { isSignInBlocked, recordSignInFailure, recordSignInSuccess, type SignInClient } from "./sign-in-limiter";
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

export class SignInRateLimited extends Error {
  constructor() {
    super("Too many sign-in attempts. Please wait a few minutes and try again.");
  }
}

/** Where a sign-in attempt comes from: the client's address and the request's Cookie header. */
export type SignInOrigin = { address: string; cookieHeader?: string };

export type SignedIn = { staff: StaffRecord; deviceCookie: { name: string; value: string } };

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all answer
 * the same (null) after the same amount of work; too many failures throw SignInRateLimited. A
 * success comes with a fresh device cookie for the browser (lib/auth/device-cookie.ts).
 */
export async function verifyStaffCredentials(emailInput: string, password: string, origin: SignInOrigin): Promise<SignedIn | null> {
  const email = emailInput.trim().toLowerCase();
  const cookieName = deviceCookieName(email);
  const client: SignInClient = { address: origin.address, deviceId: deviceIdFrom(cookieFromHeader(origin.cookieHeader, cookieName), email) };
  if (await isSignInBlocked(email, client)) throw new SignInRateLimited();
  const row = await db.staffUser.findUnique({ where: { email }, select: { ...staffSelect, passwordHash: true } });
  const valid = await verifyPassword(password, row?.passwordHash ?? null);
  if (!row || !valid || !row.active) {
    await recordSignInFailure(email, client);
    return null;
  }
  await recordSignInSuccess(email, client);
  return { staff: toStaffRecord(row), deviceCookie: { name: cookieName, value: issueDeviceCookie(email) } };
}

/** Changing a password ends every existing session of that account. */
export async function changeStaffPassword(staffId: string, newPassword: string): Promise<void> {
  await db.staffUser.update({ where: { id: staffId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
}

/** Disabling an account ends its sessions at once; enabling it again does not revive them. */
export async function setStaffActive(staffId: string, active: boolean): Promise<void> {
  await db.staffUser.update({ where: { id: staffId }, data: { active, sessionVersion: { increment: 1 } } });
}

// ---- Server-side sessions (one row per signed-in browser) --------------------------------------

/** Opens the session record a new sign-in's JWT points at; expired records are swept out here. */
export async function startStaffSession(staffUserId: string, maxAgeSeconds: number, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.staffSession.create({ data: { id, staffUserId, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) } });
  return id;
}

/** The account behind a live session, or null when the session was ended, expired or never existed. */
export async function getStaffSession(sessionId: string, now = new Date()): Promise<StaffRecord | null> {
  const row = await db.staffSession.findUnique({ where: { id: sessionId }, select: { expiresAt: true, staffUser: { select: staffSelect } } });
  if (!row || row.expiresAt <= now) return null;
  return toStaffRecord(row.staffUser);
}

/** Signing out ends this session only: the account's other browsers stay signed in. */
export async function endStaffSession(sessionId: string): Promise<void> {
  await db.staffSession.deleteMany({ where: { id: sessionId } });
}
