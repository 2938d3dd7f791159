import { describe, expect, it } from "vitest";
import {
  MANAGE_TOKEN_PATTERN,
  REFERENCE_PATTERN,
  generateBookingReference,
  generateManageToken,
  hashToken,
  openResponseBody,
  sealResponseBody,
} from "@/lib/bookings/tokens";

describe("booking references", () => {
  it("look like VH-7K2QM, without look-alike characters", () => {
    for (let i = 0; i < 500; i++) {
      const reference = generateBookingReference();
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[01ILOU]/);
    }
  });

  it("are spread out (no repeats in 2,000 draws)", () => {
    const references = new Set(Array.from({ length: 2000 }, generateBookingReference));
    expect(references.size).toBeGreaterThan(1990);
  });
});

describe("manage tokens", () => {
  it("carry 256 random bits, URL-safe", () => {
    const token = generateManageToken();
    expect(token).toMatch(MANAGE_TOKEN_PATTERN);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("never repeat", () => {
    expect(new Set(Array.from({ length: 1000 }, generateManageToken)).size).toBe(1000);
  });

  it("are stored as a SHA-256 hash that does not contain the token", () => {
    const token = generateManageToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });
});

describe("idempotent response bodies", () => {
  it("open only with the same Idempotency-Key", () => {
    const body = { booking: { reference: "VH-ABCDE" }, manageUrl: "http://x/booking/secret" };
    const sealed = sealResponseBody("key-123456", body);
    expect(JSON.stringify(sealed)).not.toContain("secret");
    expect(openResponseBody("key-123456", sealed)).toEqual(body);
    expect(() => openResponseBody("key-654321", sealed)).toThrow();
  });
});
