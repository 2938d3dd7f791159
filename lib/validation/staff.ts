import { z } from "./zod";
import { isoInstantSchema, londonDateSchema, notesSchema, patientSchema, practitionerChoiceSchema, slugSchema } from "./booking";

const reason = z.string({ error: "The reason must be text." }).trim().max(500, "Please keep the reason under 500 characters.").optional();
const notifyPatient = z.boolean({ error: "Choose whether to email the patient." }).optional();

export const staffBookingsQuerySchema = z
  .object({
    from: londonDateSchema,
    to: londonDateSchema,
    practitioner: slugSchema.optional(),
    status: z.enum(["requested", "confirmed", "declined", "cancelled", "attended", "no_show"], { error: "Unknown status." }).optional(),
  })
  .refine((q) => q.to >= q.from, { message: "The end date must not be before the start date.", path: ["to"] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 92, { message: "Please ask for at most three months at a time.", path: ["to"] });

export const phoneBookingSchema = z.object({
  service: slugSchema,
  practitioner: practitionerChoiceSchema,
  start: isoInstantSchema,
  patient: patientSchema,
  notes: notesSchema,
  notifyPatient,
});

export const declineSchema = z.object({ reason, notifyPatient });
export const staffCancelSchema = z.object({ reason, notifyPatient });
export const staffRescheduleSchema = z.object({ start: isoInstantSchema, practitioner: practitionerChoiceSchema.optional(), notifyPatient });
export const attendanceSchema = z.object({ outcome: z.enum(["attended", "no_show"], { error: "Choose attended or no-show." }) });
export const staffNotesSchema = z.object({ staffNotes: z.string({ error: "Notes must be text." }).max(5000, "Please keep notes under 5,000 characters.") });
export const patientSearchSchema = z.object({ q: z.string().trim().min(2, "Type at least two characters.").max(100) });
