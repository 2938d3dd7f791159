import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { getSettingsForAdmin, updateClinicSettings } from "@/lib/admin";
import { getAvailability } from "@/lib/availability";
import { cancelBookingByStaff } from "@/lib/bookings/staff";
import { bookCourseSession } from "@/lib/courses/sessions";
import { addLondonDays } from "@/lib/time/london";
import { clearDate, courseFor, DAY, instant, later } from "../support/courses";
import { at, resetDiary, testPool } from "../support/fixtures";
import { loadStaff } from "../support/staff";

/**
 * The clinic's laser as a resource shared by both practitioners (api.md): laser sessions never
 * overlap more than `laserDevices` at once. With one laser the database itself refuses the second
 * session (exclusion constraint "Booking_laser_no_overlap"), whatever the application does.
 */
let pool: pg.Pool;
let staff: Awaited<ReturnType<typeof loadStaff>>;
let ids: { patient: string; sally: string; hannah: string; small: string; full: string };

beforeAll(async () => {
  pool = testPool();
  staff = await loadStaff(pool);
});
afterAll(async () => {
  await pool.end();
});
beforeEach(async () => {
  await resetDiary(pool);
  await pool.query(`INSERT INTO "Patient" (id, name, email, phone, "updatedAt") VALUES ('laser-patient', 'Laser Patient', 'laser@example.com', '07700 900555', now())`);
  const one = async (sql: string) => (await pool.query(sql)).rows[0].id as string;
  ids = {
    patient: "laser-patient",
    sally: await one(`SELECT id FROM "Practitioner" WHERE slug = 'sally'`),
    hannah: await one(`SELECT id FROM "Practitioner" WHERE slug = 'hannah'`),
    small: await one(`SELECT id FROM "Service" WHERE slug = 'laser-small-area'`),
    full: await one(`SELECT id FROM "Service" WHERE slug = 'laser-full-scalp'`),
  };
});

const WEDNESDAY = 3;
const laserDay = () => clearDate(WEDNESDAY, new Date(), 7, [1]);

let counter = 0;
/** Writes a laser booking straight into the table, past every check the application makes. */
function insertLaserSession(client: pg.Pool | pg.PoolClient, input: { practitioner: string; start: string; end: string; device: number | null; service?: string }) {
  counter += 1;
  return client.query(
    `INSERT INTO "Booking" (id, reference, "serviceId", "practitionerId", "patientId", "startsAt", "endsAt", status, source, "laserDevice", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'confirmed', 'staff', $8, now())`,
    [`laser-${counter}`, `VH-L${counter}`, input.service ?? ids.full, input.practitioner, ids.patient, input.start, input.end, input.device],
  );
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string; constraint?: string }) => ({ code: error.code, constraint: error.constraint }));

describe("one laser, enforced by the database", () => {
  it("refuses Hannah's session on the laser while Sally's overlaps it, allows back-to-back, and refuses a laser session that holds no laser", async () => {
    const day = laserDay();
    await insertLaserSession(pool, { practitioner: ids.sally, start: at(day, "10:00"), end: at(day, "10:20"), device: 1 });
    expect(await errorOf(insertLaserSession(pool, { practitioner: ids.hannah, start: at(day, "10:10"), end: at(day, "10:30"), device: 1 }))).toEqual({ code: "23P01", constraint: "Booking_laser_no_overlap" });
    expect(await errorOf(insertLaserSession(pool, { practitioner: ids.hannah, start: at(day, "10:20"), end: at(day, "10:40"), device: 1 }))).toBeNull();
    // A laser service booked without a laser would escape the constraint: the database refuses it too.
    expect(await errorOf(insertLaserSession(pool, { practitioner: ids.hannah, start: at(day, "15:00"), end: at(day, "15:20"), device: null, service: ids.small }))).toEqual({ code: "23514", constraint: undefined });
    // A cancelled session no longer holds the laser.
    await pool.query(`UPDATE "Booking" SET status = 'cancelled' WHERE "startsAt" = $1`, [at(day, "10:00")]);
    expect(await errorOf(insertLaserSession(pool, { practitioner: ids.hannah, start: at(day, "09:50"), end: at(day, "10:10"), device: 1 }))).toBeNull();
  });

  it("keeps one session per laser time in a concurrent burst of raw inserts from many connections", async () => {
    const day = laserDay();
    const burst = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 20, options: "-c TimeZone=UTC" });
    try {
      // Ten laser times, each wanted by Sally and Hannah at once: 20 inserts in flight together, none
      // refused by the practitioners' own constraint, so only the laser's can choose.
      const attempts = Array.from({ length: 10 }, (_, i) => {
        const start = later(instant(day, "09:00"), i * 30 * 60_000).toISOString();
        const end = later(start, 20 * 60_000).toISOString();
        return [ids.sally, ids.hannah].map((practitioner) => errorOf(insertLaserSession(burst, { practitioner, start, end, device: 1 })));
      }).flat();
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter((o) => o === null)).toHaveLength(10);
      expect(outcomes.filter((o) => o !== null)).toEqual(Array(10).fill({ code: "23P01", constraint: "Booking_laser_no_overlap" }));
      const perTime = await pool.query(`SELECT "startsAt", count(*)::int AS n FROM "Booking" WHERE "laserDevice" = 1 GROUP BY "startsAt"`);
      expect(perTime.rows.map((r) => r.n)).toEqual(Array(10).fill(1));
    } finally {
      await burst.end();
    }
  });
});

describe("booking laser sessions", () => {
  it("six courses of both practitioners wanting one laser time at once: one session, five clean 409 slot_unavailable", async () => {
    const date = laserDay();
    const day = addLondonDays(date, 7);
    const courses = [];
    for (const [i, who] of (["sally", "hannah", "sally", "hannah", "sally", "hannah"] as const).entries()) {
      courses.push(await courseFor(pool, staff[who], { date, time: `${(who === "sally" ? 9 : 15) + Math.floor(i / 2)}:00`, email: `burst-${i}@example.com` }));
    }
    const now = later(instant(date, "18:00"), DAY);
    const results = await Promise.all(courses.map(({ plan }) => bookCourseSession(staff.reception, plan.id, { start: instant(day, "10:30") }, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill("slot_unavailable"));
    const live = await pool.query(`SELECT count(*)::int AS n FROM "Booking" WHERE "laserDevice" IS NOT NULL AND "startsAt" = $1`, [at(day, "10:30")]);
    expect(live.rows[0].n).toBe(1);
  });

  it("leaves the times when the laser is in use out of staff availability for laser services, and only for them", async () => {
    const date = laserDay();
    const day = addLondonDays(date, 7);
    const sallys = await courseFor(pool, staff.sally, { date, time: "09:00", email: "sally-laser@example.com" });
    const hannahs = await courseFor(pool, staff.hannah, { date, time: "11:00", email: "hannah-laser@example.com" });
    const now = later(instant(date, "12:00"), DAY);
    const startsFor = async (service: string, practitioner: string) => {
      const answer = await getAvailability({ service, practitioner, from: day, to: day }, now, "staff");
      return answer.ok ? answer.data.slots.map((s) => s.start) : [];
    };
    expect(await startsFor("laser-small-area", "hannah")).toEqual(expect.arrayContaining([at(day, "10:00"), at(day, "10:10")]));

    const sallysSession = await bookCourseSession(staff.sally, sallys.plan.id, { start: instant(day, "10:10") }, now);
    expect(sallysSession.ok).toBe(true);
    const hannahLaser = await startsFor("laser-small-area", "hannah");
    // 20-minute sessions on a 10-minute grid: 10:00 and 10:20 would overlap 10:10-10:30; 10:30 touches its end.
    for (const time of ["10:00", "10:10", "10:20"]) expect(hannahLaser, time).not.toContain(at(day, time));
    expect(hannahLaser).toContain(at(day, "10:30"));
    expect(await startsFor("consultation", "hannah")).toContain(at(day, "10:00")); // a consultation needs no laser
    expect(await bookCourseSession(staff.hannah, hannahs.plan.id, { start: instant(day, "10:20") }, now)).toMatchObject({ ok: false, code: "slot_unavailable", message: expect.stringMatching(/laser is in use/) });
    expect(await bookCourseSession(staff.hannah, hannahs.plan.id, { start: instant(day, "10:30") }, now)).toMatchObject({ ok: true });

    // Cancelled, the laser is free again.
    await cancelBookingByStaff(staff.reception, sallysSession.ok ? sallysSession.data.booking.id : "", { notifyPatient: false });
    expect(await startsFor("laser-small-area", "hannah")).toContain(at(day, "10:10"));
  });

  it("with two lasers Sally's and Hannah's sessions overlap, each on its own laser, and the clinic cannot drop to one laser while a coming session holds the second", async () => {
    const original = await getSettingsForAdmin();
    const date = laserDay();
    const day = addLondonDays(date, 7);
    const a = await courseFor(pool, staff.sally, { date, time: "09:00", email: "two-a@example.com" });
    const b = await courseFor(pool, staff.hannah, { date, time: "11:00", email: "two-b@example.com" });
    const c = await courseFor(pool, staff.hannah, { date, time: "12:00", email: "two-c@example.com" });
    const now = later(instant(date, "12:00"), DAY);
    try {
      expect(await updateClinicSettings({ laserDevices: 2 }, now)).toMatchObject({ ok: true, data: { settings: { laserDevices: 2 } } });
      expect(await bookCourseSession(staff.sally, a.plan.id, { start: instant(day, "10:00") }, now)).toMatchObject({ ok: true });
      const second = await bookCourseSession(staff.hannah, b.plan.id, { start: instant(day, "10:10") }, now);
      expect(second).toMatchObject({ ok: true });
      const devices = await pool.query(`SELECT "laserDevice" FROM "Booking" WHERE "laserDevice" IS NOT NULL ORDER BY "startsAt"`);
      expect(devices.rows.map((r) => r.laserDevice)).toEqual([1, 2]);
      // Laser 1 is free again when Sally's first session ends, while Hannah's keeps laser 2.
      const sallyDiary = await getAvailability({ service: "laser-full-scalp", practitioner: "sally", from: day, to: day }, now, "staff");
      expect(sallyDiary.ok && sallyDiary.data.slots.map((s) => s.start)).toContain(at(day, "10:20")); // laser 1 free again
      expect(await bookCourseSession(staff.reception, c.plan.id, { start: instant(day, "10:20"), practitioner: "sally" }, now)).toMatchObject({ ok: true }); // laser 1 again

      expect(await updateClinicSettings({ laserDevices: 1 }, now)).toMatchObject({ ok: false, code: "conflict" });
      await cancelBookingByStaff(staff.reception, second.ok ? second.data.booking.id : "", { notifyPatient: false });
      expect(await updateClinicSettings({ laserDevices: 1 }, now)).toMatchObject({ ok: true, data: { settings: { laserDevices: 1 } } });
    } finally {
      await updateClinicSettings({ laserDevices: original.laserDevices }, now);
    }
  });
});
