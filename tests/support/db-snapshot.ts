import type pg from "pg";

/**
 * The fuzz tests send writes that may succeed (new hours, settings, accounts). They snapshot the
 * tables those writes can change and put them back afterwards, so later tests meet the seeded
 * clinic.
 */
const REPLACED = ["WeeklyHours", "WeeklyBreak", "DateOverride", "TimeOff"];
const UPDATED = ["ClinicSettings", "Service", "Practitioner", "StaffUser"];
const copyOf = (table: string) => `"fuzz_snapshot_${table}"`;

export async function snapshotTables(pool: pg.Pool): Promise<void> {
  for (const table of [...REPLACED, ...UPDATED]) {
    await pool.query(`DROP TABLE IF EXISTS ${copyOf(table)}`);
    await pool.query(`CREATE TABLE ${copyOf(table)} AS SELECT * FROM "${table}"`);
  }
}

async function columnsOf(client: pg.PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, [table]);
  return rows.map((row) => `"${row.column_name}"`);
}

/** Puts the tables back; `emptyDiary` (default) also empties bookings, patients and emails. */
export async function restoreTables(pool: pg.Pool, { emptyDiary = true } = {}): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (emptyDiary) await client.query(`TRUNCATE "BookingEvent", "EmailMessage", "IdempotencyRecord", "ManageToken", "Booking", "Patient" CASCADE`);
    for (const table of REPLACED) {
      await client.query(`DELETE FROM "${table}"`);
      await client.query(`INSERT INTO "${table}" SELECT * FROM ${copyOf(table)}`);
    }
    await client.query(`DELETE FROM "StaffUser" WHERE id NOT IN (SELECT id FROM ${copyOf("StaffUser")})`);
    for (const table of UPDATED) {
      const columns = (await columnsOf(client, table)).filter((column) => column !== '"id"');
      await client.query(`UPDATE "${table}" AS t SET (${columns.join(", ")}) = ROW(${columns.map((c) => `s.${c}`).join(", ")}) FROM ${copyOf(table)} AS s WHERE t.id = s.id`);
    }
    await client.query("COMMIT");
    for (const table of [...REPLACED, ...UPDATED]) await client.query(`DROP TABLE ${copyOf(table)}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
