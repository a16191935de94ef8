// Issue 5's acceptance run through the emulator: seed report 002 uploaded as a GBK .txt and
// as a .docx, reviewed in chat, published; 财政局's people sign, report with a photo and
// finish; the admin re-sends to who has not signed and closes it off; /task shows the trail.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { MessageView } from "../../src/emulator/client.js";
import {
  ADMIN, CADRE, OFFICIAL_A, OFFICIAL_B, buttonsOf, docx, gbk, lastFromBot, press, say, seedText, startCounty, upload, waitForBot, type County,
} from "./helpers.js";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

describe("a meeting report from upload to 销号", () => {
  let c: County;
  let plan: MessageView;
  let assignmentId: number;

  before(async () => {
    c = await startCounty();
  });
  after(async () => {
    await c.stop();
  });

  /** Opens the directive numbered `number` from the plan message, paging as needed. */
  async function openDirective(number: string): Promise<MessageView> {
    let page = plan;
    for (const direction of ["▶", "◀"]) {
      for (let i = 0; i < 5; i++) {
        if (buttonsOf(page).some((b) => b.text === number)) return (await press(c, ADMIN, page, number)).message;
        if (!buttonsOf(page).some((b) => b.text === direction)) break;
        page = (await press(c, ADMIN, page, direction)).message;
      }
    }
    throw new Error(`directive ${number} is on no page`);
  }

  test("the GBK .txt gives a plan preview in pages that fit Telegram; the same report as .docx is recognised", async () => {
    plan = await upload(c, ADMIN, "云阳县委常委扩大会议.txt", gbk(seedText()));
    assert.match(plan.text ?? "", /会议草稿：4月28日,云阳县委书记张学锋/);
    assert.match(plan.text ?? "", /【张学锋】/);
    assert.match(plan.text ?? "", /限期未定日期/);
    assert.match(plan.text ?? "", /年份系推断/);
    const pages = /第 1\/(\d+) 页/.exec(plan.text ?? "");
    assert.ok(pages && Number(pages[1]) > 1, "a long plan is paginated");
    let page = plan;
    const texts = [page.text ?? ""];
    for (let i = 1; i < Number(pages[1]); i++) {
      page = (await press(c, ADMIN, page, "▶")).message;
      texts.push(page.text ?? "");
    }
    for (const text of texts) assert.ok(text.length <= 4096, `page of ${text.length} characters`);
    const all = texts.join("\n");
    assert.match(all, /【覃昌德】/);
    assert.match(all, /10\.1 县财政局要加大对乡镇/);
    assert.match(all, /10\.2 县发改委、财政局、扶贫办等相关部门.*\n.*牵头：县发改委、县财政局、县扶贫办；协办：—/);
    assert.match(all, /❓驻村工作队/, "unknown units are marked");
    plan = page;

    const again = await upload(c, ADMIN, "云阳县委常委扩大会议.docx", await docx(seedText()));
    assert.match(again.text ?? "", /已经收到过（会议 #\d+，草稿）/);
    assert.equal(await c.h.database.db.meeting.count(), 1);
  });

  test("the admin reassigns a directive, requires evidence, sets a vague date by typing and resolves every problem", async () => {
    let screen = await openDirective("10.2");
    assert.match(screen.text ?? "", /县发改委、财政局、扶贫办等相关部门/);
    screen = (await press(c, ADMIN, screen, "🏢 单位")).message;
    screen = (await press(c, ADMIN, screen, "☑ 县发改委")).message;
    screen = (await press(c, ADMIN, screen, /⇄ 县扶贫办/)).message;
    assert.match(screen.text ?? "", /牵头：县财政局\n协办：县扶贫办/);

    screen = (await press(c, ADMIN, screen, "« 返回")).message;
    screen = (await press(c, ADMIN, screen, "« 返回计划")).message;
    plan = screen;
    screen = await openDirective("10.1");
    screen = (await press(c, ADMIN, screen, /须留痕：否/)).message;
    assert.ok(buttonsOf(screen).some((b) => b.text.includes("须留痕：是")));
    plan = (await press(c, ADMIN, screen, "« 返回计划")).message;

    let datesTyped = 0;
    for (let round = 0; round < 40; round++) {
      const published = await press(c, ADMIN, plan, /^🚀 交办/);
      if (!buttonsOf(published.message).some((b) => b.text === "去处理第一个问题")) break;
      screen = (await press(c, ADMIN, published.message, "去处理第一个问题")).message;
      const dropUnknown = buttonsOf(screen).find((b) => b.text.startsWith("✖ 去掉"));
      if (dropUnknown) {
        screen = (await press(c, ADMIN, screen, dropUnknown.text)).message;
      } else if (datesTyped === 0) {
        screen = (await press(c, ADMIN, screen, "📅 期限")).message;
        await press(c, ADMIN, screen, "⌨️ 输入日期");
        await waitForBot(c, ADMIN, (m) => (m.text ?? "").includes("请发送期限"));
        screen = await say(c, ADMIN, "6月30日");
        assert.match(screen.text ?? "", /期限：2017-06-30/);
        datesTyped++;
      } else {
        screen = (await press(c, ADMIN, screen, "✔ 确认不设期限")).message;
      }
      plan = (await press(c, ADMIN, screen, "« 返回计划")).message;
    }
    assert.equal(datesTyped, 1);
    const meeting = await c.h.database.db.meeting.findFirstOrThrow();
    assert.equal(meeting.state, "published");
    const done = await lastFromBot(c, ADMIN);
    assert.match(done.text ?? "", /已交办：\d+ 项任务/);
  });

  test("every member of 财政局 gets the card; one signs, the admin sees who has not and re-sends to them only", async () => {
    const card = await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("加大对乡镇"), 20000);
    assert.match(card.text ?? "", /督办任务 #\d+ · 县财政局/);
    assert.match(card.text ?? "", /期限：2017-12-31/);
    assert.match(card.text ?? "", /办结前须上传痕迹材料/);
    assignmentId = Number(/#(\d+)/.exec(card.text ?? "")?.[1]);
    await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").includes("加大对乡镇"), 20000);
    await waitForBot(c, CADRE, (m) => (m.text ?? "").includes("加大对乡镇"), 20000);
    const other = await waitForBot(c, OFFICIAL_A, (m) => (m.text ?? "").includes("县发改委、财政局、扶贫办等"), 20000);
    assert.match(other.text ?? "", /牵头：县财政局；协办：县扶贫办/);

    const signed = await press(c, OFFICIAL_A, card, "✍️ 签收");
    assert.equal(signed.answer, "已签收");
    assert.match(signed.message.text ?? "", /状态：已签收/);
    assert.equal((await press(c, OFFICIAL_A, signed.message, "✍️ 签收")).answer, "没有变化（已经是这个状态）。");

    const history = await say(c, ADMIN, `/task ${assignmentId}`);
    const list = await press(c, ADMIN, history, "👥 未签收名单");
    assert.match(list.message.text ?? "", /还有 2 人未签收：李强、赵六/);
    await press(c, ADMIN, list.message, "🔔 重新发送给未签收的人");
    const resent = await waitForBot(c, OFFICIAL_B, (m) => (m.text ?? "").startsWith("🔔 请签收"), 20000);
    assert.match(resent.text ?? "", new RegExp(`#${assignmentId}`));
    await waitForBot(c, CADRE, (m) => (m.text ?? "").startsWith("🔔 请签收"), 20000);
    const reminded = (await c.h.client.messages(OFFICIAL_A)).filter((m) => (m.text ?? "").startsWith("🔔"));
    assert.deepEqual(reminded, [], "who signed is not reminded");
  });

  test("the cadre must attach evidence before finishing; a photo in reply to the card counts; the admin closes it off", async () => {
    const card = await waitForBot(c, CADRE, (m) => (m.text ?? "").includes(`#${assignmentId} `) && !(m.text ?? "").startsWith("🔔"));
    const early = await press(c, CADRE, card, "✅ 已完成");
    assert.match(early.answer ?? "", /须先上传痕迹材料/);

    const photo = await c.h.client.sendPhoto(CADRE, "抽查.png", PNG, { caption: "已抽查 10 个乡镇 <b>资金</b>", replyToMessageId: card.message_id });
    const recorded = await waitForBot(c, CADRE, (m) => m.message_id > photo.message_id);
    assert.equal(recorded.text, `📝 已记录任务 #${assignmentId} 的反馈（附件 1 个）。`);

    const finished = await press(c, CADRE, card, "✅ 已完成");
    assert.equal(finished.answer, "已标记办结，等待销号");
    assert.match(finished.message.text ?? "", /状态：已办结（待销号）/);
    assert.equal(buttonsOf(finished.message).length, 0, "a finished card has no buttons left");

    const request = await waitForBot(c, ADMIN, (m) => (m.text ?? "").includes(`任务 #${assignmentId} 已办结，请销号`), 20000);
    assert.match(request.text ?? "", /报告人：赵六/);
    const closed = await press(c, ADMIN, request, "销号");
    assert.match(closed.message.text ?? "", /已销号/);
    assert.equal((await c.h.database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).state, "closed");
  });

  test("/task shows the whole trail, with who and when, and the audit log matches it", async () => {
    const history = await say(c, ADMIN, `/task ${assignmentId}`);
    const text = history.text ?? "";
    assert.match(text, /任务 #\d+ · 县财政局 · 已销号/);
    const steps = ["交办", "王芳 已签收", "赵六 反馈（附件 1 个）：已抽查 10 个乡镇 <b>资金</b>", "赵六 已办结（待销号）", "县督查室主任 已销号"];
    let at = 0;
    for (const step of steps) {
      const found = text.indexOf(step, at);
      assert.ok(found >= 0, `"${step}" after position ${at} in:\n${text}`);
      at = found;
    }
    assert.match(text, /• 2017-05-04 \d\d:\d\d 王芳/);

    const { db } = c.h.database;
    const trail = await db.auditLog.findMany({ where: { subject: `assignment:${assignmentId}` }, orderBy: { id: "asc" } });
    assert.deepEqual(trail.map((r) => r.action), ["assignment.ack", "assignment.update", "assignment.done", "assignment.close"]);
    assert.deepEqual(trail.map((r) => r.actorId), [c.people[OFFICIAL_A], c.people[CADRE], c.people[CADRE], c.people[ADMIN]]);
    const actions = new Set((await db.auditLog.findMany()).map((r) => r.action));
    for (const action of ["meeting.ingest", "draft.toggle-unit", "draft.toggle-role", "draft.evidence", "draft.deadline", "draft.drop-unknown", "draft.confirm-no-date", "meeting.publish"]) {
      assert.ok(actions.has(action), action);
    }
  });
});
