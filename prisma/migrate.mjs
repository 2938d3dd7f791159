// Applies and creates standard Prisma migrations with Prisma's own schema engine compiled to WASM.
// Why: the Prisma CLI needs a native schema-engine binary that it downloads on first use, and the
// clinic's build and CI machines cannot reach that host. The WASM engine applies the same
// `prisma/migrations/<ts>_<name>/migration.sql` files and writes the same `_prisma_migrations`
// table, so `prisma migrate deploy` accepts this history on any machine that has the native engine.
//
// Needs `node --experimental-wasm-modules` on Node 20 (the package imports its .wasm directly).
//
//   node --experimental-wasm-modules prisma/migrate.mjs deploy          apply pending migrations
//   node --experimental-wasm-modules prisma/migrate.mjs sql-from-empty  print SQL that builds the schema from nothing
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";

const prismaDir = path.dirname(fileURLToPath(import.meta.url));
const migrationsDir = path.join(prismaDir, "migrations");
const schemaPath = path.join(prismaDir, "schema.prisma");
const noFilter = { externalTables: [], externalEnums: [] };

/**
 * The WASM engine sends a migration statement by statement, cutting the script at every semicolon,
 * even one inside a comment or a dollar-quoted body. Catch those here with a clear message instead
 * of a half-applied migration and a baffling syntax error.
 */
function findSplitterHazards(sql) {
  const hazards = [];
  sql.split("\n").forEach((line, index) => {
    const comment = line.indexOf("--");
    if (comment >= 0 && line.slice(comment).includes(";")) hazards.push(`line ${index + 1}: a semicolon inside a comment`);
    if (line.includes("$$")) hazards.push(`line ${index + 1}: a dollar-quoted body (write it as E'...' with \\073 for each semicolon)`);
  });
  return hazards;
}

async function loadMigrations() {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok", value }),
          (error) => ({ tag: "error", value: String(error) }),
        );
        const hazards = content.tag === "ok" ? findSplitterHazards(content.value) : [];
        if (hazards.length) throw new Error(`${name}/migration.sql cannot be applied by the WASM engine:\n  ${hazards.join("\n  ")}`);
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

async function openEngine(connectionString) {
  const schema = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const log = (message) => {
    if (process.env.MIGRATE_DEBUG) console.error("[schema-engine]", message);
  };
  return SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, log, adapter);
}

/** Applies every pending migration; returns the names applied. */
async function deployMigrations(connectionString) {
  const engine = await openEngine(connectionString);
  try {
    const result = await engine.applyMigrations({ migrationsList: await loadMigrations(), filters: noFilter });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

async function sqlFromEmpty() {
  const schema = await readFile(schemaPath, "utf8");
  const engine = await openEngine(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  try {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const command = process.argv[2];
  try {
    if (command === "deploy") {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set");
      const applied = await deployMigrations(url);
      console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
    } else if (command === "sql-from-empty") {
      process.stdout.write(await sqlFromEmpty());
    } else {
      console.error("usage: migrate.mjs deploy | sql-from-empty");
      process.exit(2);
    }
  } catch (error) {
    console.error("Migration failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
