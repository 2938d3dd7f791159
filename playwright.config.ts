import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browsers here).
 * `npm test` provisions the database (TEST_DATABASE_URL) and builds the app before this runs.
 */
const port = Number(process.env.E2E_PORT ?? 3107);
export const BASE_URL = `http://localhost:${port}`;
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2537);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node lib/server/launch.mjs start",
    url: `http://localhost:${port}/api/practitioners`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      SEED_STAFF_PASSWORD: process.env.TEST_STAFF_PASSWORD ?? "test-staff-password",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      OUTBOX_POLL_MS: "500",
      BOOKING_RATE_LIMIT: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
