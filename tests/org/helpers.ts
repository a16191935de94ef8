import { describe, test, type TestContext } from "node:test";
import { createManualClock } from "../../src/clock.js";
import type { Db } from "../../src/db/client.js";
import { createTestDatabase, postgresAvailable, PROVIDERS, type TestDatabase } from "../../src/testing/databases.js";

export const clock = createManualClock(new Date("2026-03-02T02:00:00Z"));

/** Declares the same tests on a fresh SQLite and a fresh PostgreSQL database each. */
export function onBothDatabases(title: string, cases: Record<string, (database: TestDatabase, t: TestContext) => Promise<void>>): void {
  for (const provider of PROVIDERS) {
    describe(`${title} on ${provider}`, async () => {
      const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;
      for (const [name, body] of Object.entries(cases)) {
        test(name, { skip }, async (t) => {
          const database = await createTestDatabase(provider);
          try {
            await body(database, t);
          } finally {
            await database.drop();
          }
        });
      }
    });
  }
}

/** A county with an admin and two units, the usual starting point of a test. */
export async function seedCounty(db: Db, name = "云溪县") {
  const region = await db.region.create({ data: { name } });
  const finance = await db.unit.create({ data: { regionId: region.id, name: `${name}财政局`, aliases: ["财政局"] } });
  const town = await db.unit.create({ data: { regionId: region.id, name: `${name}青石镇`, kind: "township" } });
  const admin = await db.person.create({ data: { name: `${name}管理员`, telegramUserId: BigInt(Math.floor(Math.random() * 1e9)) } });
  await db.membership.create({ data: { personId: admin.id, regionId: region.id, unitId: null, role: "admin" } });
  return { region, finance, town, admin };
}
