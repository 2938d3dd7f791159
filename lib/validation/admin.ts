import { z } from "./zod";
import { personName, safeText } from "./primitives";

// bcrypt reads only the first 72 bytes of a password, so longer ones are refused rather than cut
// short in silence. Counted in UTF-8 bytes (TextEncoder works in the browser and on the server).
export const PASSWORD_MAX_BYTES = 72;
const password = z
  .string({ error: "Please enter a password." })
  .min(12, "Use at least 12 characters.")
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, "Please keep it to 72 bytes: 72 plain letters, fewer with accents or emoji (they take 2 to 4 bytes each).");
const email = z.string({ error: "Please enter an email address." }).trim().toLowerCase().pipe(z.email({ error: "Please enter a valid email address." }));
const name = personName({ max: 80 });
/** What the clinic calls itself or a service: shown in emails, invites and feeds. */
const label = safeText({ min: 2, max: 80, messages: { required: "Please enter a name.", tooShort: "Please enter a name.", tooLong: "Please keep the name under 80 characters." } });
/** A practitioner's slug, or "" for none. */
const practitionerSlug = z.string({ error: "No such practitioner." }).trim().regex(/^[a-z0-9-]{0,40}$/, "No such practitioner.");
const role = z.enum(["practitioner", "receptionist", "admin"], { error: "Choose a role." });

export const createStaffSchema = z
  .object({ email, name, role, practitioner: practitionerSlug.optional(), password })
  .refine((v) => v.role !== "practitioner" || Boolean(v.practitioner), { message: "Choose which practitioner this account is.", path: ["practitioner"] });

export const updateStaffSchema = z.object({ name: name.optional(), role: role.optional(), practitioner: practitionerSlug.nullable().optional(), active: z.boolean().optional() });

export const passwordSchema = z.object({ password });

export const updateServiceSchema = z.object({
  name: label.optional(),
  description: safeText({ multiline: true, max: 500, messages: { required: "The description must be text.", tooLong: "Please keep it under 500 characters." } }).optional(),
  durationMinutes: z.number({ error: "Give the length in minutes." }).int().min(5, "At least 5 minutes.").max(240, "At most 4 hours.").optional(),
  priceFromPence: z.number({ error: "Give the price in pence." }).int().min(0, "The price cannot be negative.").max(1_000_000).optional(),
  bookableOnline: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const clinicSettingsSchema = z.object({
  name: label.optional(),
  addressLines: z
    .array(safeText({ min: 1, max: 100, messages: { required: "Please fill in the address line.", tooLong: "Please keep each line under 100 characters." } }))
    .min(1, "Give at least one address line.")
    .max(6)
    .optional(),
  phone: safeText({ min: 7, max: 30, messages: { required: "Please enter a phone number.", tooShort: "Please enter a phone number.", tooLong: "Please keep the phone number under 30 characters." } }).optional(),
  email: email.optional(),
  minNoticeMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  maxAdvanceDays: z.number().int().min(1).max(366).optional(),
  patientChangeCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  reminderLeadMinutes: z.number().int().min(60).max(7 * 24 * 60).optional(),
  // Treatment courses; the domain also checks the pair of intervals against the stored values.
  minIntervalWeeks: z.number({ error: "Give the interval in weeks." }).int("Whole weeks, please.").min(1, "At least one week.").max(52, "At most 52 weeks.").optional(),
  maxIntervalWeeks: z.number({ error: "Give the interval in weeks." }).int("Whole weeks, please.").min(1, "At least one week.").max(104, "At most 104 weeks.").optional(),
  patchTestWaitHours: z.number({ error: "Give the wait in hours." }).int("Whole hours, please.").min(0, "The wait cannot be negative.").max(30 * 24, "At most 30 days.").optional(),
  patchTestValidMonths: z.number({ error: "Give the validity in months." }).int("Whole months, please.").min(1, "At least one month.").max(36, "At most 36 months.").optional(),
  laserDevices: z.number({ error: "Give the number of lasers." }).int("A whole number, please.").min(1, "The clinic needs at least one laser.").max(10, "At most 10.").optional(),
  // Limits and safe defaults:
  maxLiveRequestsPerPatient: z.number({ error: "Give a number of requests." }).int().min(1, "Allow at least one request.").max(20, "At most 20.").optional(),
  manageLinkDaysAfter: z.number({ error: "Give a number of days." }).int().min(1, "At least one day.").max(366, "At most a year.").optional(),
});
