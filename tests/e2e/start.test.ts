import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createInvite } from "../../src/services/invites.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, waitForCount, type BotHarness } from "../../src/testing/bot-harness.js";

describe("start, help and language through the emulator", () => {
  let h: BotHarness;
  let regionId: number;
  let unitId: number;

  before(async () => {
    h = await startBotHarness();
    const region = await h.database.db.region.create({ data: { name: "云溪县" } });
    const unit = await h.database.db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
    regionId = region.id;
    unitId = unit.id;
  });
  after(async () => {
    await h.stop();
  });

  const user = (id: number, language_code = "zh-hans") => h.client.createUser({ id, first_name: `用户${id}`, language_code });

  test("/start without an invite explains how to join, in the person's language", async () => {
    await user(101);
    const reply = await h.ask(101, "/start");
    assert.match(reply.text ?? "", /还没有加入任何县/);
    await user(102, "en");
    assert.match((await h.ask(102, "/start")).text ?? "", /Ask your county admin for an invite link/);
    await user(103, "zh-TW");
    assert.match((await h.ask(103, "/start")).text ?? "", /還沒有加入任何縣/);
  });

  test("an invite deep link joins the county and unit, once; forged and used-up links are refused", async () => {
    const invite = await createInvite(h.database.db, h.clock, {
      regionId, unitId, role: "official", validForHours: 24, uses: 1, createdById: null,
    });
    await user(111);
    const joined = await h.ask(111, `/start ${invite.token}`);
    assert.match(joined.text ?? "", /你已加入 云溪县 · 县财政局，身份：单位干部/);
    assert.ok(joined.entities?.some((e) => e.type === "bold"), "the county name is bold");
    await user(112);
    assert.match((await h.ask(112, `/start ${invite.token}`)).text ?? "", /邀请链接无效、已过期或已用完/);
    assert.match((await h.ask(112, "/start inv_forgedforgedforgedforgedforged00")).text ?? "", /邀请链接无效/);
    assert.match((await h.ask(112, `/start ${"x".repeat(64)}`)).text ?? "", /邀请链接无效/);
    const welcome = await h.ask(111, "/start");
    assert.match(welcome.text ?? "", /欢迎使用督办/);
    assert.match(welcome.text ?? "", /云溪县 · 县财政局 — 单位干部/);
    const redemptions = await h.database.db.auditLog.findMany({ where: { action: "invite.redeem" } });
    assert.equal(redemptions.length, 1);
  });

  test("/language stores the choice and the bot answers in it from then on", async () => {
    await user(121);
    const menu = await h.ask(121, "/language");
    const buttons = menu.reply_markup && "inline_keyboard" in menu.reply_markup ? menu.reply_markup.inline_keyboard.flat() : [];
    const english = buttons.find((b) => b.text.includes("English"));
    assert.ok(english?.callback_data);
    const { callbackQueryId } = await h.client.pressButton(121, 121, menu.message_id, english.callback_data);
    await h.client.waitForMessage(121, (m) => m.message_id === menu.message_id && (m.text ?? "").includes("English"));
    assert.equal((await h.client.callbackAnswer(callbackQueryId)).answered, true);
    assert.match((await h.ask(121, "/help")).text ?? "", /Duban · help/);
    const person = await h.database.db.person.findUniqueOrThrow({ where: { telegramUserId: 121n } });
    assert.equal(person.locale, "en");
  });

  test("bad input gets a clear reply and never crashes the bot (B8)", async () => {
    await user(131);
    assert.match((await h.ask(131, "/nosuchcommand")).text ?? "", /没有这个命令/);
    assert.match((await h.ask(131, "长".repeat(10_000))).text ?? "", /没有理解/);
    const before = (await h.client.messages(131)).length;
    await h.client.sendSticker(131, new Uint8Array([1, 2, 3]));
    const afterSticker = await waitForCount(h.client, 131, before + 2);
    assert.match(afterSticker.at(-1)?.text ?? "", /不能处理贴纸、语音/);
    await h.client.sendVoice(131, new Uint8Array([1, 2, 3]));
    const afterVoice = await waitForCount(h.client, 131, before + 4);
    assert.match(afterVoice.at(-1)?.text ?? "", /不能处理贴纸、语音/);
    const ownText = (await h.client.messages(131)).findLast((m) => m.from?.id === 131 && m.text);
    assert.ok(ownText);
    await h.client.editText(131, ownText.message_id, "edited");
    const group = await h.client.createGroup({ title: "陌生的群", memberIds: [131], creatorId: 131 });
    await h.client.sendText(131, "大家好", { chatId: group.id });
    await h.client.sendText(131, "/unknown", { chatId: group.id });
    assert.match((await h.ask(131, "/help")).text ?? "", /督办 · 使用帮助/, "still answering after all that");
    const groupMessages = await h.client.messages(group.id);
    assert.equal(groupMessages.filter((m) => m.from?.id === TEST_BOT_ID).length, 0, "nothing said in an unknown group");
  });

  test("a failing handler is logged, the person gets an apology, and the bot keeps running", async () => {
    await user(141);
    await h.database.db.$executeRawUnsafe(`ALTER TABLE "Membership" RENAME TO "MembershipAway"`);
    try {
      await h.database.db.person.create({ data: { name: "临时", telegramUserId: 141n } });
      assert.match((await h.ask(141, "/start")).text ?? "", /抱歉，处理你的请求时出错了/);
    } finally {
      await h.database.db.$executeRawUnsafe(`ALTER TABLE "MembershipAway" RENAME TO "Membership"`);
    }
    assert.match((await h.ask(141, "/start")).text ?? "", /还没有加入任何县/);
    assert.match(h.logs(), /update handling failed/);
  });

  test("the token never appears in logs (S3)", () => {
    assert.ok(h.logs().length > 0);
    assert.ok(!h.logs().includes(TEST_BOT_TOKEN));
    assert.ok(!h.logs().includes(TEST_BOT_TOKEN.split(":")[1] ?? "-"));
  });
});

describe("per-user rate limit (S5)", () => {
  let h: BotHarness;
  before(async () => {
    h = await startBotHarness({ env: { USER_RATE_LIMIT: "3" } });
  });
  after(async () => {
    await h.stop();
  });

  test("one user flooding is throttled with one notice while another is unaffected", async () => {
    await h.client.createUser({ id: 151, first_name: "刷屏", language_code: "zh-hans" });
    await h.client.createUser({ id: 152, first_name: "旁人", language_code: "en" });
    for (let i = 0; i < 30; i++) await h.client.sendText(151, `消息 ${i}`);
    assert.match((await h.ask(152, "/help")).text ?? "", /Duban · help/);
    const fromBot = await waitForCount(h.client, 151, 30 + 4, 8000).then((all) => all.filter((m) => m.from?.id === TEST_BOT_ID));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const settled = (await h.client.messages(151)).filter((m) => m.from?.id === TEST_BOT_ID);
    assert.equal(settled.length, fromBot.length, "nothing more arrives later");
    assert.equal(settled.filter((m) => /发送得太快了/.test(m.text ?? "")).length, 1, "exactly one notice");
    assert.equal(settled.filter((m) => /没有理解/.test(m.text ?? "")).length, 3, "only the first three are handled");
  });
});
