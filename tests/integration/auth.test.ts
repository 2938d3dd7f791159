import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { changeStaffPassword, setStaffActive, SignInRateLimited, verifyStaffCredentials } from "@/lib/auth/accounts";
import { authOptions } from "@/lib/auth/options";
import { resetSignInLimits } from "@/lib/auth/sign-in-limiter";
import { testPool } from "../support/fixtures";

let pool: pg.Pool;
const password = process.env.TEST_STAFF_PASSWORD ?? "test-staff-password";

beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});
beforeEach(() => resetSignInLimits());

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

describe("staff sign-in", () => {
  it("accepts the seeded accounts and answers the same for an unknown email and a wrong password", async () => {
    const staff = await verifyStaffCredentials("Sally@Clinic.Example", password, "203.0.113.1");
    expect(staff).toMatchObject({ email: "sally@clinic.example", role: "practitioner", practitionerSlug: "sally" });
    expect(await verifyStaffCredentials("nobody@clinic.example", password, "203.0.113.1")).toBeNull();
    expect(await verifyStaffCredentials("sally@clinic.example", "wrong-password", "203.0.113.1")).toBeNull();
  });

  it("slows guessing from one address against one account, without locking out the real user elsewhere", async () => {
    for (let i = 0; i < 5; i++) expect(await verifyStaffCredentials("hannah@clinic.example", `guess-${i}`, "198.51.100.9")).toBeNull();
    await expect(verifyStaffCredentials("hannah@clinic.example", password, "198.51.100.9")).rejects.toBeInstanceOf(SignInRateLimited);
    // Hannah at the clinic, on another address, still gets in.
    expect(await verifyStaffCredentials("hannah@clinic.example", password, "192.0.2.10")).toMatchObject({ email: "hannah@clinic.example" });
  });

  it("limits one address trying many accounts", async () => {
    for (let i = 0; i < 30; i++) await verifyStaffCredentials(`user${i}@clinic.example`, "x", "198.51.100.77");
    await expect(verifyStaffCredentials("admin@clinic.example", password, "198.51.100.77")).rejects.toBeInstanceOf(SignInRateLimited);
  });
});

describe("sessions that can be ended", () => {
  it("a password change or a disabled account ends existing sessions", async () => {
    const id = await idOf("reception@clinic.example");
    const signIn = await authOptions.callbacks!.jwt!({ token: {}, user: { id, sessionVersion: (await pool.query(`SELECT "sessionVersion" FROM "StaffUser" WHERE id = $1`, [id])).rows[0].sessionVersion } } as never);
    const live = await sessionFor(signIn);
    expect(live.session.staff).toMatchObject({ email: "reception@clinic.example", role: "receptionist" });

    await changeStaffPassword(id, password);
    const afterPasswordChange = await sessionFor(live.token);
    expect(afterPasswordChange.session.staff).toBeUndefined();
    // Once revoked, always revoked, even if the version were to match again.
    expect((await sessionFor(afterPasswordChange.token)).session.staff).toBeUndefined();

    const fresh = await authOptions.callbacks!.jwt!({ token: {}, user: { id, sessionVersion: (await pool.query(`SELECT "sessionVersion" FROM "StaffUser" WHERE id = $1`, [id])).rows[0].sessionVersion } } as never);
    expect((await sessionFor(fresh)).session.staff).toBeTruthy();
    await setStaffActive(id, false);
    expect((await sessionFor(fresh)).session.staff).toBeUndefined();
    expect(await verifyStaffCredentials("reception@clinic.example", password, "203.0.113.5")).toBeNull();
    await setStaffActive(id, true);
  });
});
