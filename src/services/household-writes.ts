// Writing imported households in batches of raw SQL: through Prisma, re-imported households
// went one statement per row and new ones slowly enough that 5,000 rows took over ten
// seconds. One statement per 500 rows, for SQLite and PostgreSQL alike.
import type { Db, Provider } from "../db/client.js";

/** One household as written: `id` is the household's for an update, the county's for an insert. */
export interface HouseholdWrite {
  id: number;
  name: string;
  township: string;
  village: string;
  workLocation: string | null;
  phone: string | null;
  size: number | null;
  helperId: number;
  notes: string | null;
  /** Null keeps the stored ID number on update. */
  idNumberCipher: string | null;
  idNumberHash: string | null;
  updatedAt: Date;
}

/** Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 500;

/** Bound in this order, with PostgreSQL's types (VALUES columns have none of their own). */
const COLUMNS: ReadonlyArray<[keyof HouseholdWrite, string]> = [
  ["id", "int"], ["name", "text"], ["township", "text"], ["village", "text"], ["workLocation", "text"], ["phone", "text"], ["size", "int"],
  ["helperId", "int"], ["notes", "text"], ["idNumberCipher", "text"], ["idNumberHash", "text"], ["updatedAt", "timestamp"],
];

function tuples(provider: Provider, rows: number): string {
  const width = COLUMNS.length;
  const cell = (r: number, c: number, type: string): string => (provider === "postgresql" ? `$${r * width + c + 1}::${type}` : "?");
  return Array.from({ length: rows }, (_, r) => `(${COLUMNS.map(([, type], c) => cell(r, c, type)).join(", ")})`).join(", ");
}

/** New households: created when updated, and active. VALUES columns are column1… in both databases. */
function insertSql(provider: Provider, rows: number): string {
  const names = ["regionId", ...COLUMNS.slice(1).map(([name]) => name), "createdAt", "active"].map((n) => `"${n}"`).join(", ");
  const values = COLUMNS.map((_, c) => `v.column${c + 1}`).join(", ");
  return `INSERT INTO "Household" (${names}) SELECT ${values}, v.column${COLUMNS.length}, true FROM (VALUES ${tuples(provider, rows)}) AS v`;
}

/** Re-imported households become active again; a row without an ID number keeps the stored one. */
function updateSql(provider: Provider, rows: number): string {
  const set = COLUMNS.slice(1).map(([name], c) => {
    const value = `v.column${c + 2}`;
    return name.startsWith("idNumber") ? `"${name}" = COALESCE(${value}, "Household"."${name}")` : `"${name}" = ${value}`;
  });
  return `UPDATE "Household" SET ${set.join(", ")}, "active" = true, "deactivatedAt" = NULL FROM (VALUES ${tuples(provider, rows)}) AS v WHERE "Household"."id" = v.column1`;
}

export async function writeHouseholds(tx: Pick<Db, "$executeRawUnsafe">, provider: Provider, rows: { created: readonly HouseholdWrite[]; updated: readonly HouseholdWrite[] }): Promise<void> {
  for (const [list, sql] of [[rows.created, insertSql], [rows.updated, updateSql]] as const) {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = list.slice(i, i + BATCH);
      await tx.$executeRawUnsafe(sql(provider, batch.length), ...batch.flatMap((w) => COLUMNS.map(([name]) => w[name])));
    }
  }
}
