// Loading the holidays of a year the calendar library does not know (2027, as of late 2026)
// from chat: the overview, pasting, uploading, refusals line by line, who may, and the
// reminders that move once the year is known.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { createI18n } from "../../src/bot/i18n.js";
import { decide } from "../../src/domain/permissions.js";
import { extendReminderPlans, planAssignmentReminders, type PlannerDeps } from "../../src/scheduler/reminder-planner.js";
import type { BotHarness } from "../../src/testing/bot-harness.js";
import { atLocalTime, endOfLocalDay, localDateOf } from "../../src/time.js";
import { botMessage, deniedRows, OWNER_ID, plantButton, press, pressRefused, say, startOrgHarness } from "../org/e2e-helpers.js";

const ADMIN = 9401;
const OFFICIAL = 9402;
const zone = "Asia/Shanghai";
const i18n = createI18n("zh-CN");

const SCHEDULE = [
  "# 2027 年部分节假日安排",
  "2027-01-01~2027-01-03 休 元旦",
  "2027-02-06~2027-02-12 休 春节",
  "2027-02-14 班 春节调休",
  "2027-04-05 休 清明节",
].join("\n");

/** The planned "before the deadline" reminders of the official, as kind@local date. */
async function officialReminders(h: BotHarness): Promise<string[]> {
  const rows = await h.database.db.outboxMessage.findMany({ where: { address: String(OFFICIAL), state: "pending", kind: { in: ["reminder.before-7d", "reminder.before-3d", "reminder.before-1d", "reminder.due-today"] } }, orderBy: { dueAt: "asc" } });
  return rows.map((r) => `${r.kind.replace("reminder.", "")}@${localDateOf(r.dueAt, zone)}`);
}

const loaded2027 = (h: BotHarness) => h.database.db.calendarDay.count({ where: { date: { startsWith: "2027-" } } });

describe("holidays of an unknown year, loaded from chat", () => {
  let h: BotHarness;
  let deps: PlannerDeps;
  let adminId: number;

  before(async () => {
    h = await startOrgHarness();
    h.clock.set(atLocalTime("2026-11-24", "10:00", zone));
    deps = { store: h.database, clock: h.clock, translate: (locale, key, vars) => i18n.t(locale, key, vars), defaultLocale: "zh-CN" };
    const { db } = h.database;
    await h.client.createUser({ id: ADMIN, first_name: "王主任", language_code: "zh-hans" });
    await h.client.createUser({ id: OFFICIAL, first_name: "李干事", language_code: "zh-hans" });
    const region = await db.region.create({ data: { name: "云溪县" } });
    const admin = await db.person.create({ data: { name: "王主任", telegramUserId: BigInt(ADMIN) } });
    adminId = admin.id;
    const unit = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
    const official = await db.person.create({ data: { name: "李干事", telegramUserId: BigInt(OFFICIAL) } });
    await db.membership.createMany({ data: [
      { personId: admin.id, regionId: region.id, role: "admin" },
      { personId: official.id, regionId: region.id, unitId: unit.id, role: "official" },
    ] });
    const meeting = await db.meeting.create({ data: { regionId: region.id, title: "县政府常务会议", sourceText: "x", cleanedText: "x", contentHash: "h", metadata: {} } });
    const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 1, text: "春节前完成农民工工资清欠" } });
    // Due on Monday 2027-02-15, right after the Spring Festival week of this schedule.
    const assignment = await db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, dueAt: endOfLocalDay("2027-02-15", zone), assignedAt: h.clock.now() } });
    await planAssignmentReminders(deps, assignment.id);
  });
  after(async () => {
    await h.stop();
  });

  test("/holidays shows the library's years, that 2027 is unknown, and the format", async () => {
    const overview = await say(h, ADMIN, "/holidays", /节假日与调休/);
    const text = overview.text ?? "";
    assert.match(text, /日历库（chinese-days）已有：2004–2026 年/);
    assert.match(text, /管理员载入：无/);
    assert.match(text, /⚠️ 2027 年的放假安排尚未载入/);
    assert.match(text, /2027-02-06~2027-02-12 休 春节\n2027-02-14 班 春节调休/);
    const menu = await say(h, ADMIN, "/admin", /管理菜单/);
    await press(h, ADMIN, ADMIN, menu, /节假日与调休/, /2027 年的放假安排尚未载入/);
  });

  test("meanwhile reminders skip weekends only, and the admins are told to use /holidays", async () => {
    assert.deepEqual(await officialReminders(h), ["before-7d@2027-02-08", "before-1d@2027-02-12", "due-today@2027-02-15"]);
    assert.equal((await extendReminderPlans(deps)).warnings, 1);
    h.app.scheduler.trigger();
    // The dispatcher's own tick (every 5 s) sends it too, should the trigger find it busy.
    const warning = await h.client.waitForMessage(ADMIN, (m) => /2027 年的法定节假日和调休安排尚未载入/.test(m.text ?? ""), 12_000);
    assert.match(warning.text ?? "", /请发送 \/holidays/);
  });

  test("someone who administers no county is refused, and the refusal is audited", async () => {
    const refused = await say(h, OFFICIAL, "/holidays", /抱歉/);
    assert.match(refused.text ?? "", /只有县管理员或系统运维人员才能管理节假日安排/);
    const forged = await plantButton(h, OFFICIAL, "holl:0");
    assert.match(await pressRefused(h, OFFICIAL, OFFICIAL, forged, "holl:0"), /只有县管理员或系统运维人员/);
    assert.equal((await deniedRows(h, "command:holidays")).length, 1);
    assert.equal((await deniedRows(h, "button:holl")).length, 1);
    assert.equal(decide({ owner: false, grants: [{ regionId: 1, unitId: 2, role: "unit_head" }] }, { kind: "calendar.manage" }).allowed, false, "a unit head is not enough");
    assert.equal(await loaded2027(h), 0);
  });

  test("the admin pastes the 2027 schedule: it is loaded, audited, and the reminders move off its holidays", async () => {
    const overview = await say(h, ADMIN, "/holidays", /节假日与调休/);
    await press(h, ADMIN, ADMIN, overview, /载入放假安排/, /请发送放假安排/);
    const done = await say(h, ADMIN, SCHEDULE, /已载入/);
    assert.match(done.text ?? "", /✅ 已载入 2027 年 12 天。/);
    await botMessage(h, ADMIN, /已按新的安排重新计划 1 项任务的提醒/, done.message_id);
    assert.equal(await loaded2027(h), 12);
    const audit = await h.database.db.auditLog.findFirstOrThrow({ where: { action: "calendar.load" } });
    assert.equal(audit.actorId, adminId);
    // 3 days before is 2027-02-12, a holiday now: the previous working day is 2027-02-05, before
    // the festival; 1 day before is Sunday 2027-02-14, an adjusted working day (班), so it stays.
    assert.deepEqual(await officialReminders(h), ["before-3d@2027-02-05", "before-1d@2027-02-14", "due-today@2027-02-15"]);
    assert.equal((await extendReminderPlans(deps)).warnings, 0, "no more warnings about 2027");

    const again = await say(h, ADMIN, "/holidays", /节假日与调休/);
    assert.match(again.text ?? "", /• 2027 年：12 天/);
    assert.match(again.text ?? "", /✅ 2027 年的放假安排已知/);
    const year = await press(h, ADMIN, ADMIN, again, /2027 年/, /2027 年已载入的安排/);
    assert.match(year.text ?? "", /（12 天）\n2027-01-01~2027-01-03 休 元旦\n2027-02-06~2027-02-12 休 春节\n2027-02-14 班 春节调休\n2027-04-05 休 清明节/);
  });

  test("a .txt file (GBK) reloads the year: the loaded days are replaced, not added to", async () => {
    const overview = await say(h, ADMIN, "/holidays", /节假日与调休/);
    const year = await press(h, ADMIN, ADMIN, overview, /2027 年/, /2027 年已载入的安排/);
    await press(h, ADMIN, ADMIN, year, /重新载入 2027 年/, /替换已载入的 12 天/);
    const corrected = "2027-01-01 休 元旦\r\n2027-02-06~2027-02-13 休 春节\r\n2027-02-14 班 春节调休\r\n2027-02-20 班 春节调休\r\n";
    const sent = await h.client.sendDocument(ADMIN, "2027年放假安排.txt", iconv.encode(corrected, "gbk"), { mimeType: "text/plain" });
    const done = await botMessage(h, ADMIN, /已载入/, sent.message_id);
    assert.match(done.text ?? "", /已载入 2027 年 11 天/);
    await botMessage(h, ADMIN, /重新计划 1 项任务的提醒/, done.message_id);
    assert.equal(await loaded2027(h), 11);
    assert.equal(await h.database.db.calendarDay.count({ where: { date: "2027-04-05" } }), 0, "清明 was not in the new file");
    assert.deepEqual(await officialReminders(h), ["before-3d@2027-02-05", "before-1d@2027-02-14", "due-today@2027-02-15"]);
  });

  test("a file with a bad date and an unknown kind is refused line by line and nothing is stored; the corrected text is", async () => {
    const before = await h.database.db.calendarDay.findMany({ orderBy: { date: "asc" } });
    const overview = await say(h, ADMIN, "/holidays", /节假日与调休/);
    await press(h, ADMIN, ADMIN, overview, /载入放假安排/, /请发送放假安排/);
    const bad = "2027-05-01~2027-05-05 休 劳动节\n2027-02-30 休 春节\n\n2027-05-08 补 劳动节调休\n2027-06-20 休 <b>端午</b>\n";
    const sent = await h.client.sendDocument(ADMIN, "holidays.txt", new TextEncoder().encode(bad), { mimeType: "text/plain" });
    const refused = await botMessage(h, ADMIN, /什么都没有载入/, sent.message_id);
    const text = refused.text ?? "";
    assert.match(text, /有 2 行不能识别/);
    assert.match(text, /第 2 行：没有这一天「2027-02-30 休 春节」/);
    assert.match(text, /第 4 行：第二项应为「休」或「班」「2027-05-08 补 劳动节调休」/);
    assert.doesNotMatch(text, /第 (1|5) 行/);
    assert.deepEqual(await h.database.db.calendarDay.findMany({ orderBy: { date: "asc" } }), before, "nothing stored");

    // The question stays open: the corrected schedule is simply sent again (names shown literally, B2).
    const fixed = await say(h, ADMIN, "2027-05-01~2027-05-05 休 劳动节\n2027-05-08 班 劳动节调休\n2027-06-20 休 <b>端午</b>", /已载入/);
    assert.match(fixed.text ?? "", /已载入 2027 年 7 天/);
    const overviewAfter = await say(h, ADMIN, "/holidays", /节假日与调休/);
    const year = await press(h, ADMIN, ADMIN, overviewAfter, /2027 年/, /2027 年已载入的安排/);
    assert.match(year.text ?? "", /2027-06-20 休 <b>端午<\/b>/);
  });

  test("an operator who administers no county may load a year too; a known year cannot be overwritten", async () => {
    await h.client.createUser({ id: OWNER_ID, first_name: "运维", language_code: "zh-hans" });
    const overview = await say(h, OWNER_ID, "/holidays", /节假日与调休/);
    await press(h, OWNER_ID, OWNER_ID, overview, /载入放假安排/, /请发送放假安排/);
    const refused = await say(h, OWNER_ID, "2026-10-01~2026-10-08 休 国庆节", /什么都没有载入/);
    assert.match(refused.text ?? "", /第 1 行：这一年的安排日历库已有，不能在这里替换/);
    const done = await say(h, OWNER_ID, "2028-01-01 休 元旦", /已载入/);
    assert.match(done.text ?? "", /已载入 2028 年 1 天/);
    const owner = await h.database.db.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(OWNER_ID) } });
    assert.equal((await h.database.db.auditLog.findFirstOrThrow({ where: { action: "calendar.load", subject: "2028" } })).actorId, owner.id);
  });
});
