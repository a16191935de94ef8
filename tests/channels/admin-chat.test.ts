// /channels end to end: the real bot on the emulator, a local WeCom fake. A county admin
// registers a unit's WeCom group by typed answers, the webhook key is deleted from the
// chat and never shown back, the test message arrives, the endpoint is removed; others
// are refused.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { FakeWecom } from "../../src/channels/fakes/wecom-server.js";
import { startBotHarness, TEST_BOT_ID, type BotHarness } from "../../src/testing/bot-harness.js";
import { botMessage, press } from "../org/e2e-helpers.js";

const ADMIN = 9101;
const STRANGER = 9102;
const KEY = "5d0e4c1a-77b2-4f3e-9a10-c0ffee00beef";

let h: BotHarness;
const wecom = new FakeWecom();

before(async () => {
  await wecom.server.listen();
  wecom.addRobot(KEY, "县财政局工作群");
  // The feature reads the robot API roots from the environment when it sends.
  process.env.WECOM_API_ROOT = wecom.server.url;
  h = await startBotHarness({ env: { USER_RATE_LIMIT: "1000", PII_KEY: randomBytes(32).toString("base64") } });
  await h.client.configure({ limits: { privateBurst: 1000, privatePerSecond: 1000, groupPerWindow: 1000 } });
  for (const id of [ADMIN, STRANGER]) await h.client.createUser({ id, first_name: `用户${id}`, language_code: "zh-hans" });
  const { db } = h.database;
  const region = await db.region.create({ data: { name: "云溪县" } });
  await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
  const person = await db.person.create({ data: { name: "王", telegramUserId: BigInt(ADMIN) } });
  await db.membership.create({ data: { personId: person.id, regionId: region.id, role: "admin" } });
});

after(async () => {
  await h.stop();
  await wecom.server.close();
});

test("an admin adds a unit's WeCom group, tests it and removes it; the key never shows in chat", async () => {
  const list = await h.ask(ADMIN, "/channels");
  assert.match(list.text ?? "", /云溪县 · 送达渠道/);
  await press(h, ADMIN, ADMIN, list, /企业微信群/, /起个名字/);
  await h.ask(ADMIN, "财政局工作群");
  await h.ask(ADMIN, "县财政局");
  const sent = await h.client.sendText(ADMIN, `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`);
  const view = await botMessage(h, ADMIN, /密钥：…beef/, sent.message_id);
  assert.match(view.text ?? "", /范围：县财政局/);
  const chat = await h.client.messages(ADMIN);
  assert.equal(chat.find((m) => m.message_id === sent.message_id)?.deleted, true, "the admin's message with the key is deleted");
  assert.ok(chat.filter((m) => m.from?.id === TEST_BOT_ID).every((m) => !(m.text ?? "").includes(KEY)), "the bot never echoes the key");
  const stored = await h.database.db.channelEndpoint.findFirstOrThrow();
  assert.ok(!stored.configCipher.includes(KEY), "stored encrypted");
  const prompts = await h.database.db.pendingPrompt.findMany();
  assert.ok(prompts.every((p) => !JSON.stringify(p.payload).includes(KEY)));

  await press(h, ADMIN, ADMIN, view, /测试消息/, /测试消息已送达/);
  assert.equal(wecom.messages.length, 1);
  assert.match(wecom.messages[0]?.content ?? "", /云溪县 督办机器人的测试消息/);

  const confirm = await press(h, ADMIN, ADMIN, view, /删除/, /确定删除/);
  await press(h, ADMIN, ADMIN, confirm, /确认删除/, /已删除渠道/);
  assert.equal(await h.database.db.channelEndpoint.count(), 0);
});

test("a bad webhook URL is asked again without echoing it", async () => {
  const list = await h.ask(ADMIN, "/channels");
  await press(h, ADMIN, ADMIN, list, /企业微信群/, /起个名字/);
  await h.ask(ADMIN, "群二");
  await h.ask(ADMIN, "-");
  const sent = await h.client.sendText(ADMIN, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?nokey=secret-looking-value");
  const refusal = await botMessage(h, ADMIN, /格式不对：\*\*\*/, sent.message_id);
  await botMessage(h, ADMIN, /Webhook 地址/, refusal.message_id);
  assert.ok(!(refusal.text ?? "").includes("secret-looking-value"));
  await h.ask(ADMIN, "/cancel");
});

test("a refused key: the test send shows WeCom's error and the channel is listed as off", async () => {
  const list = await h.ask(ADMIN, "/channels");
  await press(h, ADMIN, ADMIN, list, /企业微信群/, /起个名字/);
  await h.ask(ADMIN, "旧群");
  await h.ask(ADMIN, "-");
  const sent = await h.client.sendText(ADMIN, "0000aaaa-revoked-key");
  const view = await botMessage(h, ADMIN, /密钥：…-key/, sent.message_id);
  assert.match(view.text ?? "", /范围：全县/);
  await press(h, ADMIN, ADMIN, view, /测试消息/, /测试消息未送达：93000 invalid webhook url/);
  const again = await h.ask(ADMIN, "/channels");
  assert.ok((again.reply_markup && "inline_keyboard" in again.reply_markup ? again.reply_markup.inline_keyboard.flat() : []).some((b) => b.text.startsWith("⛔ 旧群")));
});

test("someone who administers no county is refused", async () => {
  const reply = await h.ask(STRANGER, "/channels");
  assert.doesNotMatch(reply.text ?? "", /送达渠道/);
});
