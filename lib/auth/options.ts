import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { endStaffSession, getStaffSession, startStaffSession, verifyStaffCredentials } from "./accounts";
import { redirectWithinSite } from "./callback-url";
import { deviceCookieOptions } from "./device-cookie";
import type { StaffUser } from "./types";

/**
 * next-auth 4, credentials only, JWT sessions. A JWT cannot be revoked by itself, so each one names
 * a session record (StaffSession) and every session read looks it up with its account (one
 * primary-key lookup): signing out deletes that record, so a copy of the cookie stops working at
 * once, while the account's other browsers stay signed in; a disabled account or a changed
 * password (sessionVersion) ends every session of the account.
 */
declare module "next-auth" {
  interface Session {
    staff?: StaffUser;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    staff?: StaffUser;
    revoked?: boolean;
  }
}

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export const authOptions: NextAuthOptions = {
  // No `secret` here: next-auth reads NEXTAUTH_SECRET itself when it handles a request, and this
  // module must load without one (`next build` has no environment). lib/env.ts validates it at boot.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/staff/login", error: "/staff/login" },
  providers: [
    CredentialsProvider({
      name: "Staff",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email.slice(0, 254) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 200) : "";
        if (!email || !password) return null;
        const address = headerValue(request?.headers, CLIENT_ADDRESS_HEADER) ?? "unknown";
        // SignInRateLimited propagates: next-auth reports its message instead of CredentialsSignin.
        const signedIn = await verifyStaffCredentials(email, password, { address, cookieHeader: headerValue(request?.headers, "cookie") });
        if (!signedIn) return null;
        // The route handler's response carries cookies set here, beside next-auth's session cookie.
        (await cookies()).set(signedIn.deviceCookie.name, signedIn.deviceCookie.value, deviceCookieOptions());
        const { staff } = signedIn;
        return { id: staff.id, name: staff.name, email: staff.email, sessionVersion: staff.sessionVersion } as { id: string; name: string; email: string };
      },
    }),
  ],
  callbacks: {
    redirect: redirectWithinSite,
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = await startStaffSession(user.id, SESSION_MAX_AGE_SECONDS);
      }
      if (!token.uid || !token.sid || token.revoked) return { revoked: true };
      const record = await getStaffSession(token.sid);
      if (!record || record.id !== token.uid || !record.active || record.sessionVersion !== token.sv) return { revoked: true };
      const { active: _active, sessionVersion: _sv, ...staff } = record;
      return { ...token, staff };
    },
    async session({ session, token }) {
      if (token.revoked || !token.staff) return { expires: session.expires };
      return { expires: session.expires, staff: token.staff };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endStaffSession(token.sid);
    },
  },
};
