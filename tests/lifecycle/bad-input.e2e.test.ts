// What goes wrong in real use: text that is no report, files that are empty, too large or not
// documents, a publish by someone who is no longer an admin, buttons on a dropped directive,
// two admins on one draft, and a restart in the middle of a review.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { MessageView } from "../../src/emulator/client.js";
import {
  ADMIN, OFFICIAL_A, SECOND_ADMIN, addPerson, buttonsOf, press, say, seedText, startCounty, upload, waitForBot, type County,
} from "./helpers.js";

const ENGLISH_ADMIN = 1003;
const TRADITIONAL_OFFICIAL = 2004;

describe("bad input and concurrent use of the review", () => {
  let c: County;

  before(async () => {
    c = await startCounty();
    await addPerson(c.h, { regionId: c.regionId, unitId: null }, { telegramId: ENGLISH_ADMIN, name: "Admin", role: "admin", language: "en" });
    await addPerson(c.h, { regionId: c.regionId, unitId: c.units["县财政局"] ?? null }, { telegramId: TRADITIONAL_OFFICIAL, name: "陳明", role: "official", language: "zh-TW" });
  });
  after(async () => {
    await c.stop();
  });

  const STORY = "今天上午，县城下了一场大雨，街道上行人不多。雨后的空气格外清新，公园里的花开得正好，不少市民带着孩子出来散步。傍晚时分，天边出现了一道彩虹，引得路人纷纷驻足拍照。气象部门说，明天仍有小雨，气温略有下降，出门记得带伞。周末天气转晴，适合户外活动。菜市场里的蔬菜价格平稳，新上市的春笋很受欢迎。图书馆本周开放时间不变，欢迎读者前往借阅。";

  test("a long text without directives is not a report; short texts and non-admins' texts are left to the other handlers", async () => {
    const long = `${STORY}${STORY}`;
    assert.match((await say(c, ADMIN, long)).text ?? "", /没有找到会议部署/);
    assert.match((await say(c, ENGLISH_ADMIN, long)).text ?? "", /No directives were found/);
    assert.doesNotMatch((await say(c, ADMIN, "你好")).text ?? "", /会议部署/);
    assert.doesNotMatch((await say(c, OFFICIAL_A, long)).text ?? "", /会议部署|草稿/);
    assert.equal(await c.h.database.db.meeting.count(), 0);
  });

  test("empty, oversized, executable and archive files are refused with the reason, in the sender's language", async () => {
    assert.match((await upload(c, ADMIN, "空白.txt", new TextEncoder().encode(" \n\n "))).text ?? "", /“空白.txt”不能接收：文件是空的/);
    const big = new Uint8Array(25 * 1024 * 1024).fill(0x41);
    assert.match((await upload(c, ADMIN, "报道.txt", big, 60000)).text ?? "", /超过 20 MB/);
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new TextEncoder().encode("This program cannot be run in DOS mode")]);
    assert.match((await upload(c, ADMIN, "会议纪要.txt", exe)).text ?? "", /可执行程序/);
    assert.match((await upload(c, ENGLISH_ADMIN, "minutes.txt", exe)).text ?? "", /it is a program, not a document/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    assert.match((await upload(c, ADMIN, "报道.zip", zip)).text ?? "", /压缩包/);
    assert.match((await upload(c, ADMIN, "报道.txt", zip)).text ?? "", /压缩包/);
    const pdf = await upload(c, ADMIN, "报道<b>.pdf", new TextEncoder().encode("%PDF-1.4"));
    assert.equal(pdf.text, "文件“报道<b>.pdf”不能接收：只接收 .txt（UTF-8 或 GBK）和 .docx 文件。", "the file name is shown literally");
    assert.equal(await c.h.database.db.meeting.count(), 0);
  });

  let plan: MessageView;
  let meetingId: number;
  let otherPlan: MessageView;

  test("two admins edit the same draft and each sees the other's change; a dropped directive's buttons answer that it is gone", async () => {
    plan = await say(c, ADMIN, seedText());
    assert.match(plan.text ?? "", /会议草稿/);
    const meeting = await c.h.database.db.meeting.findFirstOrThrow();
    meetingId = meeting.id;
    const theirs = await say(c, ENGLISH_ADMIN, seedText());
    assert.match(theirs.text ?? "", /This report was received before \(meeting #\d+, draft\)/);
    const theirPlan = (await press(c, ENGLISH_ADMIN, theirs, "Open the draft")).message;
    assert.match(theirPlan.text ?? "", /Draft meeting:/);

    const mine = (await press(c, ADMIN, plan, "1.1")).message;
    const other = (await press(c, ENGLISH_ADMIN, theirPlan, "1.1")).message;
    const evidence = (await press(c, ADMIN, mine, /须留痕：否/)).message;
    await press(c, ENGLISH_ADMIN, other, "✏️ Edit text");
    await waitForBot(c, ENGLISH_ADMIN, (m) => (m.text ?? "").startsWith("Send the new text"));
    const edited = await say(c, ENGLISH_ADMIN, "市财政局牵头 <对接> 市政协扶贫集团成员单位");
    assert.match(edited.text ?? "", /市财政局牵头 <对接> 市政协扶贫集团成员单位/, "typed text is shown literally");
    assert.ok(buttonsOf(edited).some((b) => b.text === "📎 Evidence: required"), "the other admin's change is there");
    const row = await c.h.database.db.directive.findFirstOrThrow({ where: { meetingId, text: { startsWith: "市财政局牵头" } } });
    assert.equal(row.requiresEvidence, true);

    const dropped = await press(c, ADMIN, evidence, "🗑 删除此项");
    assert.match(dropped.message.text ?? "", /会议草稿/);
    const stale = await press(c, ENGLISH_ADMIN, edited, "🏢 Units");
    assert.equal(stale.answer, "This item no longer exists or is not yours to manage. Please start again from the menu.");
    assert.equal((await c.h.database.db.directive.findUniqueOrThrow({ where: { id: row.id } })).dropped, true);
    const denied = await c.h.database.db.auditLog.findMany({ where: { action: "access.denied" } });
    assert.ok(denied.some((r) => JSON.stringify(r.details).includes("gone")));
    plan = dropped.message;
  });

  test("a draft and a half-answered question survive a restart; a demoted admin cannot publish", async () => {
    const directive = (await press(c, ADMIN, plan, "2.1")).message;
    await press(c, ADMIN, directive, "✏️ 改文字");
    await waitForBot(c, ADMIN, (m) => (m.text ?? "").startsWith("请发送这一项的新文字"));
    await c.restart();
    const edited = await say(c, ADMIN, "重启之后改的文字");
    assert.match(edited.text ?? "", /重启之后改的文字/);
    const page = await press(c, ADMIN, edited, "« 返回计划");
    assert.match(page.message.text ?? "", /会议草稿/);
    plan = page.message;

    const demotedPlan = await press(c, SECOND_ADMIN, await say(c, SECOND_ADMIN, seedText()), "打开草稿");
    await c.h.database.db.membership.updateMany({ where: { personId: c.people[SECOND_ADMIN] }, data: { role: "official", unitId: c.units["县财政局"] } });
    const refused = await press(c, SECOND_ADMIN, demotedPlan.message, /^🚀 交办/);
    assert.equal(refused.answer, "抱歉，你不是这个县的管理员，不能进行这项操作。");
    assert.equal((await c.h.database.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).state, "draft");
    const denied = await c.h.database.db.auditLog.findMany({ where: { action: "access.denied", actorId: c.people[SECOND_ADMIN] } });
    assert.ok(denied.some((r) => JSON.stringify(r.details).includes("button:rvx")));
  });

  test("cancel discards the draft and the same report can then be sent again; /tasks speaks traditional Chinese", async () => {
    const cancelled = await press(c, ADMIN, plan, "取消草稿");
    assert.match(cancelled.message.text ?? "", /已取消/);
    assert.equal((await c.h.database.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).state, "cancelled");
    const fresh = await say(c, ADMIN, seedText());
    assert.match(fresh.text ?? "", /会议草稿/);
    assert.equal(await c.h.database.db.meeting.count({ where: { state: "draft" } }), 1);
    const traditional = await say(c, TRADITIONAL_OFFICIAL, "/tasks");
    assert.match(traditional.text ?? "", /我的任務/);
  });

  test("an admin of two counties is asked which one the report is for", async () => {
    const other = await c.h.database.db.region.create({ data: { name: "奉节县" } });
    await c.h.database.db.membership.create({ data: { personId: c.people[ADMIN] ?? 0, regionId: other.id, role: "admin" } });
    const question = await say(c, ADMIN, seedText());
    assert.equal(question.text, "这份会议报道属于哪个县？");
    assert.deepEqual(buttonsOf(question).map((b) => b.text).sort(), ["云阳县", "奉节县"].sort());
    const plan = await press(c, ADMIN, question, "奉节县");
    assert.match(plan.message.text ?? "", /会议草稿[\s\S]*【张学锋】/, "the chooser becomes the plan");
    otherPlan = plan.message;
    assert.equal(await c.h.database.db.meeting.count({ where: { regionId: other.id, state: "draft" } }), 1);
  });

  test("a directive gets a recurrence, and two directives merge into one", async () => {
    let screen = (await press(c, ADMIN, otherPlan, "4.1.1")).message;
    screen = (await press(c, ADMIN, screen, "🔁 周期")).message;
    screen = (await press(c, ADMIN, screen, "每月")).message;
    assert.match(screen.text ?? "", /周期：每月/);
    screen = (await press(c, ADMIN, screen, "🔗 与下一项合并")).message;
    assert.match(screen.text ?? "", /要持续不断开展脱贫攻坚回头看[\s\S]*要完善贫困户动态管理机制/);
    const page = (await press(c, ADMIN, screen, "« 返回计划")).message;
    assert.ok(buttonsOf(page).some((b) => b.text === "4.1.3"), "the numbering closes up");
    assert.ok(!buttonsOf(page).some((b) => b.text === "4.1.4"));
    assert.match(page.text ?? "", /4\.1\.2 要严禁乡村干部优亲厚友/);
  });
});
