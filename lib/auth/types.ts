export type StaffRole = "practitioner" | "receptionist" | "admin";

/** The signed-in staff member as every guard and domain function sees them. */
export type StaffUser = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  practitionerId: string | null;
  practitionerSlug: string | null;
};

export function seesEveryDiary(staff: StaffUser): boolean {
  return staff.role === "receptionist" || staff.role === "admin";
}
