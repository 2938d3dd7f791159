import { z } from "./zod";

/**
 * Zod schemas shared by the booking form (client), the route handlers and the domain functions.
 * Messages are written for a patient to read beside the field.
 */

export const LONDON_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const slugSchema = z
  .string({ error: "Please choose an option." })
  .trim()
  .min(1, "Please choose an option.")
  .max(40, "Please choose an option.")
  .regex(/^[a-z0-9-]+$/, "Please choose an option.");

/** `sally`, `hannah` or `any` (no preference). */
export const practitionerChoiceSchema = slugSchema;

export const isoInstantSchema = z
  .string({ error: "Please choose a time." })
  .trim()
  .max(40, "Please choose a time.")
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: "Please choose a time.",
  })
  .transform((value) => new Date(value));

export const londonDateSchema = z
  .string({ error: "Please give a date as YYYY-MM-DD." })
  .regex(LONDON_DATE, "Please give a date as YYYY-MM-DD.")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, "That date does not exist.");

// Phone numbers: UK or international, digits with common separators; at least 7 digits.
const PHONE = /^\+?[0-9 ()-]{7,24}$/;

export const patientSchema = z.object({
  name: z
    .string({ error: "Please enter your full name." })
    .trim()
    .min(2, "Please enter your full name.")
    .max(120, "Please keep your name under 120 characters.")
    .refine((value) => !/[\r\n<>]/.test(value), "Please use letters, spaces and hyphens only."),
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .min(1, "Please enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email({ error: "Please enter a valid email address, like name@example.com." }))
    .transform((value) => value.toLowerCase()),
  phone: z
    .string({ error: "Please enter a phone number." })
    .trim()
    .min(1, "Please enter a phone number.")
    .refine((value) => PHONE.test(value) && value.replace(/\D/g, "").length >= 7, "Please enter a phone number we can call, like 07700 900123."),
});

export const notesSchema = z
  .string({ error: "Notes must be text." })
  .trim()
  .max(2000, "Please keep your notes under 2,000 characters.")
  .optional()
  .transform((value) => (value ? value : undefined));

export const createBookingSchema = z.object({
  service: slugSchema,
  practitioner: practitionerChoiceSchema,
  start: isoInstantSchema,
  patient: patientSchema,
  notes: notesSchema,
  consent: z.literal(true, { error: "Please tick the box so that we can keep your details to handle your booking." }),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const availabilityQuerySchema = z
  .object({
    service: slugSchema,
    practitioner: practitionerChoiceSchema,
    from: londonDateSchema,
    to: londonDateSchema,
  })
  .superRefine((value, ctx) => {
    if (!LONDON_DATE.test(value.from) || !LONDON_DATE.test(value.to)) return;
    const days = (Date.parse(`${value.to}T00:00:00Z`) - Date.parse(`${value.from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must not be before the start date." });
    if (days > 62) ctx.addIssue({ code: "custom", path: ["to"], message: "Please ask for at most 62 days at a time." });
  });
export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

export const cancelBookingSchema = z.object({
  reason: z.string({ error: "The reason must be text." }).trim().max(500, "Please keep the reason under 500 characters.").optional(),
});

export const rescheduleBookingSchema = z.object({
  start: isoInstantSchema,
  practitioner: practitionerChoiceSchema.optional(),
});

/** Turns zod issues into `{ field: message }`, first message per field, dotted paths (`patient.email`). */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
