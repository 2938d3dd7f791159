import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { z } from "zod";
import * as adminSchemas from "@/lib/validation/admin";
import * as bookingSchemas from "@/lib/validation/booking";
import { cleanText, instant, isLondonDate, londonDate, personName, safeText } from "@/lib/validation/primitives";
import * as scheduleSchemas from "@/lib/validation/schedule";
import * as staffSchemas from "@/lib/validation/staff";
import { FUZZ_SEED } from "../support/fuzz-seed";

/**
 * The shared input types (lib/validation/primitives.ts) and the issue-8 cases: NUL and other
 * control characters, impossible dates, years out of range, direction controls in names, and
 * object-level refines that must never see an unparsed value.
 */
const errorsOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? {} : bookingSchemas.toFieldErrors(result.error);
};

const booking = {
  service: "consultation",
  practitioner: "sally",
  start: "2027-03-30T08:00:00.000Z",
  patient: { name: "Jo Bloggs", email: "jo@example.com", phone: "07700 900123" },
  notes: "Hairline SMP.",
  consent: true,
};

describe("NUL and other control characters", () => {
  test("are refused with a field message wherever text is taken", () => {
    expect(errorsOf(bookingSchemas.createBookingSchema, { ...booking, patient: { ...booking.patient, name: "Jo\u0000Bloggs" } })).toHaveProperty("patient.name");
    expect(errorsOf(bookingSchemas.createBookingSchema, { ...booking, notes: "dark\u0000" })).toHaveProperty("notes");
    expect(errorsOf(bookingSchemas.cancelBookingSchema, { reason: "\u0000" })).toHaveProperty("reason");
    expect(errorsOf(staffSchemas.staffNotesSchema, { staffNotes: "ok\u0000" })).toHaveProperty("staffNotes");
    expect(errorsOf(staffSchemas.patientSearchSchema, { q: "\u0000\u0000" })).toHaveProperty("q");
    expect(errorsOf(staffSchemas.staffBookingsQuerySchema, { from: "2027-01-01", to: "2027-01-02", practitioner: "sally\u0000" })).toHaveProperty("practitioner");
    expect(errorsOf(bookingSchemas.createBookingSchema, { ...booking, practitioner: "\u0000" })).toHaveProperty("practitioner");
    expect(errorsOf(adminSchemas.updateServiceSchema, { name: "Laser\rSTATUS:CANCELLED" })).toHaveProperty("name");
    expect(errorsOf(adminSchemas.clinicSettingsSchema, { addressLines: ["1 Road\u001b[31m"] })).toHaveProperty("addressLines.0");
    expect(errorsOf(scheduleSchemas.timeOffSchema, { start: "2027-03-30T08:00:00Z", end: "2027-03-30T09:00:00Z", reason: "x\u0007" })).toHaveProperty("reason");
  });

  test("multi-line text keeps its line breaks (any kind becomes LF) and tabs", () => {
    expect(bookingSchemas.notesSchema.parse("one\r\ntwo\rthree\u2028four\tfive")).toBe("one\ntwo\nthree\nfour\tfive");
    expect(errorsOf(bookingSchemas.createBookingSchema, { ...booking, patient: { ...booking.patient, name: "Jo\nBloggs" } })).toHaveProperty("patient.name");
  });

  test("half a surrogate pair is refused", () => {
    expect(safeText({ max: 10 }).safeParse("a\uD800b").success).toBe(false);
    expect(safeText({ max: 10 }).parse("a😀b")).toBe("a😀b");
  });
});

describe("names", () => {
  test("lose direction controls and invisible characters, so what is stored is what shows", () => {
    expect(personName().parse("Ma\u200Brcus \u202EBennett\u202C")).toBe("Marcus Bennett");
    expect(personName().parse("\u2066Zo\u00ADë\u2069   Smith\uFEFF")).toBe("Zoë Smith");
    expect(personName().parse("Zoe\u0308")).toBe("Zoë"); // NFC: one way to write each letter
    expect(personName().safeParse("\u200B\u200B").success).toBe(false);
  });

  test.prop([fc.string({ unit: "binary", maxLength: 60 })], { seed: FUZZ_SEED, numRuns: 500 })("any text either fails cleanly or is stored clean", (raw) => {
    const result = personName().safeParse(raw);
    if (!result.success) return;
    expect(result.data).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/);
    expect(result.data).toBe(result.data.trim());
    expect(cleanText(result.data)).toBe(result.data); // cleaning is idempotent
  });
});

describe("instants", () => {
  test("are real calendar times between 2000 and 2100", () => {
    const start = instant();
    for (const bad of ["9999-12-31T10:00:00Z", "0000-01-03T10:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "2027-02-30T11:00:00Z", "2027-13-01T10:00:00Z", "2027-03-30T24:00:00Z", "2027-03-30T10:60:00Z", "abc", "", "2027-03-30T08:00:00", "+010000-01-01T00:00:00Z"]) {
      expect(start.safeParse(bad).success, bad).toBe(false);
    }
    expect(start.parse("2027-03-30T09:00:00+01:00").toISOString()).toBe("2027-03-30T08:00:00.000Z");
    expect(start.parse("2028-02-29T10:00:00Z").toISOString()).toBe("2028-02-29T10:00:00.000Z");
  });

  test("an impossible date is refused, not moved to another day", () => {
    expect(errorsOf(staffSchemas.phoneBookingSchema, { ...booking, start: "2027-02-30T11:00:00Z" })).toEqual({ start: "That date or time does not exist." });
    expect(errorsOf(scheduleSchemas.timeOffSchema, { start: "2027-02-30T11:00:00Z", end: "2027-03-02T11:00:00Z" })).toHaveProperty("start");
  });

  test("object-level refines never see an unparsed value (time off with start 'abc' or month 13)", () => {
    expect(() => scheduleSchemas.timeOffSchema.safeParse({ start: "abc", end: "2027-03-02T11:00:00Z" })).not.toThrow();
    expect(errorsOf(scheduleSchemas.timeOffSchema, { start: "abc", end: "2027-03-02T11:00:00Z" })).toEqual({ start: "Please give the start as a date and time." });
    expect(errorsOf(scheduleSchemas.timeOffSchema, { start: "2027-13-01T10:00:00Z", end: "2027-14-01T10:00:00Z" })).toHaveProperty("start");
    expect(errorsOf(scheduleSchemas.timeOffSchema, { start: "2027-03-02T12:00:00Z", end: "2027-03-02T11:00:00Z" })).toEqual({ end: "The end must be after the start." });
  });

  test.prop([fc.string({ maxLength: 40 })], { seed: FUZZ_SEED, numRuns: 500 })("any string either fails or gives an instant in range", (raw) => {
    const result = instant().safeParse(raw);
    if (result.success) expect(result.data.getUTCFullYear()).toBeGreaterThanOrEqual(2000);
  });

  test.prop([fc.date({ min: new Date(Date.UTC(-5000, 0, 1)), max: new Date(Date.UTC(12000, 0, 1)), noInvalidDate: true })], { seed: FUZZ_SEED, numRuns: 500 })(
    "every ISO instant in 2000-2100 is accepted as itself, every other refused",
    (date) => {
      const result = instant().safeParse(date.toISOString());
      const year = date.getUTCFullYear();
      expect(result.success).toBe(year >= 2000 && year <= 2100);
      if (result.success) expect(result.data.getTime()).toBe(date.getTime());
    },
  );
});

describe("London dates", () => {
  test("are real dates between 2000 and 2100", () => {
    for (const bad of ["9999-12-31", "0000-01-01", "1999-12-31", "2101-01-01", "2027-02-29", "2027-04-31", "2027-00-10", "27-03-30", "2027-3-30"]) {
      expect(londonDate().safeParse(bad).success, bad).toBe(false);
      expect(isLondonDate(bad), bad).toBe(false);
    }
    expect(londonDate().parse("2028-02-29")).toBe("2028-02-29");
    expect(errorsOf(staffSchemas.staffBookingsQuerySchema, { from: "9999-12-01", to: "9999-12-31" })).toHaveProperty("from");
    expect(errorsOf(bookingSchemas.availabilityQuerySchema, { service: "consultation", practitioner: "any", from: "9999-12-01", to: "9999-12-31" })).toHaveProperty("from");
  });
});

/** Every schema the route handlers use: whatever JSON arrives, parsing answers and never throws. */
const ALL_SCHEMAS = (Object.entries({ ...bookingSchemas, ...staffSchemas, ...scheduleSchemas, ...adminSchemas }) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] => typeof entry[1] === "object" && entry[1] !== null && "safeParse" in entry[1],
);

describe("every schema", () => {
  test.prop([fc.constantFrom(...ALL_SCHEMAS), fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("start", "end", "from", "to", "date", "name", "q", "reason", "notes", "patient", "weekly", "staffNotes"), fc.jsonValue()))], {
    seed: FUZZ_SEED,
    numRuns: 1000,
  })("answers any JSON without throwing", ([, schema], value) => {
    expect(() => schema.safeParse(value)).not.toThrow();
  });
});
