import "server-only";
import type { Db, Tx } from "@/lib/db";
import { getServerEnv } from "@/lib/env";
import { generateManageToken, hashToken } from "./tokens";

/**
 * Manage links (`/booking/{token}`). Only the token's hash is stored (table ManageToken), and every
 * email gets a token of its own, so links in earlier emails keep working.
 *
 * Queued emails hold MANAGE_LINK_PLACEHOLDER_PATH where their link goes: the sender mints the token
 * as it sends (lib/email/delivery.ts). So the outbox, which can hold a reminder for weeks, never
 * holds a usable link either.
 */
const MANAGE_TOKEN_PLACEHOLDER = "link-added-when-sent";
export const MANAGE_LINK_PLACEHOLDER_PATH = `/booking/${MANAGE_TOKEN_PLACEHOLDER}`;

export function manageUrlFor(token: string): string {
  return new URL(`/booking/${token}`, getServerEnv().APP_URL).toString();
}

/** The link to put in an email body now; the real one is minted when the email is sent. */
export function manageUrlPlaceholder(): string {
  return manageUrlFor(MANAGE_TOKEN_PLACEHOLDER);
}

/** A new token for one booking: the raw token goes to the patient, its hash to the database. */
export async function issueManageToken(client: Db | Tx, bookingId: string): Promise<string> {
  const token = generateManageToken();
  await client.manageToken.create({ data: { tokenHash: hashToken(token), bookingId } });
  return token;
}

