import { z } from "./zod";
import { londonDateSchema } from "./booking";
import { instant, safeText } from "./primitives";

/** Schedules are edited as London wall-clock minutes after midnight (0..1440). */
const minute = z.number({ error: "Please give a time." }).int().min(0, "Please give a time.").max(1440, "Please give a time.");

const rangeSchema = z
  .object({ startMinute: minute, endMinute: minute })
  .refine((r) => r.endMinute > r.startMinute, { message: "The end must be after the start.", path: ["endMinute"] });

export const weeklyHoursSchema = z.object({
  weekly: z
    .array(
      z
        .object({
          weekday: z.number().int().min(1).max(7),
          startMinute: minute,
          endMinute: minute,
          breaks: z.array(rangeSchema).max(6, "At most six breaks a day."),
        })
        .refine((d) => d.endMinute > d.startMinute, { message: "The end must be after the start.", path: ["endMinute"] })
        .refine((d) => d.breaks.every((b) => b.startMinute >= d.startMinute && b.endMinute <= d.endMinute), { message: "Breaks must be inside the working hours.", path: ["breaks"] }),
    )
    .max(7)
    .refine((days) => new Set(days.map((d) => d.weekday)).size === days.length, { message: "Each weekday once." }),
});
export type WeeklyHoursInput = z.infer<typeof weeklyHoursSchema>["weekly"];

export const dateOverrideSchema = z
  .object({ date: londonDateSchema, startMinute: minute.nullable(), endMinute: minute.nullable() })
  .refine((o) => (o.startMinute === null) === (o.endMinute === null), { message: "Give both times, or neither for a day off.", path: ["endMinute"] })
  .refine((o) => o.startMinute === null || o.endMinute === null || o.endMinute > o.startMinute, { message: "The end must be after the start.", path: ["endMinute"] });

export const timeOffSchema = z
  .object({
    start: instant("Please give the start as a date and time."),
    end: instant("Please give the end as a date and time."),
    reason: safeText({ max: 200, messages: { required: "The reason must be text.", tooLong: "Please keep the reason under 200 characters." } }).optional(),
  })
  .refine((t) => t.end.getTime() > t.start.getTime(), { message: "The end must be after the start.", path: ["end"] });
