import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "../../src/testing/databases.js";
import { findPii } from "../../src/testing/pii-scan.js";
import { csv, HEADER, idNumber, mobile, seedCounty, TEST_PII_KEY } from "./fixtures.js";

test("npm run households:import: all-or-nothing by default, --valid-rows imports the rest; rejected rows printed masked", async () => {
  const database = await createTestDatabase("sqlite");
  const dir = mkdtempSync(join(tmpdir(), "duban-hh-"));
  try {
    await seedCounty(database.db, { admin: 1n, wang: 2n, li: 3n });
    const file = join(dir, "户.csv");
    writeFileSync(file, csv([HEADER, ["户主1", idNumber(1), "城关镇", "石桥村", "", mobile(1), "3", "王芳", ""], ["坏行", idNumber(2), "城关镇", "石桥村", "", `${mobile(2)}9`, "3", "王芳", ""]], "gbk"));
    const run = (...extra: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/households-import.ts", file, "--county", "云溪县", ...extra], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: database.url, PII_KEY: TEST_PII_KEY, LOG_LEVEL: "silent" },
    });
    const refused = run();
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, /1 rows rejected, 1 valid: nothing imported/);
    assert.match(refused.stderr, /坏行.*bad-phone/);
    assert.deepEqual(findPii(refused.stderr + refused.stdout), [], "rejected rows are printed masked");
    assert.equal(await database.db.household.count(), 0);
    const imported = run("--valid-rows");
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /imported: 1 new, 0 updated, 1 rejected; 2 duties created/);
    assert.equal(run("--county").status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
});
