import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EXAMPLE_VALUES } from "@/lib/server/production-env.mjs";

/**
 * `npm start` (lib/server/launch.mjs) on a public address refuses the example secrets, a short
 * secret and the demo mailbox: it exits non-zero naming the variable, before it touches the
 * database (so the seed never creates accounts with a public password). DATABASE_URL points at a
 * port where nothing listens: a launcher that got past the checks reports migrating instead.
 */
const PUBLIC = {
  APP_URL: "https://booking.victoriahouse.example",
  NEXTAUTH_SECRET: "k3P9x2-a-real-secret-of-40-characters-xx",
  SEED_STAFF_PASSWORD: "a-password-nobody-knows",
  SMTP_URL: "smtp://mail.victoriahouse.example:587",
};

function launch(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const clean = Object.fromEntries(Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nothing", ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["lib/server/launch.mjs", "start"], { env: clean, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("production start on a public address", () => {
  it.each([
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "" }, /NEXTAUTH_SECRET is not set/],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "only-thirty-one-characters-long" }, /NEXTAUTH_SECRET must be at least 32 characters/],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: EXAMPLE_VALUES.NEXTAUTH_SECRET }, /NEXTAUTH_SECRET is the public development value/],
    ["SEED_STAFF_PASSWORD", { SEED_STAFF_PASSWORD: EXAMPLE_VALUES.SEED_STAFF_PASSWORD }, /SEED_STAFF_PASSWORD is the public development value/],
    ["SMTP_URL", { SMTP_URL: "" }, /SMTP_URL is not set/],
  ])("refuses to start, naming %s, before touching the database", async (_name, change, message) => {
    const { code, output } = await launch({ ...PUBLIC, ...change });
    expect(code).not.toBe(0);
    expect(output).toMatch(message);
    expect(output).toMatch(/refusing to start in production on https:\/\/booking\.victoriahouse\.example/);
    expect(output).not.toMatch(/applying pending migrations/);
  });

  it("gets past the checks with proper values, and on localhost with the example ones", async () => {
    for (const env of [PUBLIC, { APP_URL: "http://localhost:3999", NEXTAUTH_SECRET: EXAMPLE_VALUES.NEXTAUTH_SECRET, SEED_STAFF_PASSWORD: EXAMPLE_VALUES.SEED_STAFF_PASSWORD }]) {
      const { output } = await launch(env);
      expect(output).not.toMatch(/refusing to start/);
      expect(output).toMatch(/applying pending migrations/);
    }
  });
});
