import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type pg from "pg";

/**
 * A signed-in staff session for calling route handlers directly: next-auth's own session cookie
 * (a JWT encrypted with NEXTAUTH_SECRET, as its sign-in issues), naming a live server-side session
 * record for the account's current sessionVersion. The app checks it exactly as for a browser: the
 * jwt callback re-reads the session record and the account.
 */
export const SESSION_COOKIE = "next-auth.session-token";

export async function sessionCookieFor(pool: pg.Pool, email: string): Promise<string> {
  const { rows } = await pool.query(`SELECT id, "sessionVersion" FROM "StaffUser" WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`no staff account ${email}`);
  const sid = randomBytes(24).toString("base64url");
  await pool.query(`INSERT INTO "StaffSession" (id, "staffUserId", "expiresAt") VALUES ($1, $2, now() + interval '1 hour')`, [sid, rows[0].id]);
  const token = await encode({ token: { uid: rows[0].id, sv: rows[0].sessionVersion, sid }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 60 * 60 });
  return `${SESSION_COOKIE}=${token}`;
}

/** A request to a route handler, optionally signed in (a Cookie header) and with a JSON body. */
export function routeRequest(
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(new URL(path, process.env.APP_URL ?? "http://localhost:3999"), { method, headers, body });
}

/** The second argument Next.js passes a route handler. */
export const paramsOf = <P extends Record<string, string | string[]>>(params: P) => ({ params: Promise.resolve(params) });
