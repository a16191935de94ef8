// Raw SQL for the few statements Prisma cannot express (row claims with leases, inserts
// that skip duplicates, atomic slot reservations). Statements are written once with
// PostgreSQL's numbered `$1` placeholders; for SQLite, whose adapter takes only `?`,
// they are rewritten in order of appearance and casts like `::jsonb` are dropped.
import type { Database } from "../db/client.js";

export type Store = Pick<Database, "db" | "provider">;

function forSqlite(sql: string, args: readonly unknown[]): [string, unknown[]] {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)(::[a-z]+)?/g, (_match, index: string) => {
    ordered.push(args[Number(index) - 1]);
    return "?";
  });
  return [text, ordered];
}

export function queryRows<T>(store: Store, sql: string, ...args: unknown[]): Promise<T[]> {
  if (store.provider === "postgresql") return store.db.$queryRawUnsafe<T[]>(sql, ...args);
  const [text, ordered] = forSqlite(sql, args);
  return store.db.$queryRawUnsafe<T[]>(text, ...ordered);
}

export function execute(store: Store, sql: string, ...args: unknown[]): Promise<number> {
  if (store.provider === "postgresql") return store.db.$executeRawUnsafe(sql, ...args);
  const [text, ordered] = forSqlite(sql, args);
  return store.db.$executeRawUnsafe(text, ...ordered);
}

/** `$k, $k+1, …` for `count` values starting at placeholder `first`. */
export function placeholders(first: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(", ");
}
