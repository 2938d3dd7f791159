import { z } from "./zod";
import { isoInstantSchema, londonDateSchema, notesSchema, patientSchema, practitionerChoiceSchema, reasonSchema, slugSchema } from "./booking";
import { overrideSchema } from "./courses";
import { safeText } from "./primitives";

const reason = reasonSchema;
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
// `override`: moving a course session closer than the minimum interval to its neighbours needs a reason.
export const staffRescheduleSchema = z.object({ start: isoInstantSchema, practitioner: practitionerChoiceSchema.optional(), notifyPatient, override: overrideSchema.optional() });
export const attendanceSchema = z.object({ outcome: z.enum(["attended", "no_show"], { error: "Choose attended or no-show." }) });
export const staffNotesSchema = z.object({
  staffNotes: safeText({ multiline: true, max: 5000, messages: { required: "Notes must be text.", tooLong: "Please keep notes under 5,000 characters." } }),
});
/** What the patient search matches: part of a name, an email, phone digits or a reference. */
export const patientSearchSchema = z.object({
  q: safeText({ min: 2, max: 100, messages: { required: "Type at least two characters.", tooShort: "Type at least two characters.", tooLong: "Please type at most 100 characters." } }),
});
