import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createStaffAccount, getSettingsForAdmin, setStaffPassword, updateClinicSettings, updateService, updateStaffAccount } from "@/lib/admin";
import { verifyStaffCredentials } from "@/lib/auth/accounts";
import { resetSignInLimits } from "@/lib/auth/sign-in-limiter";
import { getAvailability } from "@/lib/availability";
import { getServices } from "@/lib/clinic/catalogue";
import { at, resetDiary, testPool, upcoming } from "../support/fixtures";
import { loadStaff } from "../support/staff";

let pool: pg.Pool;
let staff: Awaited<ReturnType<typeof loadStaff>>;
beforeAll(async () => {
  pool = testPool();
  staff = await loadStaff(pool);
  await resetDiary(pool);
  await resetSignInLimits();
});
afterAll(async () => {
  await pool.query(`DELETE FROM "StaffUser" WHERE email LIKE 'temp-%'`);
  await pool.end();
});

describe("admin", () => {
  it("creates accounts that can sign in, refuses duplicates, and sets passwords", async () => {
    const made = await createStaffAccount({ email: "temp-desk@clinic.example", name: "Temp Desk", role: "receptionist", password: "a-long-temporary-password" });
    expect(made).toMatchObject({ ok: true, data: { account: { email: "temp-desk@clinic.example", role: "receptionist", active: true } } });
    expect(await verifyStaffCredentials("temp-desk@clinic.example", "a-long-temporary-password", { address: "203.0.113.9" })).toMatchObject({ staff: { role: "receptionist" } });
    expect(await createStaffAccount({ email: "temp-desk@clinic.example", name: "Again", role: "admin", password: "a-long-temporary-password" })).toMatchObject({ ok: false, fieldErrors: { email: expect.any(String) } });
    expect(await createStaffAccount({ email: "temp-sally2@clinic.example", name: "Sally 2", role: "practitioner", practitioner: "sally", password: "a-long-temporary-password" })).toMatchObject({
      ok: false,
      fieldErrors: { practitioner: "That practitioner already has an account." },
    });
    const id = made.ok ? made.data.account.id : "";
    expect(await updateStaffAccount(staff.admin.id, id, { role: "practitioner", practitioner: "hannah" })).toMatchObject({ ok: false, fieldErrors: { practitioner: expect.any(String) } });
    expect(await setStaffPassword(id, "another-long-password")).toMatchObject({ ok: true });
    expect(await verifyStaffCredentials("temp-desk@clinic.example", "a-long-temporary-password", { address: "203.0.113.9" })).toBeNull();
    expect(await verifyStaffCredentials("temp-desk@clinic.example", "another-long-password", { address: "203.0.113.9" })).toMatchObject({ staff: { email: "temp-desk@clinic.example" } });
    expect(await updateStaffAccount(staff.admin.id, staff.admin.id, { active: false })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("changes prices and booking rules, which apply at once", async () => {
    expect(await updateService("laser-full-scalp", { priceFromPence: 26_000 })).toMatchObject({ ok: true });
    expect((await getServices()).find((s) => s.slug === "laser-full-scalp")?.priceFromPence).toBe(26_000);
    await updateService("laser-full-scalp", { priceFromPence: 25_000 });

    const monday = upcoming(1, 1);
    const query = { service: "consultation", practitioner: "sally", from: monday, to: monday };
    const now = new Date(Date.parse(at(monday, "09:00")) - 13 * 3_600_000); // 13 hours before Monday 09:00
    const before = await getAvailability(query, now);
    expect(before.ok && before.data.slots[0]?.start).toBe(at(monday, "09:00"));
    const original = await getSettingsForAdmin();
    await updateClinicSettings({ minNoticeMinutes: 24 * 60 });
    const after = await getAvailability(query, now);
    expect(after.ok && after.data.slots).toEqual([]);
    await updateClinicSettings({ minNoticeMinutes: original.minNoticeMinutes });
  });
});

describe("the last active admin", () => {
  async function secondAdmin(email: string) {
    const made = await createStaffAccount({ email, name: "Temp Admin", role: "admin", password: "a-long-temporary-password" });
    expect(made.ok).toBe(true);
    return made.ok ? made.data.account.id : "";
  }
  const activeAdmins = async () => (await pool.query(`SELECT count(*)::int AS n FROM "StaffUser" WHERE role = 'admin' AND active`)).rows[0].n as number;

  /**
   * Runs two account changes at the same moment. To make them overlap every time, a third
   * connection holds both accounts' rows while they start: each change has read what it reads
   * before it can write, as when two requests arrive together; then the rows are let go.
   */
  async function atTheSameMoment<T>(ids: string[], changes: (() => Promise<T>)[]): Promise<T[]> {
    const blocker = await pool.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT id FROM "StaffUser" WHERE id = ANY($1) FOR UPDATE`, [ids]);
      const running = changes.map((change) => change());
      await new Promise((resolve) => setTimeout(resolve, 500));
      await blocker.query("COMMIT");
      return await Promise.all(running);
    } finally {
      blocker.release();
    }
  }

  it("two admins demoting each other at the same moment: one is refused, one admin remains", async () => {
    const other = await secondAdmin("temp-admin-race@clinic.example");
    expect(await activeAdmins()).toBe(2);
    const results = await atTheSameMoment(
      [staff.admin.id, other],
      [() => updateStaffAccount(staff.admin.id, other, { role: "receptionist" }), () => updateStaffAccount(other, staff.admin.id, { role: "receptionist" })],
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false })]);
    expect(await activeAdmins()).toBe(1);
    // Put the seeded admin back for the other tests, whichever of the two won.
    await pool.query(`UPDATE "StaffUser" SET role = 'admin', active = true WHERE id = $1`, [staff.admin.id]);
    await pool.query(`DELETE FROM "StaffUser" WHERE id = $1`, [other]);
  });

  it("two admins disabling each other at the same moment: one is refused", async () => {
    const other = await secondAdmin("temp-admin-disable@clinic.example");
    const results = await atTheSameMoment(
      [staff.admin.id, other],
      [() => updateStaffAccount(staff.admin.id, other, { active: false }), () => updateStaffAccount(other, staff.admin.id, { active: false })],
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
    await pool.query(`UPDATE "StaffUser" SET role = 'admin', active = true WHERE id = $1`, [staff.admin.id]);
    await pool.query(`DELETE FROM "StaffUser" WHERE id = $1`, [other]);
  });

  it("an admin demoted a moment ago cannot demote the one who remains (a request still in flight)", async () => {
    const other = await secondAdmin("temp-admin-late@clinic.example");
    expect(await updateStaffAccount(staff.admin.id, other, { role: "receptionist" })).toMatchObject({ ok: true });
    expect(await updateStaffAccount(other, staff.admin.id, { role: "receptionist" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await activeAdmins()).toBe(1);
    await pool.query(`DELETE FROM "StaffUser" WHERE id = $1`, [other]);
  });
});
