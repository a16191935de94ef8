import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { createI18n } from "../../src/bot/i18n.js";
import type { Db } from "../../src/db/client.js";
import { bind } from "../../src/messages/translate.js";
import { exportLedger } from "../../src/reports/ledger-export.js";
import { onBothDatabases } from "../org/helpers.js";
import { NOW, seedReports } from "./fixture.js";

const ZONE = "Asia/Shanghai";
const i18n = createI18n("zh-CN");
const t = bind((locale, key, vars) => i18n.t(locale, key, vars), "zh-CN");

/** One meeting, two units, three assignments with known stamps; two households. */
async function seedSmall(db: Db) {
  const region = await db.region.create({ data: { name: "云溪县" } });
  const finance = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
  const town = await db.unit.create({ data: { regionId: region.id, name: "城关镇" } });
  const cadre = await db.person.create({ data: { name: "李帮扶" } });
  const meeting = await db.meeting.create({
    data: { regionId: region.id, title: "县委常委会", sourceText: "-", cleanedText: "-", contentHash: "h", metadata: {}, state: "published", meetingDate: new Date("2026-11-02T02:00:00Z") },
  });
  const first = await db.directive.create({ data: { meetingId: meeting.id, position: 1, marker: "一、", text: "=抓好冬春农田水利建设" } });
  const second = await db.directive.create({ data: { meetingId: meeting.id, position: 2, text: "+做好困难群众冬季救助" } });
  const lead = await db.assignment.create({
    data: {
      directiveId: first.id, unitId: finance.id, role: "lead", state: "done",
      // 16:30 UTC is 00:30 the next day in Shanghai: the cell must show the county's day.
      dueAt: new Date("2026-11-30T16:30:00Z"), assignedAt: new Date("2026-11-03T01:00:00Z"),
      acknowledgedAt: new Date("2026-11-03T02:15:00Z"), startedAt: new Date("2026-11-04T00:00:00Z"), doneAt: new Date("2026-11-20T09:45:00Z"),
    },
  });
  await db.assignment.create({ data: { directiveId: first.id, unitId: town.id, role: "supporting", state: "assigned", dueAt: new Date("2026-11-20T15:59:59Z"), assignedAt: new Date("2026-11-03T01:00:00Z") } });
  await db.assignment.create({ data: { directiveId: second.id, unitId: town.id, role: "lead", state: "in_progress", dueAt: null, assignedAt: new Date("2026-11-05T01:00:00Z"), startedAt: new Date("2026-11-06T03:00:00Z") } });
  await db.statusUpdate.create({ data: { assignmentId: lead.id, note: "完成方案", evidence: ["a", "b"], createdAt: new Date("2026-11-10T02:00:00Z") } });
  await db.statusUpdate.create({ data: { assignmentId: lead.id, note: "已完工", evidence: ["c"], createdAt: new Date("2026-11-19T02:00:00Z") } });
  await db.extensionRequest.create({ data: { assignmentId: lead.id, requestedById: cadre.id, requestedDueAt: new Date("2026-12-10T08:00:00Z"), reason: "雨季", state: "approved", createdAt: new Date("2026-11-12T02:00:00Z") } });
  const home = await db.household.create({ data: { regionId: region.id, name: "张三", phone: "13812345678", township: "城关镇", village: "东村", workLocation: "广东东莞", helperId: cadre.id, idNumberCipher: "secret-cipher", idNumberHash: "h1" } });
  await db.household.create({ data: { regionId: region.id, name: "李四", phone: null, township: "城关镇", village: "西村" } });
  await db.contactLog.create({ data: { householdId: home.id, personId: cadre.id, channel: "wechat", purpose: "contact", contactedAt: new Date("2026-10-08T03:00:00Z") } });
  await db.contactLog.create({ data: { householdId: home.id, personId: cadre.id, channel: "visit", purpose: "leaflet", contactedAt: new Date("2026-03-01T03:00:00Z") } });
  return { regionId: region.id };
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

const local = (text: string) => new Date(`${text.replace(" ", "T")}:00Z`);

function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(row).getCell(i + 1).value ?? null);
}

onBothDatabases("the ledger (台账)", {
  "a small ledger is re-read cell by cell: dates on the county's calendar, frozen filtered header, masked phones": async (database) => {
    const { regionId } = await seedSmall(database.db);
    const file = await exportLedger(database.db, t, { scope: { kind: "county", regionId }, period: null, format: "xlsx", title: "云溪县", now: NOW, zone: ZONE });
    assert.equal(file.fileName, "督办台账-云溪县-2026-11-25.xlsx");
    const book = await readBook(file.bytes);
    const [tasks, homes] = book.worksheets;
    assert.ok(tasks && homes);
    assert.equal(tasks.name, "督办台账");
    assert.deepEqual(rowValues(tasks, 1), ["会议", "会议日期", "部署事项", "责任单位", "牵头/协办", "办理期限", "状态", "逾期天数", "交办时间", "签收时间", "开始办理", "办结时间", "销号时间", "反映困难", "最新反馈", "反馈时间", "痕迹数", "延期记录"]);
    assert.deepEqual(rowValues(tasks, 2), [
      "县委常委会", local("2026-11-02 00:00"), "一、 =抓好冬春农田水利建设", "县财政局", "牵头", local("2026-12-01 00:00"), "已办结", null,
      local("2026-11-03 09:00"), local("2026-11-03 10:15"), local("2026-11-04 08:00"), local("2026-11-20 17:45"), null, null,
      "已完工", local("2026-11-19 10:00"), 3, "2026-11-12 申请延至 2026-12-10（已批准）",
    ]);
    assert.deepEqual(rowValues(tasks, 3), [
      "县委常委会", local("2026-11-02 00:00"), "一、 =抓好冬春农田水利建设", "城关镇", "协办", local("2026-11-20 00:00"), "待签收", 5,
      local("2026-11-03 09:00"), null, null, null, null, null, null, null, 0, null,
    ]);
    assert.deepEqual(rowValues(tasks, 4).slice(2, 8), ["+做好困难群众冬季救助", "城关镇", "牵头", null, "办理中", null]);
    assert.equal(tasks.rowCount, 4);
    assert.equal(tasks.getCell("F2").numFmt, "yyyy-mm-dd");
    assert.equal(tasks.getCell("I2").numFmt, "yyyy-mm-dd hh:mm");
    assert.equal(tasks.views[0]?.state, "frozen");
    assert.equal(tasks.views[0]?.state === "frozen" ? tasks.views[0].ySplit : -1, 1);
    assert.deepEqual(tasks.autoFilter, "A1:R1");
    assert.equal(tasks.getColumn(3).width, 50);

    assert.equal(homes.name, "联系覆盖");
    assert.deepEqual(rowValues(homes, 1), ["户主", "乡镇", "村", "务工地", "帮扶责任人", "联系电话", "本季度联系次数", "最近联系", "联系方式", "本年宣传单"]);
    assert.deepEqual(rowValues(homes, 2), ["张三", "城关镇", "东村", "广东东莞", "李帮扶", "138****5678", 1, local("2026-10-08 11:00"), "微信", "已发"]);
    assert.deepEqual(rowValues(homes, 3), ["李四", "城关镇", "西村", null, null, null, 0, null, null, "未发"]);
    const everything = book.worksheets.flatMap((ws) => ws.getSheetValues().flat(2)).join(" ");
    assert.doesNotMatch(everything, /13812345678|secret-cipher/);
  },

  "the CSV has a BOM, quotes, neutralised formulas and the same dates": async (database) => {
    const { regionId } = await seedSmall(database.db);
    const file = await exportLedger(database.db, t, { scope: { kind: "county", regionId }, period: null, format: "csv", title: "云溪县", now: NOW, zone: ZONE });
    const text = file.bytes.toString("utf8");
    assert.ok(text.startsWith("\uFEFF会议,会议日期,部署事项"));
    const lines = text.slice(1).split("\r\n");
    assert.equal(lines[1], `县委常委会,2026-11-02,一、 =抓好冬春农田水利建设,县财政局,牵头,2026-12-01,已办结,,2026-11-03 09:00,2026-11-03 10:15,2026-11-04 08:00,2026-11-20 17:45,,,已完工,2026-11-19 10:00,3,2026-11-12 申请延至 2026-12-10（已批准）`);
    assert.match(lines[3] ?? "", /^县委常委会,2026-11-02,'\+做好困难群众冬季救助,城关镇,牵头,,办理中,/);
    assert.equal(lines.length, 5, "header, three rows and the final line break");
  },

  "the ledger of a larger county counts exactly what the database holds, per state and per unit": async (database) => {
    const { db } = database;
    const f = await seedReports(db, 120);
    const file = await exportLedger(db, t, { scope: { kind: "county", regionId: f.regionId }, period: null, format: "xlsx", title: "云溪县", now: NOW, zone: ZONE });
    const book = await readBook(file.bytes);
    const ws = book.worksheets[0];
    assert.ok(ws);
    const cells = Array.from({ length: ws.rowCount - 1 }, (_, i) => rowValues(ws, i + 2));
    const tally = (index: number) => cells.reduce((m, r) => m.set(String(r[index]), (m.get(String(r[index])) ?? 0) + 1), new Map<string, number>());
    const byState = await db.assignment.groupBy({ by: ["state"], _count: { _all: true } });
    assert.deepEqual(tally(6), new Map(byState.map((g) => [t(`ledger-state-${g.state.replaceAll("_", "-")}`), g._count._all])));
    const byUnit = await db.assignment.groupBy({ by: ["unitId"], _count: { _all: true } });
    const units = await db.unit.findMany();
    assert.deepEqual(tally(3), new Map(byUnit.map((g) => [units.find((u) => u.id === g.unitId)?.name, g._count._all])));
    const evidence = (await db.statusUpdate.findMany()).reduce((n, u) => n + (Array.isArray(u.evidence) ? u.evidence.length : 0), 0);
    assert.equal(cells.reduce((n, r) => n + Number(r[16]), 0), evidence);
  },
});
