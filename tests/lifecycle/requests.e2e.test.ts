// A task's life after the card arrives: checklist ticks edited into the card, 有困难 with a
// reason that reaches the unit head and the admin, extension requests approved and rejected,
// status changes batched for supervisors, and /tasks with its filters.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { MessageView } from "../../src/emulator/client.js";
import { ADMIN, OFFICIAL_A, OFFICIAL_B, addPerson, buttonsOf, press, say, startCounty, upload, waitForBot, type County } from "./helpers.js";

const HEAD = 2005;
const REPORT = [
  "5月3日，云阳县召开脱贫攻坚资金监管推进会，县长覃昌德主持会议并讲话。",
  "覃昌德要求：",
  "一、县财政局要在6月30日前完成扶贫资金绩效评价。具体做到：（一）摸清资金底数；（二）逐项核对项目；（三）形成评价报告。",
  "二、县扶贫办要加强项目监管，8月底前完成全覆盖检查。",
].join("\n");

describe("checklists, problems, extensions and the task list", () => {
  let c: County;
  let card: MessageView;
  let assignmentId: number;
  let groupId: number;

  before(async () => {
    c = await startCounty();
    c.people[HEAD] = await addPerson(c.h, { regionId: c.regionId, unitId: c.units["县财政局"] ?? null }, { telegramId: HEAD, name: "财政局长", role: "unit_head" });
    const group = await c.h.client.createGroup({ title: "云阳县督查群", memberIds: [ADMIN, HEAD] });
    groupId = group.id;
    const chat = await c.h.database.db.chat.create({ data: { telegramChatId: BigInt(group.id), type: "group", title: group.title ?? "" } });
    await c.h.database.db.subscription.create({ data: { chatId: chat.id, regionId: c.regionId } });
  });
  after(async () => {
    await c.stop();
  });

  test("sub-items for the same unit become a checklist on the card; each tick edits the card in place", async () => {
    let plan = await upload(c, ADMIN, "推进会.txt", new TextEncoder().encode(REPORT));
    const intro = await press(c, ADMIN, plan, "1.1");
    assert.match(intro.message.text ?? "", /具体做到/);
    plan = (await press(c, ADMIN, intro.message, "🗑 删除此项")).message;
    const published = await press(c, ADMIN, plan, "🚀 交办");
    assert.match(published.message.text ?? "", /已交办：2 项任务/);

    card = await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("绩效评价"), 20000);
    assert.match(card.text ?? "", /清单进度：0\/3/);
    assert.match(card.text ?? "", /期限：2017-06-30/);
    assignmentId = Number(/#(\d+)/.exec(card.text ?? "")?.[1]);
    card = (await press(c, OFFICIAL_A, card, /☐ （一）摸清资金底数/)).message;
    assert.match(card.text ?? "", /清单进度：1\/3/);
    assert.ok(buttonsOf(card).some((b) => b.text.startsWith("☑ （一）")));
    card = (await press(c, OFFICIAL_A, card, /☑ （一）/)).message;
    assert.match(card.text ?? "", /清单进度：0\/3/);
    card = (await press(c, OFFICIAL_A, card, /☐ （二）/)).message;
    card = (await press(c, OFFICIAL_A, card, /☐ （三）/)).message;
    assert.match(card.text ?? "", /清单进度：2\/3/);
    assert.equal(await c.h.database.db.checklistTick.count({ where: { assignmentId } }), 2);
  });

  test("status changes reach the unit head as one batched message, not one per tap", async () => {
    card = (await press(c, OFFICIAL_A, card, "✍️ 签收")).message;
    card = (await press(c, OFFICIAL_A, card, "🔄 进行中")).message;
    assert.match(card.text ?? "", /状态：进行中/);
    const before = (await c.h.client.messages(HEAD)).length;
    c.h.clock.advance(31 * 60_000);
    c.dispatcher.trigger();
    const batch = await waitForBot(c, HEAD, (m) => (m.text ?? "").includes("王芳 → 进行中"), 20000);
    assert.match(batch.text ?? "", /王芳 → 已签收[\s\S]*王芳 → 进行中/);
    const after = (await c.h.client.messages(HEAD)).slice(before).filter((m) => (m.text ?? "").includes("王芳 →"));
    assert.equal(after.length, 1);
  });

  test("有困难 asks for the reason and alerts the unit head and the admin", async () => {
    await press(c, OFFICIAL_A, card, "⚠️ 有困难");
    await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("请说明遇到的困难"));
    assert.equal((await say(c, OFFICIAL_A, "资金数据<未到位>")).text, "已记录困难，并已告知单位负责人和县管理员。");
    for (const supervisor of [HEAD, ADMIN]) {
      const alert = await waitForBot(c, supervisor, (m) => (m.text ?? "").includes(`任务 #${assignmentId} 遇到困难`), 20000);
      assert.match(alert.text ?? "", /王芳：资金数据<未到位>/);
    }
    assert.equal((await c.h.database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).state, "blocked");
    card = await waitForBot(c, OFFICIAL_A, (m) => m.message_id === card.message_id && (m.text ?? "").includes("状态：有困难"));
  });

  test("an approved extension moves the deadline and the requester is told; a rejected one leaves it", async () => {
    await press(c, OFFICIAL_A, card, "⏳ 申请延期");
    await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("请发送希望延到的日期"));
    assert.match((await say(c, OFFICIAL_A, "下个月")).text ?? "", /看不懂日期“下个月”/);
    assert.match((await say(c, OFFICIAL_A, "7月15日")).text ?? "", /延到 2017-07-15。请说明延期理由/);
    assert.match((await say(c, OFFICIAL_A, "等待审计报告")).text ?? "", /已提交延期申请（延到 2017-07-15）/);
    const request = await waitForBot(c, ADMIN, (m) => (m.text ?? "").includes("延期申请") && (m.text ?? "").includes("等待审计报告"), 20000);
    assert.match(request.text ?? "", /王芳 申请从 2017-06-30 延到 2017-07-15/);
    const approved = await press(c, ADMIN, request, "同意");
    assert.match(approved.message.text ?? "", /已批准/);
    await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("已获批准，期限已更新"), 20000);
    const moved = await c.h.database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    assert.equal(moved.dueAt?.toISOString(), "2017-07-15T15:59:59.999Z");

    const cardOfB = await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").includes(`#${assignmentId} `), 20000);
    await press(c, OFFICIAL_B, cardOfB, "⏳ 申请延期");
    await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").includes("请发送希望延到的日期"));
    await say(c, OFFICIAL_B, "2017-07-31");
    await say(c, OFFICIAL_B, "人手不足");
    const second = await waitForBot(c, ADMIN, (m) => (m.text ?? "").includes("人手不足"), 20000);
    await press(c, ADMIN, second, "不同意");
    await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").includes("未获批准，期限不变"), 20000);
    const kept = await c.h.database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    assert.equal(kept.dueAt?.toISOString(), "2017-07-15T15:59:59.999Z");
  });

  test("/tasks lists open tasks with filters; /task shows the problem and the extension in the trail", async () => {
    const list = await say(c, OFFICIAL_A, "/tasks");
    assert.match(list.text ?? "", /我的任务（全部未办结，1 项）/);
    assert.match(list.text ?? "", new RegExp(`#${assignmentId} 县财政局 · 县财政局要在6月30日前完成扶贫资金绩效评价`));
    const overdue = await press(c, OFFICIAL_A, list, "逾期");
    assert.match(overdue.message.text ?? "", /已逾期，0 项/);
    const week = await press(c, OFFICIAL_A, overdue.message, "本周到期");
    assert.match(week.message.text ?? "", /7 天内到期，0 项/);
    const byMeeting = await press(c, OFFICIAL_A, week.message, /^📋 /);
    assert.match(byMeeting.message.text ?? "", /按会议，1 项/);

    const history = await say(c, OFFICIAL_A, `/task ${assignmentId}`);
    assert.match(history.text ?? "", /王芳 有困难：资金数据<未到位>/);
    assert.match(history.text ?? "", /王芳 申请延期到 2017-07-15：等待审计报告（已批准）/);
    assert.match(history.text ?? "", /李强 申请延期到 2017-07-31：人手不足（已驳回）/);
  });

  test("the county's subscribed group gets the meeting summary and the cards; only the unit's people may act on them", async () => {
    const summary = await waitForBot(c, groupId, (m) => (m.text ?? "").startsWith("📢 会议部署已交办"), 30000);
    assert.match(summary.text ?? "", /云阳县召开脱贫攻坚资金监管推进会.*共 2 项任务/);
    const cards = (await c.h.client.messages(groupId)).filter((m) => (m.text ?? "").startsWith("📌 督办任务"));
    assert.equal(cards.length, 2);
    const otherUnits = cards.find((m) => (m.text ?? "").includes("县扶贫办要加强项目监管"));
    assert.ok(otherUnits);
    const refused = await press(c, HEAD, otherUnits, "✍️ 签收");
    assert.equal(refused.answer, "这是其他单位的任务，你不能操作。");
    assert.equal(await c.h.database.db.acknowledgement.count({ where: { personId: c.people[HEAD] } }), 0);
  });

  test("有困难 pressed on a card in a group asks in the person's private chat, and the group's card shows the answer", async () => {
    await c.h.database.db.assignment.update({ where: { id: assignmentId }, data: { state: "in_progress" } });
    const groupCard = (await c.h.client.messages(groupId)).find((m) => (m.text ?? "").includes(`#${assignmentId} `));
    assert.ok(groupCard);
    const pressed = await press(c, HEAD, groupCard, "⚠️ 有困难");
    assert.equal(pressed.answer, "问题已发到你与督办的私聊，请在私聊中回复。");
    const question = await waitForBot(c, HEAD, (m) => (m.text ?? "").includes(`任务 #${assignmentId}`));
    assert.ok(question);
    const groupQuestions = (await c.h.client.messages(groupId)).filter((m) => (m.text ?? "").includes("/cancel"));
    assert.equal(groupQuestions.length, 0, "nothing is asked in the group");
    assert.match((await say(c, HEAD, "配套资金尚未下达")).text ?? "", /已记录困难/);
    await waitForBot(c, groupId, (m) => m.message_id === groupCard.message_id && (m.text ?? "").includes("状态：有困难"));
  });

  test("in a county that closes off automatically, 已完成 closes the task without asking a supervisor", async () => {
    await c.h.database.db.region.update({ where: { id: c.regionId }, data: { settings: { autoClose: true } } });
    const cardOfB = await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").includes(`#${assignmentId} `));
    const done = await press(c, OFFICIAL_B, cardOfB, "✅ 已完成");
    assert.equal(done.answer, "已办结并自动销号");
    assert.match(done.message.text ?? "", /状态：已销号/);
    assert.equal((await c.h.database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).state, "closed");
    assert.equal(await c.h.database.db.outboxMessage.count({ where: { kind: "close-request" } }), 0);
  });
});
