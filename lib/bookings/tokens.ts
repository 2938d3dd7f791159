import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";

/**
 * Booking references are for people to read out on the phone: "VH-" and five characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U). 31^5 is about 28.6 million; the unique index
 * catches the rare collision and the caller draws again.
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_PATTERN = new RegExp(`^VH-[${REFERENCE_ALPHABET}]{5}$`);

export function generateBookingReference(): string {
  let code = "";
  for (let i = 0; i < 5; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `VH-${code}`;
}

/** A manage-link token: 256 bits from the OS's secure source, URL-safe. Only its hash is stored. */
export function generateManageToken(): string {
  return randomBytes(32).toString("base64url");
}

export const MANAGE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Idempotent replays must return the same body, which holds the manage link. So that the database
 * never holds a usable link, the stored body is encrypted with a key derived from the client's
 * Idempotency-Key, and the record is indexed by that key's hash: only the client can read it back.
 */
function keyFromIdempotencyKey(idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync("sha256", idempotencyKey, "vh-idempotency", "response-body", 32));
}

export type SealedBody = { iv: string; data: string; tag: string };

export function sealResponseBody(idempotencyKey: string, body: unknown): SealedBody {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFromIdempotencyKey(idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  return { iv: iv.toString("base64"), data: data.toString("base64"), tag: cipher.getAuthTag().toString("base64") };
}

export function openResponseBody(idempotencyKey: string, sealed: SealedBody): unknown {
  const decipher = createDecipheriv("aes-256-gcm", keyFromIdempotencyKey(idempotencyKey), Buffer.from(sealed.iv, "base64"));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
  return JSON.parse(text);
}
