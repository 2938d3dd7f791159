import "server-only";
import { db, type Tx } from "@/lib/db";

export type ClinicInfo = { name: string; addressLines: string[]; phone: string; email: string };
export type BookingRules = {
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  patientChangeCutoffMinutes: number;
  reminderLeadMinutes: number;
  /** Upcoming online requests one patient (email or phone) may hold at once. */
  maxLiveRequestsPerPatient: number;
  /** Days after an appointment ends that its manage links still open. */
  manageLinkDaysAfter: number;
};

async function readSettings(client: typeof db | Tx = db) {
  const settings = await client.clinicSettings.findUnique({ where: { id: 1 } });
  if (!settings) throw new Error("Clinic settings are missing: run the seed (npm run db:seed).");
  return settings;
}

export async function getClinicInfo(client: typeof db | Tx = db): Promise<ClinicInfo> {
  const { name, addressLines, phone, email } = await readSettings(client);
  return { name, addressLines, phone, email };
}

function rulesOf(settings: Awaited<ReturnType<typeof readSettings>>): BookingRules {
  const { minNoticeMinutes, maxAdvanceDays, patientChangeCutoffMinutes, reminderLeadMinutes, maxLiveRequestsPerPatient, manageLinkDaysAfter } = settings;
  return { minNoticeMinutes, maxAdvanceDays, patientChangeCutoffMinutes, reminderLeadMinutes, maxLiveRequestsPerPatient, manageLinkDaysAfter };
}

export async function getBookingRules(client: typeof db | Tx = db): Promise<BookingRules> {
  return rulesOf(await readSettings(client));
}

export async function getClinicSettings(client: typeof db | Tx = db): Promise<ClinicInfo & BookingRules> {
  const settings = await readSettings(client);
  const { name, addressLines, phone, email } = settings;
  return { name, addressLines, phone, email, ...rulesOf(settings) };
}

/** Treatment-course rules (api.md, "Treatment courses"): intervals, the patch-test gate, the clinic's lasers. */
export type CourseRules = {
  minIntervalWeeks: number;
  maxIntervalWeeks: number;
  patchTestWaitHours: number;
  patchTestValidMonths: number;
  laserDevices: number;
};

export async function getCourseRules(client: typeof db | Tx = db): Promise<CourseRules> {
  const { minIntervalWeeks, maxIntervalWeeks, patchTestWaitHours, patchTestValidMonths, laserDevices } = await readSettings(client);
  return { minIntervalWeeks, maxIntervalWeeks, patchTestWaitHours, patchTestValidMonths, laserDevices };
}
