// Writes the next migration for both providers from the change to the schemas:
//   npx tsx scripts/new-migration.ts add_reminder_state
// Edit prisma/sqlite/schema.prisma, copy it to prisma/postgresql/schema.prisma with only the
// provider changed (tests/db/schema-parity.test.ts checks), then run this. Each migration
// folder keeps a snapshot of the schema it leads to (schema.snapshot.prisma), so the next
// one is the diff between the last snapshot and the current schema. Prisma still wants a
// DATABASE_URL of the right provider (without one it tries to download an engine).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PG_ADMIN_URL } from "../src/testing/databases.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npx tsx scripts/new-migration.ts <snake_case_name>");
  process.exit(1);
}

for (const provider of ["sqlite", "postgresql"] as const) {
  const root = `prisma/${provider}/migrations`;
  const schema = `prisma/${provider}/schema.prisma`;
  const existing = readdirSync(root).filter((d) => /^\d{4}_/.test(d)).sort();
  const last = existing.at(-1);
  const snapshot = last ? join(root, last, "schema.snapshot.prisma") : undefined;
  if (snapshot && !existsSync(snapshot)) throw new Error(`${snapshot} is missing`);
  const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: provider === "sqlite" ? `file:${join(tmpdir(), "duban-scratch.db")}` : PG_ADMIN_URL },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${provider}: no schema change`);
    continue;
  }
  const dir = join(root, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  copyFileSync(schema, join(dir, "schema.snapshot.prisma"));
  console.log(`${provider}: wrote ${dir}/migration.sql`);
}
