import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { createManualClock } from "../../src/clock.js";
import type { MessageView } from "../../src/emulator/client.js";
import { periodOf } from "../../src/reports/period.js";
import { scanBotRequests } from "../../src/testing/pii-scan.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, waitForCount, type BotHarness } from "../../src/testing/bot-harness.js";
import { expectedStats } from "./expected.js";
import { NOW, seedReports, type Fixture } from "./fixture.js";

const ADMIN = 501;
const HEAD = 9_100_001;
const OFFICIAL = 503;

describe("/report and /export through the emulator", () => {
  let h: BotHarness;
  let f: Fixture;

  before(async () => {
    h = await startBotHarness({ clock: createManualClock(NOW) });
    const { db } = h.database;
    f = await seedReports(db);
    const admin = await db.person.create({ data: { name: "赵主任", telegramUserId: BigInt(ADMIN) } });
    await db.membership.create({ data: { personId: admin.id, regionId: f.regionId, role: "admin" } });
    const official = await db.person.create({ data: { name: "钱干事", telegramUserId: BigInt(OFFICIAL) } });
    await db.membership.create({ data: { personId: official.id, regionId: f.regionId, unitId: f.unitIds[1] ?? null, role: "official" } });
    await db.household.create({ data: { regionId: f.regionId, name: "张三", phone: "13812345678", township: "城关镇", helperId: official.id } });
    for (const id of [ADMIN, HEAD, OFFICIAL]) await h.client.createUser({ id, first_name: `用户${id}`, language_code: "zh-hans" });
  });
  after(async () => {
    await h.stop();
  });

  /** Sends a command and waits until the bot has sent `replies` messages after it. */
  async function command(userId: number, text: string, replies: number): Promise<MessageView[]> {
    const before = (await h.client.messages(userId)).length;
    await h.client.sendText(userId, text);
    const messages = await waitForCount(h.client, userId, before + 1 + replies, 15_000);
    const answers = messages.slice(before + 1);
    assert.ok(answers.every((m) => m.from?.id === TEST_BOT_ID));
    return answers;
  }

  async function download(fileId: string): Promise<Buffer> {
    const api = `${h.emulator.url}/bot${TEST_BOT_TOKEN}`;
    const info = (await (await fetch(`${api}/getFile?file_id=${encodeURIComponent(fileId)}`)).json()) as { result: { file_path: string } };
    return Buffer.from(await (await fetch(`${h.emulator.url}/file/bot${TEST_BOT_TOKEN}/${info.result.file_path}`)).arrayBuffer());
  }

  test("the county admin's /report: every unit's numbers as counted from the rows, then two charts", async () => {
    const [text, completion, trend] = await command(ADMIN, "/report", 3);
    const body = text?.text ?? "";
    assert.match(body, /督办报告 · 云溪县\n全县 · 本月 2026-11-01 – 2026-11-30/);
    const expected = await expectedStats(h.database.db, { kind: "county", regionId: f.regionId }, periodOf({ kind: "month" }, NOW, "Asia/Shanghai"));
    for (const s of expected) {
      const onTime = s.finishedWithDeadline === 0 ? "—" : `${Math.round((s.onTime / s.finishedWithDeadline) * 100)}%`;
      const line = `${s.unitName} 交办 ${s.assigned} · 签收 ${s.signed} · 进行中 ${s.inProgress} · 办结 ${s.done} (${Math.round((s.done / s.assigned) * 100)}%) · 有困难 ${s.blocked} · 逾期 ${s.overdue} · 按时率 ${onTime} · 延期申请 ${s.extensions}`;
      assert.ok(body.includes(line), `missing: ${line}\n${body}`);
    }
    assert.match(body, /逾期最久\n🔴 [^「]+「第\d+项：抓好<重点>工作 & 落实责任」逾期 \d+ 天/, "names are escaped and shown literally");
    for (const photo of [completion, trend]) {
      const largest = photo?.photo?.at(-1);
      assert.ok(largest, "a photo");
      assert.deepEqual((await download(largest.file_id)).subarray(1, 4).toString(), "PNG");
    }
    assert.match(completion?.caption ?? "", /各单位办结情况/);
    assert.match(trend?.caption ?? "", /未办结与已办结走势/);
  });

  test("a unit head sees their own unit and no other; an official sees neither", async () => {
    const [own] = await command(HEAD, "/report 本周", 3);
    assert.match(own?.text ?? "", /云溪县\n县财政局 · 本周 2026-11-23 – 2026-11-29/);
    const [other] = await command(HEAD, "/report 单位 县教育局", 1);
    assert.match(other?.text ?? "", /只有该单位的负责人或县管理员/);
    const [county] = await command(HEAD, "/report county", 1);
    assert.match(county?.text ?? "", /你不是这个县的管理员/);
    const [none] = await command(OFFICIAL, "/report", 1);
    assert.match(none?.text ?? "", /你不是这个县的管理员/);
    const [unknown] = await command(ADMIN, "/report 单位 不存在局", 1);
    assert.match(unknown?.text ?? "", /没有找到单位“不存在局”/);
    const [badPeriod] = await command(ADMIN, "/report 2026-11-30..2026-11-01", 1);
    assert.match(badPeriod?.text ?? "", /时段看不懂/);
    const denied = await h.database.db.auditLog.count({ where: { action: "access.denied" } });
    assert.equal(denied, 3);
  });

  test("/export sends the ledger as XLSX with a row per assignment, and as CSV on request", async () => {
    const [xlsx] = await command(ADMIN, "/export", 1);
    assert.equal(xlsx?.document?.file_name, "督办台账-云溪县-全县-2026-11-25.xlsx");
    const book = new ExcelJS.Workbook();
    const bytes = await download(xlsx?.document?.file_id ?? "");
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    assert.equal((book.worksheets[0]?.rowCount ?? 0) - 1, await h.database.db.assignment.count());
    const [csv] = await command(HEAD, "/export csv 本月", 1);
    assert.match(csv?.document?.file_name ?? "", /^督办台账-云溪县-县财政局-2026-11-25\.csv$/);
    const lines = (await download(csv?.document?.file_id ?? "")).toString("utf8").trim().split("\r\n");
    const unitRows = await expectedStats(h.database.db, { kind: "unit", regionId: f.regionId, unitId: f.unitIds[0] ?? 0 }, periodOf({ kind: "month" }, NOW, "Asia/Shanghai"));
    assert.equal(lines.length - 1, unitRows[0]?.assigned);
    assert.equal(await h.database.db.auditLog.count({ where: { action: "ledger.export" } }), 2);
    const households = book.getWorksheet("联系覆盖");
    assert.equal(households?.getCell("F2").value, "138****5678");
  });

  test("nothing the bot sent holds an unmasked phone or ID number", async () => {
    assert.deepEqual(await scanBotRequests(h.client, h.emulator.url), []);
  });
});
