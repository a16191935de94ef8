import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../prisma/sqlite/generated/client.js";
import { PrismaClient as PostgresClient } from "../../prisma/postgresql/generated/client.js";

/**
 * The application's database client. Both generated clients come from one schema
 * (only the provider differs), so the SQLite client's type describes both.
 */
export type Db = SqliteClient;
export type Provider = "sqlite" | "postgresql";

export interface Database {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Path of an SQLite file from a `file:` URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
  return resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** SQLite waits this long for the writer lock before reporting a timeout. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export async function openDatabase(url: string): Promise<Database> {
  if (providerOf(url) === "postgresql") {
    const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    await db.$connect();
    return { db: db as unknown as Db, provider: "postgresql", close: () => db.$disconnect() };
  }
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const db = new SqliteClient({
    adapter: new PrismaBetterSQLite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS }),
  });
  // WAL lets readers work while the one writer writes; foreign keys are off by default in SQLite.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { db, provider: "sqlite", close: () => db.$disconnect() };
}
