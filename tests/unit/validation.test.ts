import { describe, expect, it } from "vitest";
import { availabilityQuerySchema, createBookingSchema, rescheduleBookingSchema, toFieldErrors } from "@/lib/validation/booking";

const valid = {
  service: "consultation",
  practitioner: "any",
  start: "2027-03-30T08:00:00.000Z",
  patient: { name: "  Jo Bloggs ", email: " Jo@Example.COM ", phone: "07700 900123" },
  notes: "",
  consent: true,
};

function errorsOf(value: unknown) {
  const result = createBookingSchema.safeParse(value);
  return result.success ? {} : toFieldErrors(result.error);
}

describe("createBookingSchema", () => {
  it("accepts a valid request and normalises it", () => {
    const result = createBookingSchema.parse(valid);
    expect(result.start.toISOString()).toBe("2027-03-30T08:00:00.000Z");
    expect(result.patient).toEqual({ name: "Jo Bloggs", email: "jo@example.com", phone: "07700 900123" });
    expect(result.notes).toBeUndefined();
  });

  it("requires explicit consent (true, not a truthy string)", () => {
    expect(errorsOf({ ...valid, consent: false })).toHaveProperty("consent");
    expect(errorsOf({ ...valid, consent: "yes" })).toHaveProperty("consent");
    const { consent: _consent, ...withoutConsent } = valid;
    expect(errorsOf(withoutConsent)).toHaveProperty("consent");
  });

  it("explains each bad field by its dotted path", () => {
    const errors = errorsOf({ ...valid, patient: { name: "J", email: "not-an-email", phone: "12" }, start: "tomorrow" });
    expect(errors["patient.name"]).toMatch(/full name/);
    expect(errors["patient.email"]).toMatch(/valid email/);
    expect(errors["patient.phone"]).toMatch(/phone number/);
    expect(errors.start).toMatch(/choose a time/);
  });

  it("refuses line breaks in a name (no header injection through email names)", () => {
    expect(errorsOf({ ...valid, patient: { ...valid.patient, name: "Jo\r\nBcc: x@y.z" } })).toHaveProperty("patient.name");
  });

  it("refuses wrong types without throwing", () => {
    expect(Object.keys(errorsOf({ service: 42, practitioner: ["x"], start: null, patient: "me", consent: true }))).toEqual(
      expect.arrayContaining(["service", "practitioner", "start", "patient"]),
    );
    expect(errorsOf(null)).toHaveProperty("_");
  });

  it("limits the notes' length", () => {
    expect(errorsOf({ ...valid, notes: "x".repeat(2001) })).toHaveProperty("notes");
  });

  it("needs an instant with a zone, not a local time", () => {
    expect(errorsOf({ ...valid, start: "2027-03-30T08:00:00" })).toHaveProperty("start");
    expect(createBookingSchema.parse({ ...valid, start: "2027-03-30T09:00:00+01:00" }).start.toISOString()).toBe("2027-03-30T08:00:00.000Z");
  });
});

describe("availabilityQuerySchema", () => {
  it("accepts up to 62 days inclusive", () => {
    expect(availabilityQuerySchema.safeParse({ service: "consultation", practitioner: "any", from: "2027-01-01", to: "2027-03-03" }).success).toBe(true);
    const tooLong = availabilityQuerySchema.safeParse({ service: "consultation", practitioner: "any", from: "2027-01-01", to: "2027-03-04" });
    expect(tooLong.success).toBe(false);
  });

  it("refuses reversed ranges and impossible dates", () => {
    expect(availabilityQuerySchema.safeParse({ service: "consultation", practitioner: "any", from: "2027-01-02", to: "2027-01-01" }).success).toBe(false);
    expect(availabilityQuerySchema.safeParse({ service: "consultation", practitioner: "any", from: "2027-02-30", to: "2027-03-01" }).success).toBe(false);
    expect(availabilityQuerySchema.safeParse({ service: "consultation", practitioner: "any", from: "01/02/2027", to: "2027-03-01" }).success).toBe(false);
  });
});

describe("rescheduleBookingSchema", () => {
  it("needs a start; the practitioner is optional", () => {
    expect(rescheduleBookingSchema.safeParse({ start: "2027-03-30T08:00:00Z" }).success).toBe(true);
    expect(rescheduleBookingSchema.safeParse({ practitioner: "sally" }).success).toBe(false);
  });
});
