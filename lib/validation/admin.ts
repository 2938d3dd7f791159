import { z } from "./zod";

// bcrypt reads only the first 72 bytes of a password, so longer ones are refused rather than cut
// short in silence. Counted in UTF-8 bytes (TextEncoder works in the browser and on the server).
export const PASSWORD_MAX_BYTES = 72;
const password = z
  .string({ error: "Please enter a password." })
  .min(12, "Use at least 12 characters.")
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, "Please keep it to 72 bytes: 72 plain letters, fewer with accents or emoji (they take 2 to 4 bytes each).");
const email = z.string({ error: "Please enter an email address." }).trim().toLowerCase().pipe(z.email({ error: "Please enter a valid email address." }));
const name = z.string({ error: "Please enter a name." }).trim().min(2, "Please enter a name.").max(80, "Please keep the name under 80 characters.");
const role = z.enum(["practitioner", "receptionist", "admin"], { error: "Choose a role." });

export const createStaffSchema = z
  .object({ email, name, role, practitioner: z.string().trim().optional(), password })
  .refine((v) => v.role !== "practitioner" || Boolean(v.practitioner), { message: "Choose which practitioner this account is.", path: ["practitioner"] });

export const updateStaffSchema = z.object({ name: name.optional(), role: role.optional(), practitioner: z.string().trim().nullable().optional(), active: z.boolean().optional() });

export const passwordSchema = z.object({ password });

export const updateServiceSchema = z.object({
  name: name.optional(),
  description: z.string().trim().max(500, "Please keep it under 500 characters.").optional(),
  durationMinutes: z.number({ error: "Give the length in minutes." }).int().min(5, "At least 5 minutes.").max(240, "At most 4 hours.").optional(),
  priceFromPence: z.number({ error: "Give the price in pence." }).int().min(0, "The price cannot be negative.").max(1_000_000).optional(),
  bookableOnline: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const clinicSettingsSchema = z.object({
  name: name.optional(),
  addressLines: z.array(z.string().trim().min(1).max(100)).min(1, "Give at least one address line.").max(6).optional(),
  phone: z.string().trim().min(7, "Please enter a phone number.").max(30).optional(),
  email: email.optional(),
  minNoticeMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  maxAdvanceDays: z.number().int().min(1).max(366).optional(),
  patientChangeCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  reminderLeadMinutes: z.number().int().min(60).max(7 * 24 * 60).optional(),
  maxLiveRequestsPerPatient: z.number({ error: "Give a number of requests." }).int().min(1, "Allow at least one request.").max(20, "At most 20.").optional(),
  manageLinkDaysAfter: z.number({ error: "Give a number of days." }).int().min(1, "At least one day.").max(366, "At most a year.").optional(),
});
