import { z } from "./zod";
import { isoInstantSchema, practitionerChoiceSchema } from "./booking";
import { safeText } from "./primitives";

/** Bodies of the treatment-course routes (api.md, "Treatment courses"); messages are for staff. */

export const outcomeSchema = z.object({
  suitable: z.boolean({ error: "Choose whether laser removal is suitable." }),
  area: z.enum(["small", "full"], { error: "Choose a small area or the full scalp." }),
  fitzpatrick: z.number({ error: "Choose the skin type, I to VI." }).int("Choose the skin type, I to VI.").min(1, "Choose the skin type, I to VI.").max(6, "Choose the skin type, I to VI."),
  estimatedSessions: z
    .number({ error: "Give the estimated number of sessions." })
    .int("Give a whole number of sessions.")
    .min(1, "At least one session.")
    .max(20, "At most 20 sessions."),
  notes: safeText({ multiline: true, max: 5000, messages: { required: "Notes must be text.", tooLong: "Please keep notes under 5,000 characters." } })
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type OutcomeInput = z.infer<typeof outcomeSchema>;

/** `at` defaults to now; the domain refuses a time in the future (it knows `now`). */
export const patchTestSchema = z.object({
  result: z.enum(["pass", "fail"], { error: "Choose pass or fail." }),
  at: isoInstantSchema.optional(),
});
export type PatchTestInput = z.infer<typeof patchTestSchema>;

/** A reason for booking a session closer than the minimum interval; kept in the audit trail. */
export const overrideSchema = z.object(
  {
    reason: safeText({
      multiline: true,
      min: 3,
      max: 500,
      messages: { required: "Give the reason for booking sooner.", tooShort: "Give the reason for booking sooner.", tooLong: "Please keep the reason under 500 characters." },
    }),
  },
  { error: "Give the reason for booking sooner." },
);

export const bookSessionSchema = z.object({
  start: isoInstantSchema,
  practitioner: practitionerChoiceSchema.optional(),
  override: overrideSchema.optional(),
});
export type BookSessionInput = z.infer<typeof bookSessionSchema>;

export const proposalQuerySchema = z.object({ practitioner: practitionerChoiceSchema.optional() });
