import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getServerEnv } from "@/lib/env";

/**
 * OWASP's device cookie: after a successful sign-in the browser gets a cookie naming the account
 * and a random device id, signed with a key derived from NEXTAUTH_SECRET. When it signs in again
 * it is a known device of that account and meets only its own failure limit (sign-in-limiter.ts).
 * Nothing is stored on the server: the signature is the proof, and a new cookie is issued at every
 * successful sign-in. Sent only to the sign-in endpoints. Each account has a cookie of its own, so
 * a front-desk computer used for two accounts is a known device of both.
 */
export function deviceCookieName(email: string): string {
  return `vh-device-${createHash("sha256").update(email).digest("base64url").slice(0, 16)}`;
}
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

// Without NEXTAUTH_SECRET (development and tests only: production refuses to start without one
// on a public address) the key lives as long as the process.
const fallbackKey = randomBytes(32);

function signingKey(): Buffer {
  const secret = getServerEnv().NEXTAUTH_SECRET;
  return secret ? createHmac("sha256", secret).update("victoria-house device cookie v1").digest() : fallbackKey;
}

function signatureOf(email: string, deviceId: string): Buffer {
  return createHmac("sha256", signingKey()).update(`${email}\u0000${deviceId}`).digest();
}

/** A fresh device cookie value for an account that just signed in. */
export function issueDeviceCookie(email: string): string {
  const deviceId = randomBytes(16).toString("base64url");
  return `${deviceId}.${signatureOf(email, deviceId).toString("base64url")}`;
}

/** The device id when `value` is a genuine device cookie of this account, else null. */
export function deviceIdFrom(value: string | undefined, email: string): string | null {
  const [deviceId, signature, extra] = (value ?? "").split(".");
  if (!deviceId || !signature || extra !== undefined) return null;
  const expected = signatureOf(email, deviceId);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

export function deviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(getServerEnv().APP_URL).protocol === "https:",
    path: "/api/auth",
    maxAge: MAX_AGE_SECONDS,
  };
}

/** The value of one cookie in a Cookie header. */
export function cookieFromHeader(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}
