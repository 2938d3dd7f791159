import type pg from "pg";
import type { StaffUser } from "@/lib/auth/types";

/** The seeded staff accounts as the domain functions see them. */
export async function loadStaff(pool: pg.Pool): Promise<Record<"sally" | "hannah" | "reception" | "admin", StaffUser>> {
  const rows = (
    await pool.query(
      `SELECT s.id, s.name, s.email, s.role::text AS role, s."practitionerId", p.slug AS "practitionerSlug"
         FROM "StaffUser" s LEFT JOIN "Practitioner" p ON p.id = s."practitionerId"`,
    )
  ).rows as StaffUser[];
  const by = (email: string) => rows.find((r) => r.email === email)!;
  return { sally: by("sally@clinic.example"), hannah: by("hannah@clinic.example"), reception: by("reception@clinic.example"), admin: by("admin@clinic.example") };
}
