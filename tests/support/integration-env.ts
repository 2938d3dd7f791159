// Runs in each integration test worker before the lib modules load: point them at the test database.
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
process.env.APP_URL ??= "http://localhost:3999";
process.env.BOOKING_RATE_LIMIT ??= "0";
process.env.SMTP_URL = `smtp://127.0.0.1:${process.env.TEST_SMTP_PORT ?? "2527"}`;
process.env.TEST_SMTP_PORT ??= "2527";
// Route handlers read staff sessions from their request's cookie (tests/support/session.ts mints it).
process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret";
process.env.NEXTAUTH_URL ??= process.env.APP_URL;
