import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { getStaffRecord, verifyStaffCredentials } from "./accounts";
import { redirectWithinSite } from "./callback-url";
import type { StaffUser } from "./types";

/**
 * next-auth 4, credentials only, JWT sessions. JWTs cannot be revoked by themselves, so every
 * session read checks the account (one primary-key lookup): a disabled account or a changed
 * password (sessionVersion) ends the session at once.
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
    staff?: StaffUser;
    revoked?: boolean;
  }
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export const authOptions: NextAuthOptions = {
  secret: getServerEnv().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        const staff = await verifyStaffCredentials(email, password, address);
        if (!staff) return null;
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
      }
      if (!token.uid || token.revoked) return { revoked: true };
      const record = await getStaffRecord(token.uid);
      if (!record || !record.active || record.sessionVersion !== token.sv) return { revoked: true };
      const { active: _active, sessionVersion: _sv, ...staff } = record;
      return { ...token, staff };
    },
    async session({ session, token }) {
      if (token.revoked || !token.staff) return { expires: session.expires };
      return { expires: session.expires, staff: token.staff };
    },
  },
};
