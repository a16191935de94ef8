import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createManualClock } from "../../src/clock.js";
import { createTestDatabase, postgresAvailable, PROVIDERS, type TestDatabase } from "../../src/testing/databases.js";
import { importHouseholds, householdTemplate, rejectedRowsCsv } from "../../src/services/household-import.js";
import { ensureHouseholdDuties, householdRules } from "../../src/services/household-duties.js";
import { deactivateHousehold, purgeDeactivatedHouseholds } from "../../src/services/households.js";
import { recordContact } from "../../src/services/contacts.js";
import { piiKeys } from "../../src/services/pii-crypto.js";
import { readTable } from "../../src/services/directory-import.js";
import { idCheckCharacter } from "../../src/domain/id-number.js";
import { findPii } from "../../src/testing/pii-scan.js";
import { csv, HEADER, idNumber, mobile, seedCounty, TEST_PII_KEY, xlsx } from "./fixtures.js";

const keys = piiKeys(TEST_PII_KEY);
const clock = createManualClock(new Date("2026-02-10T02:00:00Z"));

const good = (n: number, name = `户主${n}`): string[] => [name, idNumber(n), "城关镇", "石桥村", "广东东莞", `+86 ${mobile(n).slice(0, 3)} ${mobile(n).slice(3)}`, "4", "王芳", ""];

/** Rows covering every problem, each on its own row. */
function badRows(): string[][] {
  const wrongCheck = idNumber(90).slice(0, 17) + (idNumber(90).endsWith("0") ? "1" : "0");
  return [
    ["", "", "城关镇", "石桥村", "", "", "", "王芳", "no name"],
    ["校验错", wrongCheck, "城关镇", "石桥村", "", "", "", "王芳", ""],
    ["短号码", "12345", "城关镇", "石桥村", "", "", "", "王芳", ""],
    ["坏电话", "", "城关镇", "石桥村", "", "12345", "", "王芳", ""],
    ["无此人", "", "城关镇", "石桥村", "", "", "", "赵六", ""],
    ["同名者", "", "城关镇", "石桥村", "", "", "", "张伟", ""],
    ["人口错", "", "城关镇", "石桥村", "", "", "三", "王芳", ""],
    ["无村", "", "城关镇", "", "", "", "", "王芳", ""],
  ];
}

async function run(database: TestDatabase, regionId: number, bytes: Uint8Array, fileName: string, mode: "all-or-nothing" | "valid-rows" = "all-or-nothing", withKeys = true) {
  return importHouseholds(database, clock, { bytes, fileName }, { regionId, actorId: null, mode, keys: withKeys ? keys : null });
}

for (const provider of PROVIDERS) {
  describe(`household import on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("all-or-nothing, then valid rows only; IDs encrypted, phones normalized; re-import updates (B6, P5)", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const { db } = database;
        const county = await seedCounty(db, { admin: 1n, wang: 2n, li: 3n });
        const file = csv([HEADER, good(1), good(2), good(3, "户主1"), ...badRows(), good(4)]);
        const refused = await run(database, county.regionId, file, "户.csv");
        assert.ok(refused.ok);
        assert.equal(refused.applied, false);
        assert.equal(refused.valid, 3);
        assert.deepEqual(refused.errors.map((e) => [e.row, e.problem]), [
          [4, "duplicate-in-file"], [5, "missing-name"], [6, "id-checksum"], [7, "id-format"], [8, "bad-phone"], [9, "unknown-helper"], [10, "ambiguous-helper"], [11, "bad-size"], [12, "missing-place"],
        ]);
        assert.equal(await db.household.count(), 0, "nothing written");

        const partial = await run(database, county.regionId, file, "户.csv", "valid-rows");
        assert.ok(partial.ok && partial.applied);
        assert.deepEqual([partial.created, partial.updated], [3, 0]);
        const first = await db.household.findFirstOrThrow({ where: { name: "户主1" } });
        assert.equal(first.phone, mobile(1));
        assert.equal(first.helperId, county.cadres.wang);
        assert.ok(first.idNumberCipher && !first.idNumberCipher.includes(idNumber(1)), "ciphertext only");
        assert.equal(keys.decrypt(first.idNumberCipher), idNumber(1));
        assert.equal(first.idNumberHash, keys.hash(idNumber(1)));

        const again = await run(database, county.regionId, csv([HEADER, [...good(1).slice(0, 7), "@WangFang", "changed"], good(2), good(4)]), "户.csv");
        assert.ok(again.ok && again.applied);
        assert.deepEqual([again.created, again.updated], [0, 3]);
        assert.equal(await db.household.count(), 3, "no duplicates");
        assert.equal((await db.household.findFirstOrThrow({ where: { name: "户主1" } })).notes, "changed");

        const taken = await run(database, county.regionId, csv([HEADER, good(1, "冒名者")]), "户.csv");
        assert.ok(taken.ok);
        assert.deepEqual(taken.errors.map((e) => e.problem), ["id-taken"]);
        const legacy = await run(database, county.regionId, csv([HEADER, ["老号码", "530102700101001", "城关镇", "石桥村", "", "0871-65123456", "2", "李强", ""]]), "户.csv");
        assert.ok(legacy.ok && legacy.applied);
        const old = await db.household.findFirstOrThrow({ where: { name: "老号码" } });
        assert.equal(keys.decrypt(old.idNumberCipher ?? ""), `53010219700101001${idCheckCharacter("53010219700101001")}`, "15 digits stored as 18");
        assert.equal(old.phone, "0871-65123456");
      } finally {
        await database.drop();
      }
    });

    test("GBK CSV and XLSX read alike; wrong encoding, missing columns and ID numbers without a key are refused", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const county = await seedCounty(database.db, { admin: 11n, wang: 12n, li: 13n });
        const gbk = await run(database, county.regionId, csv([HEADER, good(21), good(22)], "gbk"), "gbk.csv");
        assert.ok(gbk.ok && gbk.applied && gbk.created === 2);
        const book = await run(database, county.regionId, await xlsx([HEADER, good(23), good(21)]), "book.xlsx");
        assert.ok(book.ok && book.applied);
        assert.deepEqual([book.created, book.updated], [1, 1]);
        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER.join(","), good(24).join(",")].join("\r\n"), "utf16le")]);
        assert.deepEqual(await run(database, county.regionId, utf16, "u16.csv"), { ok: false, file: "encoding" });
        assert.deepEqual(await run(database, county.regionId, csv([["户主姓名", "乡镇"], ["甲", "城关镇"]]), "x.csv"), { ok: false, file: "missing-columns", missing: ["village", "helper"] });
        assert.deepEqual(await run(database, county.regionId, csv([["a", "b"], ["1", "2"]]), "x.csv"), { ok: false, file: "no-header" });
        assert.deepEqual(await run(database, county.regionId, csv([HEADER]), "x.csv"), { ok: false, file: "empty" });
        const keyless = await run(database, county.regionId, csv([HEADER, good(25), [...good(26).slice(0, 1), "", ...good(26).slice(2)]]), "k.csv", "all-or-nothing", false);
        assert.ok(keyless.ok);
        assert.deepEqual(keyless.errors.map((e) => e.problem), ["id-needs-key"]);
      } finally {
        await database.drop();
      }
    });

    test("duties follow the published directive's rule, else the county default; contacts complete them; purge is idempotent (P6)", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const { db } = database;
        const county = await seedCounty(db, { admin: 31n, wang: 32n, li: 33n });
        await run(database, county.regionId, csv([HEADER, good(31), good(32)]), "d.csv");
        const region = await db.region.findUniqueOrThrow({ where: { id: county.regionId } });
        assert.deepEqual((await householdRules(db, region)).rules.contact, { freq: "quarterly", interval: 1, count: 1 });
        const meeting = await db.meeting.create({ data: { regionId: region.id, title: "会", sourceText: "-", cleanedText: "-", contentHash: "h", metadata: {}, state: "published", publishedAt: clock.now() } });
        await db.directive.create({ data: { meetingId: meeting.id, position: 1, text: "帮扶干部每月电话联系外出贫困户不少于2次", recurrence: { freq: "monthly", interval: 1, count: 2 } } });
        const rules = await householdRules(db, region);
        assert.deepEqual(rules.rules.contact, { freq: "monthly", interval: 1, count: 2 });
        assert.equal(rules.rules.leaflet.freq, "yearly");
        assert.equal(await ensureHouseholdDuties(database, clock, region.id), 4);
        assert.equal(await ensureHouseholdDuties(database, clock, region.id), 0, "idempotent");
        const duty = await db.householdDuty.findFirstOrThrow({ where: { purpose: "contact" }, include: { household: true } });
        assert.deepEqual([duty.periodStart, duty.periodEnd, duty.required], ["2026-02-01", "2026-02-28", 2]);
        assert.equal(duty.dueAt.toISOString(), "2026-02-28T15:59:59.999Z", "end of the last day in Asia/Shanghai");
        const once = await recordContact(db, clock, { householdId: duty.householdId, personId: county.cadres.wang, channel: "phone", purpose: "contact" });
        assert.equal(once.dutyDone, false);
        const twice = await recordContact(db, clock, { householdId: duty.householdId, personId: county.cadres.wang, channel: "wechat", purpose: "contact" });
        assert.equal(twice.dutyDone, true);

        await deactivateHousehold(db, clock, duty.householdId, county.adminId);
        assert.equal(await purgeDeactivatedHouseholds(db, clock), 0, "within the retention period");
        clock.advance(366 * 86_400_000);
        assert.equal(await purgeDeactivatedHouseholds(db, clock), 1);
        assert.equal(await purgeDeactivatedHouseholds(db, clock), 0, "idempotent");
        assert.equal(await db.contactLog.count({ where: { householdId: duty.householdId } }), 0, "contact logs go with it");
        assert.equal(await db.household.count(), 1);
        clock.advance(-366 * 86_400_000);
      } finally {
        await database.drop();
      }
    });
  });
}

test("the template reads back as a valid header; rejected rows are written with numbers masked (P1)", async () => {
  const table = await readTable(await householdTemplate(), "t.xlsx");
  assert.ok(Array.isArray(table));
  assert.deepEqual(table[0], HEADER);
  const errors = [{ row: 2, problem: "bad-phone" as const, cells: { name: "甲", idNumber: idNumber(5), township: "镇", village: "村", workLocation: "", phone: `+86 ${mobile(5)}`, size: "", helper: "王芳", notes: "" } }];
  const text = rejectedRowsCsv(errors, ["row", "name", "township", "village", "id", "phone", "helper", "problem"], (p) => p).toString("utf8");
  assert.match(text, /530102\*{8}\d{3}[\dX]/);
  assert.match(text, /139\*{4}\d{4}/);
  assert.deepEqual(findPii(text), []);
});
