import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type Provider } from "../db/client.js";
import { migrate } from "../db/migrate.js";

/** Where tests create their throw-away PostgreSQL databases (the machine's server, trust auth). */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface TestDatabase extends Database {
  url: string;
  /** Closes the client and removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

let pgReachable: Promise<boolean> | undefined;

/** Whether the PostgreSQL tests can run; they are skipped with a loud note when not. */
export function postgresAvailable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      console.warn(`\n*** PostgreSQL is not reachable at ${PG_ADMIN_URL}: PostgreSQL tests are SKIPPED ***\n`);
      return false;
    }
  })();
  return pgReachable;
}

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

/** A fresh, migrated database: an SQLite file in a temporary folder, or a new PostgreSQL database. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "duban-test-"));
    const url = `file:${join(dir, "test.db")}`;
    await migrate(url);
    const database = await openDatabase(url);
    return {
      ...database,
      url,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `duban_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const database = await openDatabase(url.toString());
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
