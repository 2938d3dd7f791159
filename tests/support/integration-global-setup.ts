import { provisionTestDatabase } from "./database.mjs";

/**
 * Integration tests need a migrated, seeded database. `npm test` provisions one and passes it in
 * TEST_DATABASE_URL; run alone (`npx vitest --project integration`), the tests make their own.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const database = await provisionTestDatabase();
  process.env.TEST_DATABASE_URL = database.url;
  process.env.TEST_STAFF_PASSWORD = database.seedPassword;
  return async () => database.teardown();
}
