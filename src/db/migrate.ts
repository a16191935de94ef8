import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { providerOf, sqlitePath, type Provider } from "./client.js";

/**
 * Applies the SQL migrations written by `prisma migrate diff` (prisma/<provider>/migrations)
 * and records them in `_duban_migrations`. Prisma's own `migrate deploy` cannot run on
 * PostgreSQL in this environment, hence this small runner.
 */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  provider: Provider;
  applied: string[];
  alreadyApplied: number;
}

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function loadMigrations(provider: Provider, root = projectRoot): Migration[] {
  const dir = join(root, "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_duban_migrations" (
  "name" TEXT PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "appliedAt" TEXT NOT NULL
)`;

export async function migrate(url: string): Promise<MigrationReport> {
  const provider = providerOf(url);
  const migrations = loadMigrations(provider);
  return provider === "postgresql" ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum) {
      throw new Error(`migration ${m.name} was changed after it was applied; write a new migration instead`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function migrateSqlite(url: string, migrations: Migration[]): MigrationReport {
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: 10_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(LEDGER);
    const rows = sqlite.prepare(`SELECT "name", "checksum" FROM "_duban_migrations"`).all() as { name: string; checksum: string }[];
    const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
    const record = sqlite.prepare(`INSERT INTO "_duban_migrations" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`);
    for (const m of todo) {
      sqlite.transaction(() => {
        sqlite.exec(m.sql);
        record.run(m.name, m.checksum, new Date().toISOString());
      }).immediate();
    }
    return { provider: "sqlite", applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    sqlite.close();
  }
}

/** Several processes may start at once: an advisory lock lets one migrate while the others wait. */
const PG_MIGRATION_LOCK = 7_246_113;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(LEDGER);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_duban_migrations"`);
    const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_duban_migrations" ("name", "checksum", "appliedAt") VALUES ($1, $2, $3)`, [
          m.name,
          m.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return { provider: "postgresql", applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
