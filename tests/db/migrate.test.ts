import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { migrate } from "../../src/db/migrate.js";
import { createTestDatabase, postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";

for (const provider of PROVIDERS) {
  describe(`migrations on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("a fresh database gets every table, and running again applies nothing", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const again = await migrate(database.url);
        assert.deepEqual(again.applied, []);
        assert.ok(again.alreadyApplied >= 1);
        const region = await database.db.region.create({ data: { name: "云溪县" } });
        const unit = await database.db.unit.create({ data: { regionId: region.id, name: "县财政局", aliases: ["财政局"] } });
        assert.deepEqual(unit.aliases, ["财政局"]);
        assert.equal(region.timeZone, "Asia/Shanghai");
        await assert.rejects(
          database.db.unit.create({ data: { regionId: region.id, name: "县财政局" } }),
          (err: { code?: string }) => err.code === "P2002",
        );
      } finally {
        await database.drop();
      }
    });

    test("outbox dedupe keys are unique", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const row = { address: "1", kind: "reminder", payload: {}, dueAt: new Date(), dedupeKey: "a:1" };
        await database.db.outboxMessage.create({ data: row });
        await assert.rejects(database.db.outboxMessage.create({ data: row }));
        assert.equal(await database.db.outboxMessage.count(), 1);
      } finally {
        await database.drop();
      }
    });
  });
}
