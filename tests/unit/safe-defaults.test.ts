import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isManageLinkExpired } from "@/lib/bookings/manage";
import { phoneKeyOf } from "@/lib/bookings/phone";
import { addressForLimits } from "@/lib/http/client-address";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/http/security-headers.mjs";
import { EXAMPLE_VALUES, productionEnvProblems } from "@/lib/server/production-env.mjs";
import { MAX_BODY_BYTES, clientAddressFor, declaresTooLargeBody, hasStreamedBody, trustedProxyHops } from "@/lib/server/request-guards.mjs";
import { passwordSchema } from "@/lib/validation/admin";

const request = (remoteAddress: string, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } });

describe("client address (lib/server/request-guards.mjs)", () => {
  it("is the socket's without TRUST_PROXY, whatever X-Forwarded-For says", () => {
    expect(clientAddressFor(request("203.0.113.5", "1.2.3.4"), 0)).toBe("203.0.113.5");
    expect(clientAddressFor(request("::ffff:203.0.113.5"), 0)).toBe("203.0.113.5");
  });

  it("with one proxy is the right-most X-Forwarded-For entry (the one the proxy wrote)", () => {
    expect(clientAddressFor(request("10.0.0.2", "6.6.6.6, 198.51.100.7"), trustedProxyHops("true"))).toBe("198.51.100.7");
    expect(clientAddressFor(request("10.0.0.2", "198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("behind N proxies is the N-th entry from the right", () => {
    expect(clientAddressFor(request("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2"), trustedProxyHops("2"))).toBe("198.51.100.7");
    expect(clientAddressFor(request("10.0.0.3", "1.1.1.1,2.2.2.2, 198.51.100.7 ,10.0.0.1, 10.0.0.2"), 3)).toBe("198.51.100.7");
    // Fewer entries than proxies: the left-most, as Express does.
    expect(clientAddressFor(request("10.0.0.3", "198.51.100.7"), 2)).toBe("198.51.100.7");
  });

  it("falls back to the socket when the header is missing or not an address", () => {
    expect(clientAddressFor(request("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddressFor(request("10.0.0.2", "6.6.6.6, not-an-ip"), 1)).toBe("10.0.0.2");
  });

  it("TRUST_PROXY accepts true, false, 0 and a number of proxies, and refuses anything else", () => {
    expect([undefined, "", "false", "0", "true", "1", "3"].map((value) => trustedProxyHops(value))).toEqual([0, 0, 0, 0, 1, 1, 3]);
    for (const bad of ["yes", "-1", "1.5", "100"]) expect(() => trustedProxyHops(bad)).toThrow(/TRUST_PROXY/);
  });

  it("per-address limits count an IPv6 client by its /64", () => {
    expect(addressForLimits("203.0.113.5")).toBe("203.0.113.5");
    expect(addressForLimits("2001:db8:0:12::1")).toBe("2001:db8:0:12::/64");
    expect(addressForLimits("2001:0DB8:0000:0012:ffff:1:2:3")).toBe("2001:db8:0:12::/64");
    expect(addressForLimits("::1")).toBe("0:0:0:0::/64");
  });
});

describe("body size (lib/server/request-guards.mjs)", () => {
  it("refuses a declared length over 64 KiB and spots chunked bodies", () => {
    expect(MAX_BODY_BYTES).toBe(65_536);
    expect(declaresTooLargeBody({ headers: { "content-length": "65536" } })).toBe(false);
    expect(declaresTooLargeBody({ headers: { "content-length": "65537" } })).toBe(true);
    expect(declaresTooLargeBody({ headers: {} })).toBe(false);
    expect(hasStreamedBody({ headers: { "transfer-encoding": "chunked" } })).toBe(true);
    expect(hasStreamedBody({ headers: { "content-length": "10" } })).toBe(false);
  });
});

describe("security headers (lib/http/security-headers.mjs)", () => {
  const byName = (headers: [string, string][]) => Object.fromEntries(headers);

  it("a page's CSP runs scripts by nonce only, never eval, and forbids framing, plugins and other bases", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Without a nonce (the server's own 413 answer) no script runs at all.
    expect(contentSecurityPolicy({})).toContain("script-src 'none'");
  });

  it("nonces are fresh, 128-bit and in the form Next.js reads", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("sends no-referrer on manage links, the stricter default elsewhere, and HSTS only for https", () => {
    const page = byName(securityHeaders({ pathname: "/book", appUrl: "http://localhost:3000", nonce: "n" }));
    expect(page).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(page["Permissions-Policy"]).toContain("camera=()");
    expect(page).not.toHaveProperty("Strict-Transport-Security");
    for (const pathname of ["/booking/abc", "/api/manage/abc/cancel", "/api/manage/abc"]) {
      expect(byName(securityHeaders({ pathname, appUrl: "http://localhost:3000" }))["Referrer-Policy"]).toBe("no-referrer");
    }
    expect(byName(securityHeaders({ pathname: "/bookings-of-others", appUrl: undefined }))["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    const https = byName(securityHeaders({ pathname: "/", appUrl: "https://booking.victoriahouse.example", nonce: "n" }));
    expect(Number(https["Strict-Transport-Security"]!.match(/max-age=(\d+)/)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});

describe("production start (lib/server/production-env.mjs)", () => {
  const good = {
    NODE_ENV: "production",
    APP_URL: "https://booking.victoriahouse.example",
    NEXTAUTH_SECRET: "k3P9x2-a-real-secret-of-40-characters-xx",
    SEED_STAFF_PASSWORD: "a-password-nobody-knows",
    SMTP_URL: "smtp://mail.example:587",
  };

  it("accepts a proper public deployment, and anything on localhost or outside production", () => {
    expect(productionEnvProblems(good)).toEqual([]);
    const unsafe = { NODE_ENV: "production", NEXTAUTH_SECRET: EXAMPLE_VALUES.NEXTAUTH_SECRET, SEED_STAFF_PASSWORD: EXAMPLE_VALUES.SEED_STAFF_PASSWORD };
    for (const APP_URL of [undefined, "http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000"]) expect(productionEnvProblems({ ...unsafe, APP_URL })).toEqual([]);
    expect(productionEnvProblems({ ...unsafe, NODE_ENV: "development", APP_URL: good.APP_URL })).toEqual([]);
  });

  it("names each variable that is missing, short or the public example", () => {
    const problems = (change: Record<string, string | undefined>) => productionEnvProblems({ ...good, ...change });
    expect(problems({ NEXTAUTH_SECRET: undefined })).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is not set/)]);
    expect(problems({ NEXTAUTH_SECRET: "x".repeat(31) })).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET must be at least 32 characters/)]);
    expect(problems({ NEXTAUTH_SECRET: EXAMPLE_VALUES.NEXTAUTH_SECRET })).toEqual([expect.stringMatching(/^NEXTAUTH_SECRET is the public development value/)]);
    expect(problems({ SEED_STAFF_PASSWORD: EXAMPLE_VALUES.SEED_STAFF_PASSWORD })).toEqual([expect.stringMatching(/^SEED_STAFF_PASSWORD is the public development value/)]);
    expect(problems({ SMTP_URL: "" })).toEqual([expect.stringMatching(/^SMTP_URL is not set/)]);
  });

  it("knows .env.example's values", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    for (const [name, value] of Object.entries(EXAMPLE_VALUES)) expect(example).toMatch(new RegExp(`^${name}=${value}$`, "m"));
  });
});

describe("patient safeguards (pure parts)", () => {
  it("reduces a phone number to its UK national digits however it is written", () => {
    for (const written of ["07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900-123", "0044 7700 900123", "(07700) 900123"]) {
      expect(phoneKeyOf(written), written).toBe("07700900123");
    }
    expect(phoneKeyOf("0121 000 0000")).toBe("01210000000");
    expect(phoneKeyOf("+1 202 555 0100")).toBe("12025550100");
  });

  it("a manage link closes exactly manageLinkDaysAfter days after the appointment ends", () => {
    const end = new Date("2027-03-01T10:30:00.000Z");
    expect(isManageLinkExpired(end, 30, new Date("2027-03-31T10:29:59.999Z"))).toBe(false);
    expect(isManageLinkExpired(end, 30, new Date("2027-03-31T10:30:00.000Z"))).toBe(true);
    expect(isManageLinkExpired(end, 1, new Date("2027-03-02T10:30:00.000Z"))).toBe(true);
  });

  it("new passwords are refused beyond bcrypt's 72 bytes, counted in UTF-8", () => {
    expect(passwordSchema.safeParse({ password: "a".repeat(72) }).success).toBe(true);
    expect(passwordSchema.safeParse({ password: "a".repeat(73) }).success).toBe(false);
    // 24 three-byte characters are 72 bytes; 25 are 75.
    expect(passwordSchema.safeParse({ password: "€".repeat(24) }).success).toBe(true);
    const tooLong = passwordSchema.safeParse({ password: "€".repeat(25) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/72 bytes/);
  });
});
