// Issue 6, the buttons under reminders, through the emulator: a task is published, its
// reminders arrive with status and snooze buttons; 明天 moves them to tomorrow's slot, a
// check-in merged with a reminder offers the task list, 已完成 on a reminder finishes the
// task and stops its reminders, and a forged snooze of another county's task is refused.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { countySettings } from "../../src/domain/county-settings.js";
import { planDeadlineReminders } from "../../src/domain/reminder-plan.js";
import type { MessageView } from "../../src/emulator/client.js";
import { planDeliveries } from "../../src/scheduler/merge.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import type { OutboxRow } from "../../src/scheduler/outbox.js";
import { atLocalTime, endOfLocalDay } from "../../src/time.js";
import { createWorkingCalendar } from "../../src/working-calendar.js";
import { plantButton, pressRefused } from "../org/e2e-helpers.js";
import { ADMIN, OFFICIAL_A, OFFICIAL_B, buttonsOf, fromBot, press, startCounty, upload, waitForBot, type County } from "../lifecycle/helpers.js";

const zone = "Asia/Shanghai";
const REPORT = [
  "5月3日，云阳县召开脱贫攻坚资金监管推进会，县长覃昌德主持会议并讲话。",
  "覃昌德要求：",
  "一、县财政局要在5月12日前完成扶贫资金绩效评价。具体做到：（一）摸清资金底数；（二）逐项核对项目。",
  "二、县扶贫办要加强项目监管，8月底前完成全覆盖检查。",
].join("\n");
const SNOOZE_LABELS = ["💤 1 小时后", "💤 明天", "💤 下个工作日"];
const labels = (m: MessageView): string[] => buttonsOf(m).map((b) => b.text);

for (const provider of PROVIDERS) {
  describe(`reminder buttons in chat on ${provider}`, { skip: provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false }, () => {
    let c: County;
    let assignmentId: number;

    before(async () => {
      c = await startCounty(provider);
    });
    after(async () => {
      await c.stop();
    });

    /** Moves the clock to a local time of the county and waits for the bot's next message to `userId` matching `text`. */
    async function at(local: string, userId: number, text: RegExp): Promise<MessageView> {
      const [date = "", time = ""] = local.split(" ");
      const seen = (await c.h.client.messages(userId)).length;
      c.h.clock.set(atLocalTime(date, time, zone));
      c.h.app.scheduler.dispatcher.trigger();
      const message = await waitForBot(c, userId, (m) => text.test(m.text ?? ""), 20000);
      assert.ok((await c.h.client.messages(userId)).length > seen, "a new message");
      return message;
    }

    async function answerOf(callbackQueryId: string): Promise<string | undefined> {
      for (let tries = 0; tries < 400; tries++) {
        const state = await c.h.client.callbackAnswer(callbackQueryId);
        if (state.answered) return state.answer?.text;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error("the press was never answered");
    }

    const pendingReminders = (where: { address?: string } = {}) =>
      c.h.database.db.outboxMessage.findMany({ where: { assignmentId, state: "pending", kind: { startsWith: "reminder." }, ...where }, orderBy: { dueAt: "asc" } });

    test("publishing plans the reminders at once, each with the buttons its reader needs", async () => {
      let plan = await upload(c, ADMIN, "推进会.txt", new TextEncoder().encode(REPORT));
      plan = (await press(c, ADMIN, (await press(c, ADMIN, plan, "1.1")).message, "🗑 删除此项")).message;
      await press(c, ADMIN, plan, "🚀 交办");
      const card = await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("绩效评价"), 20000);
      assignmentId = Number(/#(\d+)/.exec(card.text ?? "")?.[1]);

      const rows = await pendingReminders();
      const byKind = (kind: string) => rows.find((r) => r.kind === kind && r.address === String(kind === "reminder.escalation" ? ADMIN : OFFICIAL_A));
      const texts = (kind: string) => (byKind(kind)?.payload as OutboxRow["payload"] | undefined)?.buttons?.map((row) => row.map((b) => b.text));
      assert.deepEqual(texts("reminder.before-3d"), [["🔄 进行中", "✅ 已完成", "⚠️ 有困难"], SNOOZE_LABELS]);
      assert.deepEqual(texts("reminder.escalation"), [[`🔎 查看任务 #${assignmentId}`]]);
      const checkIn = texts("reminder.check-in")?.flat() ?? [];
      assert.ok(checkIn.includes("✅ 已完成") && checkIn.some((l) => l.startsWith("☐ （一）摸清资金底数")), checkIn.join(" | "));
    });

    test("a reminder arrives with status and snooze buttons; 明天 answers with the time, drops the snooze row and moves the reminders", async () => {
      const reminder = await at("2017-05-09 09:00", OFFICIAL_A, /还有 3 天到期/);
      assert.deepEqual(labels(reminder), ["🔄 进行中", "✅ 已完成", "⚠️ 有困难", ...SNOOZE_LABELS]);
      const data = buttonsOf(reminder).find((b) => b.text === "💤 明天")?.data ?? "";
      // Pressed twice before the first is handled: both are answered, neither fails (F18).
      const presses = await Promise.all([1, 2].map(() => c.h.client.pressButton(OFFICIAL_A, OFFICIAL_A, reminder.message_id, data)));
      for (const { callbackQueryId } of presses) assert.equal(await answerOf(callbackQueryId), "⏰ 已推迟至 5月10日 09:00");
      const edited = await waitForBot(c, OFFICIAL_A, (m) => m.message_id === reminder.message_id && !labels(m).includes("💤 明天"));
      assert.deepEqual(labels(edited), ["🔄 进行中", "✅ 已完成", "⚠️ 有困难"]);
      const mine = await pendingReminders({ address: String(OFFICIAL_A) });
      assert.equal(mine[0]?.dueAt.toISOString(), atLocalTime("2017-05-10", "09:00", zone).toISOString(), "the next reminder waits for tomorrow's slot");
      assert.ok((await c.h.database.db.auditLog.count({ where: { action: "assignment.snooze", subject: `assignment:${assignmentId}` } })) >= 1);
    });

    test("nothing comes before tomorrow's slot; at it, the snoozed reminder does, with its snooze row again", async () => {
      const before = (await c.h.client.messages(OFFICIAL_A)).length;
      c.h.clock.set(atLocalTime("2017-05-10", "08:59", zone));
      await c.dispatcher.runOnce();
      assert.equal((await c.h.client.messages(OFFICIAL_A)).length, before);
      const again = await at("2017-05-10 09:00", OFFICIAL_A, /还有 2 天到期/);
      assert.deepEqual(labels(again).slice(3), SNOOZE_LABELS);
    });

    test("a reminder and a check-in due together come as one message whose button opens the task list", async () => {
      const merged = await at("2017-05-11 09:00", OFFICIAL_A, /你有 2 条督办提醒/);
      assert.match(merged.text ?? "", /还有 1 天到期[\s\S]*进展询问/);
      assert.deepEqual(labels(merged), ["📋 我的任务"]);
      await press(c, OFFICIAL_A, merged, "📋 我的任务");
      await waitForBot(c, OFFICIAL_A, (m) => m.message_id === merged.message_id && (m.text ?? "").includes(`#${assignmentId} 县财政局`));
    });

    test("已完成 on a reminder finishes the task and cancels its reminders; a later snooze answers that it is finished", async () => {
      const dueToday = await at("2017-05-12 09:00", OFFICIAL_A, /今日到期/);
      const forB = await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").includes("今日到期"), 20000);
      const done = await press(c, OFFICIAL_A, dueToday, "✅ 已完成");
      assert.equal(done.answer, "已标记办结，等待销号");
      // The reminder becomes the task card, as it is now.
      await waitForBot(c, OFFICIAL_A, (m) => m.message_id === dueToday.message_id && /督办任务 #\d+ · 县财政局/.test(m.text ?? ""));
      assert.equal((await c.h.database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).state, "done");
      assert.deepEqual(await pendingReminders(), []);

      const late = await press(c, OFFICIAL_B, forB, "💤 1 小时后");
      assert.equal(late.answer, "这项任务已办结，不再提醒。");
      await waitForBot(c, OFFICIAL_B, (m) => m.message_id === forB.message_id && !labels(m).some((l) => SNOOZE_LABELS.includes(l)));

      const seen = (await c.h.client.messages(OFFICIAL_A)).filter(fromBot).length;
      c.h.clock.set(atLocalTime("2017-05-16", "09:00", zone));
      await c.dispatcher.runOnce();
      assert.equal((await c.h.client.messages(OFFICIAL_A)).filter(fromBot).length, seen, "no reminder after the task is done");
    });

    test("a forged snooze of another county's task is refused and audited (B3)", async () => {
      const { db } = c.h.database;
      const region = await db.region.create({ data: { name: "邻县" } });
      const unit = await db.unit.create({ data: { regionId: region.id, name: "邻县财政局" } });
      const meeting = await db.meeting.create({ data: { regionId: region.id, title: "邻县会议", sourceText: "x", cleanedText: "x", contentHash: "other", metadata: {} } });
      const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 1, text: "邻县的任务" } });
      const other = await db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, dueAt: endOfLocalDay("2017-06-30", zone), assignedAt: c.h.clock.now() } });
      const data = `snz:${other.id}:tomorrow`;
      const refusal = await pressRefused(c.h, OFFICIAL_A, OFFICIAL_A, await plantButton(c.h, OFFICIAL_A, data), data);
      assert.equal(refusal, "这是其他单位的任务，你不能操作。");
      assert.equal((await db.assignment.findUniqueOrThrow({ where: { id: other.id } })).snoozedUntil, null);
      const denied = await db.auditLog.findMany({ where: { action: "access.denied", regionId: region.id } });
      assert.ok(denied.some((r) => JSON.stringify(r.details).includes("button:snz")));
    });
  });
}

describe("reminder buttons, pure parts", () => {
  const settings = countySettings({ timeZone: zone, quietStart: "22:00", quietEnd: "07:00", workingCalendar: false, settings: {} });
  const calendar = createWorkingCalendar({ respectWorkingDays: false });
  const local = (date: string, time = "09:00") => atLocalTime(date, time, zone);

  test("a snooze that covers no reminder still brings one back at its end, unless the deadline is far off", () => {
    const dueAt = endOfLocalDay("2026-03-13", zone);
    const input = { dueAt, assignedAt: local("2026-03-02"), now: local("2026-03-10", "09:05"), settings, calendar };
    const until = local("2026-03-10", "10:05");
    const snoozed = planDeadlineReminders({ ...input, snoozedUntil: until }).filter((r) => r.at.getTime() === until.getTime());
    assert.deepEqual(snoozed.map((r) => [r.kind, r.daysLeft]), [["before-1d", 3]]);
    const far = planDeadlineReminders({ ...input, dueAt: endOfLocalDay("2026-04-30", zone), snoozedUntil: until });
    assert.ok(!far.some((r) => r.at.getTime() === until.getTime()));
  });

  test("merged reminders offer their merged buttons once each; rows without them add none", () => {
    const list = [{ text: "📋 我的任务", data: "tl:all:0:0" }];
    const row = (id: number, mergedButtons?: OutboxRow["payload"]["buttons"]): OutboxRow => ({
      id, channel: "telegram", address: "7", kind: "reminder.before-1d", dueAt: new Date(0), expiresAt: null, attempts: 0, possibleDuplicate: false, assignmentId: id, dedupeKey: `k${id}`,
      payload: { text: `r${id}`, html: true, line: `• r${id}`, buttons: [[{ text: "x", data: `snz:${id}:hour` }]], ...(mergedButtons ? { mergedButtons } : {}) },
    });
    const header = (_locale: string | undefined, count: number) => `${count}:`;
    const [merged] = planDeliveries([row(1, [list]), row(2, [list]), row(3, [[{ text: "🔎 #3", data: "tv:3" }]])], header);
    assert.deepEqual(merged?.message.buttons, [list, [{ text: "🔎 #3", data: "tv:3" }]]);
    assert.equal(planDeliveries([row(4), row(5)], header)[0]?.message.buttons, undefined);
    assert.deepEqual(planDeliveries([row(6, [list])], header)[0]?.message.buttons, [[{ text: "x", data: "snz:6:hour" }]], "alone, a reminder keeps its own buttons");
  });
});
