import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { importDirectory, MAX_IMPORT_BYTES } from "../../src/services/directory-import.js";
import { findUnitByName } from "../../src/services/units.js";
import { clock, onBothDatabases, seedCounty } from "./helpers.js";

const CSV = [
  "单位名称,类型,别名,上级单位",
  "县扶贫开发领导小组办公室,部门,扶贫办、县扶贫办,",
  "青石镇,乡镇,,",
  "白岩村,村,,青石镇",
  "白岩村驻村工作队,工作队,驻村工作队,白岩村",
].join("\r\n");

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("单位");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

onBothDatabases("directory import", {
  "a UTF-8 CSV with Chinese headers builds the tree and the aliases": async ({ db }) => {
    const { region } = await seedCounty(db, "云溪县");
    const result = await importDirectory(db, clock, region.id, { bytes: Buffer.from(CSV, "utf8"), fileName: "目录.csv" }, null);
    assert.deepEqual(result, { ok: true, created: 4, updated: 0 });
    const team = await findUnitByName(db, region.id, "驻村工作队");
    const village = await findUnitByName(db, region.id, "白岩村");
    assert.equal(team?.kind, "work_team");
    assert.equal(team?.parentId, village?.id);
    assert.equal((await findUnitByName(db, region.id, "扶贫办"))?.name, "县扶贫开发领导小组办公室");
    assert.equal(await db.auditLog.count({ where: { action: "directory.load" } }), 1);
  },

  "a GBK CSV saved by Excel and an XLSX read the same": async ({ db }) => {
    const { region } = await seedCounty(db, "云溪县");
    const gbk = await importDirectory(db, clock, region.id, { bytes: iconv.encode(CSV, "gbk"), fileName: "目录.CSV" }, null);
    assert.deepEqual(gbk, { ok: true, created: 4, updated: 0 });
    const sheet = await xlsx([["名称", "类型", "简称"], ["青石镇", "township", "青石"], ["县水利局", "", "水利局"]]);
    const fromSheet = await importDirectory(db, clock, region.id, { bytes: sheet, fileName: "units.xlsx" }, null);
    assert.deepEqual(fromSheet, { ok: true, created: 1, updated: 1 });
    assert.equal((await findUnitByName(db, region.id, "青石"))?.name, "青石镇");
  },

  "a file with bad rows is refused whole, with every bad row named": async ({ db }) => {
    const { region } = await seedCounty(db, "云溪县");
    const before = await db.unit.count();
    const bad = [
      "名称,类型,别名,上级",
      "县水利局,部门,,",
      ",部门,,",
      "县水利局,部门,,",
      "东村,星球,,",
      "西村,村,,不存在的镇",
      "县林业局,部门,财政局,",
      "甲,部门,,乙",
      "乙,部门,,甲",
    ].join("\n");
    const result = await importDirectory(db, clock, region.id, { bytes: Buffer.from(bad), fileName: "bad.csv" }, null);
    assert.ok(!result.ok && "rows" in result);
    assert.deepEqual(
      result.rows.map((e) => [e.row, e.problem]),
      [[3, "missing-name"], [4, "duplicate"], [5, "bad-kind"], [6, "unknown-parent"], [7, "alias-taken"], [8, "cycle"], [9, "cycle"]],
    );
    assert.equal(await db.unit.count(), before, "nothing half-imported");
  },

  "files that are not directories are refused with a reason": async ({ db }) => {
    const { region } = await seedCounty(db, "云溪县");
    const file = (bytes: Uint8Array, fileName: string) => importDirectory(db, clock, region.id, { bytes, fileName }, null);
    assert.deepEqual(await file(new Uint8Array(MAX_IMPORT_BYTES + 1), "big.csv"), { ok: false, file: "too-big" });
    assert.deepEqual(await file(Buffer.from("foo,bar\n1,2"), "x.csv"), { ok: false, file: "no-header" });
    assert.deepEqual(await file(Buffer.from("名称\n"), "x.csv"), { ok: false, file: "empty" });
    assert.deepEqual(await file(Buffer.from("not a zip"), "x.xlsx"), { ok: false, file: "unreadable" });
    assert.deepEqual(await file(Buffer.from("名称\n甲"), "x.txt"), { ok: false, file: "unsupported" });
  },
});
