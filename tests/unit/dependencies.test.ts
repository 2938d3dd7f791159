import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The lockfile is what every install gets, so the advisories are checked there. */
const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as { packages: Record<string, { version?: string }> };

const atLeast = (version: string, minimum: [number, number, number]) => {
  const parts = version.split(".").map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < 3; i++) if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i]!;
  return true;
};

describe("dependencies with known advisories", () => {
  it("every nodemailer in the lockfile is 9.0.1 or later (GHSA-p6gq-j5cr-w38f and the 2026 CRLF advisories)", () => {
    const copies = Object.entries(lock.packages).filter(([path]) => path === "node_modules/nodemailer" || path.endsWith("/node_modules/nodemailer"));
    expect(copies.length).toBeGreaterThan(0);
    for (const [path, entry] of copies) expect(atLeast(entry.version ?? "0", [9, 0, 1]), `${path}@${entry.version}`).toBe(true);
    // next-auth's optional peer (^7) is resolved to the app's own copy by package.json's `overrides`.
    expect(lock.packages["node_modules/next-auth/node_modules/nodemailer"]).toBeUndefined();
  });
});
