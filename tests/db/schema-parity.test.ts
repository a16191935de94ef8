import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const read = (provider: string) => readFileSync(`prisma/${provider}/schema.prisma`, "utf8");

test("the SQLite and PostgreSQL schemas differ only in the provider", () => {
  const sqlite = read("sqlite").split("\n");
  const postgres = read("postgresql").split("\n");
  assert.equal(sqlite.length, postgres.length);
  const differing = sqlite.flatMap((line, i) => (line === postgres[i] ? [] : [[line.trim(), postgres[i]?.trim()]]));
  assert.deepEqual(differing, [['provider = "sqlite"', 'provider = "postgresql"']]);
});

test("each provider has the same migrations, in the same order", async () => {
  const { loadMigrations } = await import("../../src/db/migrate.js");
  const names = (p: "sqlite" | "postgresql") => loadMigrations(p).map((m) => m.name);
  assert.deepEqual(names("sqlite"), names("postgresql"));
  assert.ok(names("sqlite").length > 0);
});
