import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { changeStaffPassword, setStaffActive, SignInRateLimited, verifyStaffCredentials, type SignInOrigin } from "@/lib/auth/accounts";
import { deviceCookieName } from "@/lib/auth/device-cookie";
import { authOptions } from "@/lib/auth/options";
import { SIGN_IN_LIMITS, resetSignInLimits } from "@/lib/auth/sign-in-limiter";
import { testPool } from "../support/fixtures";

// Per-address sign-in limits are on unless BOOKING_RATE_LIMIT is 0 (limits-off.test.ts covers 0).
vi.hoisted(() => {
  process.env.BOOKING_RATE_LIMIT = "20";
});

let pool: pg.Pool;
const password = process.env.TEST_STAFF_PASSWORD ?? "test-staff-password";

beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  process.env.BOOKING_RATE_LIMIT = "0";
  await pool.end();
});
beforeEach(() => resetSignInLimits());

const from = (address: string, cookieHeader?: string): SignInOrigin => ({ address, cookieHeader });

async function idOf(email: string): Promise<string> {
  return (await pool.query(`SELECT id FROM "StaffUser" WHERE email = $1`, [email])).rows[0].id;
}

/** What next-auth does on every session read: run the jwt callback on the stored token. */
async function sessionFor(token: Record<string, unknown>) {
  const jwt = authOptions.callbacks!.jwt!;
  const next = await jwt({ token, trigger: "update" } as never);
  const session = await authOptions.callbacks!.session!({ session: { expires: "2099-01-01T00:00:00Z" }, token: next } as never);
  return { token: next, session: session as { staff?: { email: string; role: string } } };
}

/** What next-auth does at sign-in: the jwt callback with the user authorize() returned. */
async function signInToken(email: string): Promise<Record<string, unknown>> {
  const id = await idOf(email);
  const sessionVersion = (await pool.query(`SELECT "sessionVersion" FROM "StaffUser" WHERE id = $1`, [id])).rows[0].sessionVersion;
  return authOptions.callbacks!.jwt!({ token: {}, user: { id, sessionVersion } } as never) as Promise<Record<string, unknown>>;
}

/** Signs in from `address` and returns the Cookie header that browser then holds. */
async function knownBrowser(email: string, address: string): Promise<string> {
  const signedIn = await verifyStaffCredentials(email, password, from(address));
  expect(signedIn?.deviceCookie.name).toBe(deviceCookieName(email));
  return `other=1; ${signedIn!.deviceCookie.name}=${signedIn!.deviceCookie.value}`;
}

describe("staff sign-in", () => {
  it("accepts the seeded accounts and answers the same for an unknown email and a wrong password", async () => {
    const signedIn = await verifyStaffCredentials("Sally@Clinic.Example", password, from("203.0.113.1"));
    expect(signedIn?.staff).toMatchObject({ email: "sally@clinic.example", role: "practitioner", practitionerSlug: "sally" });
    expect(await verifyStaffCredentials("nobody@clinic.example", password, from("203.0.113.1"))).toBeNull();
    expect(await verifyStaffCredentials("sally@clinic.example", "wrong-password", from("203.0.113.1"))).toBeNull();
  });

  it("slows guessing from one address against one account, without locking out the real user elsewhere", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.pair; i++) expect(await verifyStaffCredentials("hannah@clinic.example", `guess-${i}`, from("198.51.100.9"))).toBeNull();
    await expect(verifyStaffCredentials("hannah@clinic.example", password, from("198.51.100.9"))).rejects.toBeInstanceOf(SignInRateLimited);
    // Hannah at the clinic, on another address, still gets in.
    expect(await verifyStaffCredentials("hannah@clinic.example", password, from("192.0.2.10"))).toMatchObject({ staff: { email: "hannah@clinic.example" } });
  });

  it("limits one address trying many accounts, counting an IPv6 /64 as one address", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++) await verifyStaffCredentials(`user${i}@clinic.example`, "x", from(`2001:db8:1:2::${i.toString(16)}`));
    await expect(verifyStaffCredentials("admin@clinic.example", password, from("2001:db8:1:2:ffff::1"))).rejects.toBeInstanceOf(SignInRateLimited);
    expect(await verifyStaffCredentials("admin@clinic.example", password, from("2001:db8:1:3::1"))).toMatchObject({ staff: { email: "admin@clinic.example" } });
  });

  it("a browser that signed in before is never locked out by failures from elsewhere; unknown browsers meet the account limit", async () => {
    const email = "reception@clinic.example";
    const frontDesk = await knownBrowser(email, "192.0.2.20");
    // An attacker rotating addresses fails 20 times: the account is locked for browsers it has never used...
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) expect(await verifyStaffCredentials(email, `guess-${i}`, from(`203.0.113.${100 + i}`))).toBeNull();
    await expect(verifyStaffCredentials(email, password, from("203.0.113.250"))).rejects.toBeInstanceOf(SignInRateLimited);
    await expect(verifyStaffCredentials(email, password, from("192.0.2.20"))).rejects.toBeInstanceOf(SignInRateLimited);
    // ...but not for the front desk's browser, from any address, which gets a fresh device cookie.
    const again = await verifyStaffCredentials(email, password, from("192.0.2.20", frontDesk));
    expect(again).toMatchObject({ staff: { email } });
    expect(again!.deviceCookie.value).not.toBe(frontDesk.split(`${again!.deviceCookie.name}=`)[1]);
    expect(await verifyStaffCredentials(email, password, from("198.51.100.200", frontDesk))).toMatchObject({ staff: { email } });
  });

  it("a device cookie counts only for its own account, and only when genuine", async () => {
    const sallysBrowser = await knownBrowser("sally@clinic.example", "192.0.2.30");
    const adminCookieName = deviceCookieName("admin@clinic.example");
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) await verifyStaffCredentials("admin@clinic.example", `guess-${i}`, from(`203.0.113.${i}`));
    // Sally's cookie under its own name, then copied under the admin's name, then tampered with: all unknown browsers for the admin.
    const copied = sallysBrowser.replace(deviceCookieName("sally@clinic.example"), adminCookieName);
    const tampered = `${adminCookieName}=${"A".repeat(22)}.${"B".repeat(43)}`;
    for (const cookieHeader of [sallysBrowser, copied, tampered]) {
      await expect(verifyStaffCredentials("admin@clinic.example", password, from("192.0.2.30", cookieHeader))).rejects.toBeInstanceOf(SignInRateLimited);
    }
  });

  it("a known browser that keeps guessing is locked out by its own failures only", async () => {
    const email = "hannah@clinic.example";
    const guessing = await knownBrowser(email, "192.0.2.40");
    const other = await knownBrowser(email, "192.0.2.41");
    for (let i = 0; i < SIGN_IN_LIMITS.device; i++) expect(await verifyStaffCredentials(email, `guess-${i}`, from("192.0.2.40", guessing))).toBeNull();
    await expect(verifyStaffCredentials(email, password, from("192.0.2.40", guessing))).rejects.toBeInstanceOf(SignInRateLimited);
    expect(await verifyStaffCredentials(email, password, from("192.0.2.41", other))).toMatchObject({ staff: { email } });
    // Its failures are not the account's: a browser new to Hannah still gets in.
    expect(await verifyStaffCredentials(email, password, from("192.0.2.42"))).toMatchObject({ staff: { email } });
  });
});

describe("sessions that can be ended", () => {
  it("a password change or a disabled account ends existing sessions", async () => {
    const id = await idOf("reception@clinic.example");
    const live = await sessionFor(await signInToken("reception@clinic.example"));
    expect(live.session.staff).toMatchObject({ email: "reception@clinic.example", role: "receptionist" });

    await changeStaffPassword(id, password);
    const afterPasswordChange = await sessionFor(live.token);
    expect(afterPasswordChange.session.staff).toBeUndefined();
    // Once revoked, always revoked, even if the version were to match again.
    expect((await sessionFor(afterPasswordChange.token)).session.staff).toBeUndefined();

    const fresh = await signInToken("reception@clinic.example");
    expect((await sessionFor(fresh)).session.staff).toBeTruthy();
    await setStaffActive(id, false);
    expect((await sessionFor(fresh)).session.staff).toBeUndefined();
    expect(await verifyStaffCredentials("reception@clinic.example", password, from("203.0.113.5"))).toBeNull();
    await setStaffActive(id, true);
  });

  it("signing out ends that session on the server, and only that one", async () => {
    const laptop = await signInToken("sally@clinic.example");
    const phone = await signInToken("sally@clinic.example");
    expect(laptop.sid).toEqual(expect.any(String));
    expect(laptop.sid).not.toBe(phone.sid);
    expect((await sessionFor(laptop)).session.staff?.email).toBe("sally@clinic.example");

    await authOptions.events!.signOut!({ token: laptop } as never);
    // A copy of the laptop's cookie (the same token) no longer opens a session...
    expect((await sessionFor(laptop)).session.staff).toBeUndefined();
    // ...while Sally's phone stays signed in.
    expect((await sessionFor(phone)).session.staff?.email).toBe("sally@clinic.example");
    // A token without a session record (made before this rule, or forged with the secret) opens nothing.
    const { sid: _sid, ...withoutSession } = phone;
    expect((await sessionFor(withoutSession)).session.staff).toBeUndefined();
  });
});
