import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createI18n } from "../../src/bot/i18n.js";
import { openDatabase, type Db } from "../../src/db/client.js";
import { DIGEST_KIND, sendDailyDigests, type DigestDeps } from "../../src/scheduler/daily-digest.js";
import type { OutboxPayload } from "../../src/scheduler/outbox.js";
import { postgresAvailable, PROVIDERS, type TestDatabase } from "../../src/testing/databases.js";
import { endOfLocalDay } from "../../src/time.js";
import { onBothDatabases } from "../org/helpers.js";
import { withHarness } from "./harness.js";

const i18n = createI18n("zh-CN");
const translate = (locale: string, key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
const ZONE = "Asia/Shanghai";
/** Wednesday 2026-11-25, 08:30 in Shanghai. */
const WED_0830 = new Date("2026-11-25T00:30:00Z");
const THU_0830 = new Date("2026-11-26T00:30:00Z");
const MINUTE = 60_000;
const due = (date: string) => endOfLocalDay(date, ZONE);

const depsOf = (database: Pick<TestDatabase, "db" | "provider">): DigestDeps => ({ store: database, translate, defaultLocale: "zh-CN" });

async function member(db: Db, regionId: number, name: string, telegramUserId: bigint | null, role: string, unitId: number | null, locale: string | null = null) {
  const person = await db.person.create({ data: { name, telegramUserId, locale } });
  await db.membership.create({ data: { personId: person.id, regionId, unitId, role } });
  return person;
}

/**
 * 云溪县: 县财政局 (an official, its head, a person who blocked the bot, one without Telegram),
 * 县教育局 (an English-speaking cadre, seven overdue tasks), 县农业农村局 (a member, no tasks),
 * an admin, a group following 县财政局 with digests on, one with digests off and one that
 * removed the bot.
 */
async function arrange(db: Db) {
  const region = await db.region.create({ data: { name: "云溪县" } });
  const meeting = await db.meeting.create({ data: { regionId: region.id, title: "县委常委会", sourceText: "-", cleanedText: "-", contentHash: "h", metadata: {}, state: "published" } });
  const unit = (name: string) => db.unit.create({ data: { regionId: region.id, name } });
  const [finance, education, farming] = [await unit("县财政局"), await unit("县教育局"), await unit("县农业农村局")];
  let position = 0;
  const task = async (unitId: number, text: string, state: string, dueAt: Date | null) => {
    const directive = await db.directive.create({ data: { meetingId: meeting.id, position: position++, text } });
    return db.assignment.create({ data: { directiveId: directive.id, unitId, state, dueAt, assignedAt: new Date("2026-11-01T02:00:00Z") } });
  };
  const li = await member(db, region.id, "李干事", 801n, "official", finance.id);
  const wang = await member(db, region.id, "王局长", 802n, "unit_head", finance.id);
  await db.unit.update({ where: { id: finance.id }, data: { headPersonId: wang.id } });
  const zhang = await member(db, region.id, "张干事", 803n, "cadre", education.id, "en");
  await member(db, region.id, "赵主任", 804n, "admin", null);
  await member(db, region.id, "闲人", 805n, "official", farming.id);
  const liu = await member(db, region.id, "刘干事", 806n, "official", finance.id);
  await db.chat.create({ data: { telegramChatId: 806n, type: "private", personId: liu.id, active: false, inactiveReason: "blocked", inactiveSince: new Date("2026-11-20T02:00:00Z") } });
  await db.person.update({ where: { id: liu.id }, data: { active: false, inactiveReason: "blocked" } });
  await member(db, region.id, "孙干事", null, "official", finance.id);
  const group = async (id: bigint, title: string, digests: boolean, active = true) => {
    const chat = await db.chat.create({ data: { telegramChatId: id, type: "supergroup", title, active } });
    return db.subscription.create({ data: { chatId: chat.id, regionId: region.id, digests } });
  };
  const financeGroup = await group(-1001n, "财政工作群", true);
  await db.subscriptionUnit.create({ data: { subscriptionId: financeGroup.id, unitId: finance.id } });
  await group(-1002n, "不要汇总", false);
  await group(-1003n, "老群", true, false);

  const a1 = await task(finance.id, "落实<专项>资金拨付", "in_progress", due("2026-11-20"));
  const a2 = await task(finance.id, "报送年度预算草案", "assigned", due("2026-11-25"));
  const a3 = await task(finance.id, "清理暂付款", "acknowledged", due("2026-11-30"));
  await task(finance.id, "已经办完的事", "done", due("2026-11-20"));
  await task(finance.id, "协调债务化解", "blocked", due("2026-12-20"));
  const a8 = await task(finance.id, "完善内控制度", "in_progress", null);
  const a6 = await task(education.id, "排查校舍安全隐患", "acknowledged", due("2026-11-10"));
  for (let day = 11; day <= 16; day++) await task(education.id, `整改第${day}号问题`, "in_progress", due(`2026-11-${day}`));
  const a7 = await task(education.id, "做好教师培训", "in_progress", null);
  const a9 = await task(education.id, "摸底辍学学生", "acknowledged", null);
  await db.extensionRequest.create({ data: { assignmentId: a6.id, requestedById: zhang.id, requestedDueAt: due("2026-12-10"), reason: "材料未齐" } });
  await db.extensionRequest.create({ data: { assignmentId: a1.id, requestedById: li.id, requestedDueAt: due("2026-12-10"), reason: "已批", state: "approved" } });

  // Check-ins: 教师培训 asked on Monday, never answered; 内控制度 asked and answered; 辍学 asked this morning (not yet late).
  let serial = 0;
  const checkIn = (assignmentId: number, address: string, sentAt: Date) => db.outboxMessage.create({
    data: { address, kind: "reminder.check-in", payload: { text: "进展询问" }, dueAt: sentAt, state: "sent", sentAt, providerMessageId: "1", dedupeKey: `ci:${serial++}`, assignmentId },
  });
  await checkIn(a7.id, "803", new Date("2026-11-23T01:00:00Z"));
  await checkIn(a8.id, "801", new Date("2026-11-23T01:00:00Z"));
  await checkIn(a8.id, "802", new Date("2026-11-23T01:00:00Z"));
  await db.statusUpdate.create({ data: { assignmentId: a8.id, authorId: li.id, note: "已起草", createdAt: new Date("2026-11-24T03:00:00Z") } });
  await checkIn(a9.id, "803", new Date("2026-11-25T00:10:00Z"));
  // Two reminders dropped when 刘干事 turned out to have blocked the bot.
  for (const n of [1, 2]) {
    await db.outboxMessage.create({ data: { address: "806", kind: "reminder.overdue", payload: { text: "-" }, dueAt: new Date("2026-11-20T01:00:00Z"), state: "dead", dedupeKey: `dead:${n}` } });
  }
  return { region, ids: { a1: a1.id, a2: a2.id, a3: a3.id, a6: a6.id, a7: a7.id } };
}

async function digests(db: Db, since?: Date) {
  const rows = await db.outboxMessage.findMany({ where: { kind: DIGEST_KIND, ...(since ? { createdAt: { gte: since } } : {}) }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, payload: r.payload as unknown as OutboxPayload }));
}

async function textFor(db: Db, address: string): Promise<string> {
  const row = (await digests(db)).find((r) => r.address === address);
  assert.ok(row, `a digest for ${address}`);
  return row.payload.text;
}

onBothDatabases("the daily digest", {
  "nothing before 08:30; from 08:30 one digest per reader with something to tell, once however often and wherever it runs": async (database) => {
    const { db } = database;
    const { region } = await arrange(db);
    const deps = depsOf(database);
    assert.equal(await sendDailyDigests(deps, new Date(WED_0830.getTime() - MINUTE)), 0, "08:29 is too early");
    assert.equal(await digests(db).then((r) => r.length), 0);

    assert.equal(await sendDailyDigests(deps, WED_0830), 5);
    const rows = await digests(db);
    // The official, the head, the cadre, the admin and the group following 县财政局; not the member without tasks,
    // the person who blocked the bot, the one without Telegram, nor the groups with digests off or gone.
    assert.deepEqual(rows.map((r) => r.address).sort(), ["-1001", "801", "802", "803", "804"]);
    for (const r of rows) {
      assert.equal(r.dedupeKey, `digest:${region.id}:2026-11-25:${r.address}`);
      assert.equal(r.dueAt.getTime(), WED_0830.getTime());
      assert.equal(r.expiresAt?.getTime(), due("2026-11-25").getTime(), "a digest is never sent a day late");
      assert.equal(r.payload.line, undefined, "never merged with reminders");
      assert.equal(r.payload.html, true);
      assert.ok(r.payload.text.length <= 4096);
    }
    assert.equal(await sendDailyDigests(deps, new Date(WED_0830.getTime() + 60 * MINUTE)), 0, "once a day");

    // Thursday, from two processes at once: each reader still gets one.
    const other = await openDatabase(database.url);
    try {
      const [first, second] = await Promise.all([sendDailyDigests(deps, THU_0830), sendDailyDigests(depsOf(other), THU_0830)]);
      assert.equal(first + second, 5);
    } finally {
      await other.close();
    }
    const thursday = (await digests(db)).filter((r) => r.dedupeKey.includes(":2026-11-26:"));
    assert.deepEqual(thursday.map((r) => r.address).sort(), ["-1001", "801", "802", "803", "804"]);
  },

  "each reader is told their units' tasks; supervisors the units' numbers, unanswered check-ins and who cannot be reached": async (database) => {
    const { db } = database;
    const { ids } = await arrange(db);
    await sendDailyDigests(depsOf(database), new Date(WED_0830.getTime() + 5 * MINUTE));
    const mine = [
      "<b>本单位的任务</b>",
      "🔴 已逾期 1 项",
      `• #${ids.a1} 落实&lt;专项&gt;资金拨付（11-20 到期，已逾期 5 天）`,
      "🟠 今天到期 1 项",
      `• #${ids.a2} 报送年度预算草案（11-25 到期）`,
      "🔵 7 天内到期 1 项",
      `• #${ids.a3} 清理暂付款（11-30 到期）`,
    ];
    assert.equal(await textFor(db, "801"), ["☀️ <b>每日督办汇总 · 云溪县</b>（2026-11-25）", "", ...mine].join("\n"));

    const financeNumbers = "· <b>县财政局</b> 逾期 1 · 未签收 1 · 有困难 1";
    assert.equal(await textFor(db, "802"), ["☀️ <b>每日督办汇总 · 云溪县</b>（2026-11-25）", "", ...mine, "", "<b>督办情况</b>", financeNumbers].join("\n"), "the head: own tasks and the unit's numbers; the answered check-in is not listed");

    const english = (await textFor(db, "803")).split("\n");
    assert.deepEqual(english.slice(0, 5), ["☀️ <b>Daily digest · 云溪县</b> (2026-11-25)", "", "<b>Your units' tasks</b>", "🔴 Overdue: 7", `• #${ids.a6} 排查校舍安全隐患 (due 11-10, 15 days late)`]);
    assert.equal(english.filter((l) => l.startsWith("• #")).length, 5);
    assert.equal(english.at(-1), "… and 2 more; send /tasks to see them all");
    assert.ok(!english.includes("<b>Supervision</b>"), "a cadre supervises nobody");

    assert.equal(await textFor(db, "804"), [
      "☀️ <b>每日督办汇总 · 云溪县</b>（2026-11-25）",
      "",
      "<b>督办情况</b>",
      "合计：逾期 8 · 未签收 1 · 有困难 1 · 延期申请 1",
      "· <b>县教育局</b> 逾期 7 · 延期申请 1",
      financeNumbers,
      "",
      "<b>进展询问未回复</b>：1 项",
      `· #${ids.a7} 做好教师培训 · 县教育局（11-23 询问：张干事）`,
      "",
      "<b>无法送达</b>：2 个（屏蔽了机器人、账号已注销或群已移除机器人）",
      "· 👥 老群：0 条消息未送达",
      "· 👤 刘干事：2 条消息未送达",
    ].join("\n"));

    assert.equal(await textFor(db, "-1001"), ["☀️ <b>每日督办汇总 · 云溪县</b>（2026-11-25）", "", "<b>督办情况</b>", financeNumbers].join("\n"), "the group sees the unit it follows");
  },

  "no digest on weekends and public holidays with the working calendar on; every day with it off": async (database) => {
    const { db } = database;
    const { region } = await arrange(db);
    const deps = depsOf(database);
    assert.equal(await sendDailyDigests(deps, new Date("2026-11-28T00:30:00Z")), 0, "Saturday");
    assert.equal(await sendDailyDigests(deps, new Date("2026-10-01T00:30:00Z")), 0, "National Day");
    await db.region.update({ where: { id: region.id }, data: { workingCalendar: false } });
    assert.equal(await sendDailyDigests(deps, new Date("2026-11-28T00:30:00Z")), 5);
  },

  "a county's own digest time decides; a time inside quiet hours waits for the morning": async (database) => {
    const { db } = database;
    const { region } = await arrange(db);
    const deps = depsOf(database);
    await db.region.update({ where: { id: region.id }, data: { settings: { digestTime: "07:30" }, quietEnd: "08:00" } });
    const seven30 = new Date("2026-11-24T23:30:00Z");
    assert.equal(await sendDailyDigests(deps, new Date(seven30.getTime() - MINUTE)), 0);
    assert.equal(await sendDailyDigests(deps, seven30), 5);
    assert.ok((await digests(db)).every((r) => r.dueAt.getTime() === new Date("2026-11-25T00:00:00Z").getTime()), "sent at 08:00, when quiet hours end");
  },
});

for (const provider of PROVIDERS) {
  describe(`the daily digest through the dispatcher on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("members read their digest in Telegram; a person who blocked the bot is listed with what was dropped in the admin's next one (F7)", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { db } = h.database;
        const region = await db.region.create({ data: { name: "云溪县" } });
        const finance = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
        const meeting = await db.meeting.create({ data: { regionId: region.id, title: "常委会", sourceText: "-", cleanedText: "-", contentHash: "h", metadata: {}, state: "published" } });
        const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 0, text: "落实资金拨付" } });
        const task = await db.assignment.create({ data: { directiveId: directive.id, unitId: finance.id, state: "in_progress", dueAt: due("2026-11-20") } });
        const [admin, li, liu] = [await h.person("赵主任"), await h.person("李干事"), await h.person("刘干事")];
        await db.membership.create({ data: { personId: admin.personId, regionId: region.id, role: "admin" } });
        for (const p of [li, liu]) await db.membership.create({ data: { personId: p.personId, regionId: region.id, unitId: finance.id, role: "official" } });
        await h.client.blockBot(liu.chatId);
        const deps = depsOf(h.database);

        h.clock.set(WED_0830);
        assert.equal(await sendDailyDigests(deps, h.clock.now()), 3);
        await h.dispatcher().drain();
        const [message] = await h.client.messages(li.chatId);
        assert.equal(message?.text, ["☀️ 每日督办汇总 · 云溪县（2026-11-25）", "", "本单位的任务", "🔴 已逾期 1 项", `• #${task.id} 落实资金拨付（11-20 到期，已逾期 5 天）`].join("\n"));
        assert.equal((await db.person.findUniqueOrThrow({ where: { id: liu.personId } })).active, false, "the blocked person is marked inactive");

        h.clock.set(THU_0830);
        assert.equal(await sendDailyDigests(deps, h.clock.now()), 2, "the admin and the official; not the person who blocked the bot");
        await h.dispatcher().drain();
        const adminMessages = await h.client.messages(admin.chatId);
        assert.equal(adminMessages.length, 2);
        assert.match(adminMessages[1]?.text ?? "", /无法送达：1 个[^\n]*\n· 👤 刘干事：1 条消息未送达$/);
      });
    });
  });
}
