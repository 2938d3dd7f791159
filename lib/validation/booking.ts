import { z } from "./zod";
import { instant, londonDate, personName, safeText } from "./primitives";

/**
 * Zod schemas shared by the booking form (client), the route handlers and the domain functions.
 * Messages are written for a patient to read beside the field. Text, instants and dates are the
 * shared types of ./primitives, so every schema refuses the same bad input the same way.
 */
export { toFieldErrors } from "./primitives";

export const LONDON_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const slugSchema = z
  .string({ error: "Please choose an option." })
  .trim()
  .min(1, "Please choose an option.")
  .max(40, "Please choose an option.")
  .regex(/^[a-z0-9-]+$/, "Please choose an option.");

/** `sally`, `hannah` or `any` (no preference). */
export const practitionerChoiceSchema = slugSchema;

export const isoInstantSchema = instant("Please choose a time.");

export const londonDateSchema = londonDate("Please give a date as YYYY-MM-DD.");

// Phone numbers: UK or international, digits with common separators; at least 7 digits.
const PHONE = /^\+?[0-9 ()-]{7,24}$/;

export const patientSchema = z.object({
  name: personName({
    max: 120,
    required: "Please enter your full name.",
    tooShort: "Please enter your full name.",
    tooLong: "Please keep your name under 120 characters.",
    invalid: "Please use letters, spaces and hyphens only.",
  }),
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

export const notesSchema = safeText({ multiline: true, max: 2000, messages: { required: "Notes must be text.", tooLong: "Please keep your notes under 2,000 characters." } })
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
    const days = (Date.parse(`${value.to}T00:00:00Z`) - Date.parse(`${value.from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must not be before the start date." });
    if (days > 62) ctx.addIssue({ code: "custom", path: ["to"], message: "Please ask for at most 62 days at a time." });
  });
export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

/** A reason a patient or staff member gives for a change: shown to staff and in emails. */
export const reasonSchema = safeText({ multiline: true, max: 500, messages: { required: "The reason must be text.", tooLong: "Please keep the reason under 500 characters." } }).optional();

export const cancelBookingSchema = z.object({ reason: reasonSchema });

export const rescheduleBookingSchema = z.object({
  start: isoInstantSchema,
  practitioner: practitionerChoiceSchema.optional(),
});
