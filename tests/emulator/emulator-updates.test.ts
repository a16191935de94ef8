import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { Bot, InlineKeyboard } from "grammy";
import { BOT_ID, type Harness, TOKEN, assertApiError, startEmulator } from "./helpers.js";

describe("emulator: updates, polling and webhooks", () => {
  let h: Harness;
  let userId: number;
  before(async () => {
    h = await startEmulator({ webhookRetryMs: 50 });
  });
  after(() => h.close());
  /** Confirms every pending update. */
  const drain = async (): Promise<void> => {
    const last = (await h.api.getUpdates()).at(-1);
    if (last) await h.api.getUpdates({ offset: last.update_id + 1 });
  };
  beforeEach(async () => {
    await h.client.reset();
    userId = (await h.client.createUser({ first_name: "李", username: "li_cadre" })).id;
  });

  it("queues user messages with bot_command entities and confirms them by offset", async () => {
    await h.client.sendText(userId, "/start abc");
    await h.client.sendText(userId, "你好");
    const first = await h.api.getUpdates();
    assert.equal(first.length, 2);
    assert.deepEqual(first[0]?.message?.entities, [{ type: "bot_command", offset: 0, length: 6 }]);
    assert.equal(first[1]?.message?.text, "你好");
    assert.equal((await h.api.getUpdates({ offset: (first[0]?.update_id ?? 0) + 1 })).length, 1);
    assert.equal((await h.api.getUpdates({ offset: (first[1]?.update_id ?? 0) + 1 })).length, 0);
  });

  it("carries reply_to_message when a user replies to the bot", async () => {
    await h.client.sendText(userId, "/start");
    const question = await h.api.sendMessage(userId, "请上报进度");
    await h.client.sendText(userId, "已完成八成", { replyToMessageId: question.message_id });
    const reply = (await h.api.getUpdates()).at(-1)?.message;
    assert.equal(reply?.reply_to_message?.message_id, question.message_id);
    assert.equal(reply?.reply_to_message?.text, "请上报进度");
  });

  it("keeps update ids increasing across a reset, so a running poller misses nothing", async () => {
    await h.client.sendText(userId, "before");
    const offset = ((await h.api.getUpdates()).at(-1)?.update_id ?? 0) + 1;
    await h.client.reset();
    const again = await h.client.createUser({ first_name: "新" });
    await h.client.sendText(again.id, "after");
    assert.equal((await h.api.getUpdates({ offset }))[0]?.message?.text, "after");
  });

  it("caps getUpdates at limit (at most 100)", async () => {
    for (let i = 0; i < 105; i++) await h.client.sendText(userId, `m${i}`);
    assert.equal((await h.api.getUpdates({ limit: 5 })).length, 5);
    assert.equal((await h.api.getUpdates({ limit: 500 })).length, 100);
  });

  it("long polls until an update arrives", async () => {
    const started = Date.now();
    const polling = h.api.getUpdates({ timeout: 5 });
    setTimeout(() => void h.client.sendText(userId, "迟到的消息"), 150);
    const updates = await polling;
    assert.equal(updates[0]?.message?.text, "迟到的消息");
    assert.ok(Date.now() - started >= 100 && Date.now() - started < 3000);
  });

  it("ends a long poll after its timeout with no updates", async () => {
    const started = Date.now();
    assert.deepEqual(await h.api.getUpdates({ timeout: 1 }), []);
    assert.ok(Date.now() - started >= 900);
  });

  it("terminates the older of two concurrent polls with 409", async () => {
    const first = h.api.getUpdates({ timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = h.api.getUpdates({ timeout: 5 });
    await assertApiError(first, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    await h.client.sendText(userId, "x");
    assert.equal((await second).length, 1);
  });

  it("persists allowed_updates and filters updates created afterwards", async () => {
    await h.api.getUpdates({ allowed_updates: ["callback_query"] });
    await h.client.sendText(userId, "ignored");
    assert.deepEqual(await h.api.getUpdates(), []);
    await h.api.getUpdates({ allowed_updates: [] });
    await h.client.sendText(userId, "seen");
    assert.equal((await h.api.getUpdates())[0]?.message?.text, "seen");
  });

  it("delivers callback queries and records the answer; late answers are refused", async () => {
    await h.client.sendText(userId, "/start");
    const sent = await h.api.sendMessage(userId, "办结?", { reply_markup: new InlineKeyboard().text("办结", "done:7") });
    const { callbackQueryId } = await h.client.pressButton(userId, userId, sent.message_id, "done:7");
    const update = (await h.api.getUpdates()).find((u) => u.callback_query);
    assert.equal(update?.callback_query?.id, callbackQueryId);
    assert.equal(update?.callback_query?.data, "done:7");
    assert.equal(update?.callback_query?.message?.message_id, sent.message_id);
    assert.deepEqual(await h.client.callbackAnswer(callbackQueryId), { id: callbackQueryId, answered: false });
    await h.api.answerCallbackQuery(callbackQueryId, { text: "已记录" });
    assert.equal((await h.client.callbackAnswer(callbackQueryId)).answer?.text, "已记录");
    const late = await h.client.pressButton(userId, userId, sent.message_id, "done:7");
    h.clock.advance(16_000);
    const tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
    await assertApiError(h.api.answerCallbackQuery(late.callbackQueryId), 400, tooOld);
    await assertApiError(h.api.answerCallbackQuery("123"), 400, tooOld);
    await assert.rejects(h.client.pressButton(userId, userId, sent.message_id, "forged"), /no button/);
  });

  it("blocking gives 403 and my_chat_member; unblocking restores", async () => {
    await h.client.sendText(userId, "/start");
    await drain();
    await h.client.blockBot(userId);
    await assertApiError(h.api.sendMessage(userId, "x"), 403, "Forbidden: bot was blocked by the user");
    await h.client.unblockBot(userId);
    const updates = (await h.api.getUpdates()).filter((u) => u.my_chat_member);
    assert.deepEqual(
      updates.map((u) => [u.my_chat_member?.old_chat_member.status, u.my_chat_member?.new_chat_member.status]),
      [["member", "kicked"], ["kicked", "member"]],
    );
    assert.equal(updates[0]?.my_chat_member?.new_chat_member.user.id, BOT_ID);
    assert.equal((await h.api.sendMessage(userId, "欢迎回来")).text, "欢迎回来");
    await h.client.deactivateUser(userId);
    await assertApiError(h.api.sendMessage(userId, "x"), 403, "Forbidden: user is deactivated");
  });

  it("group upgrade emits migration messages and old id answers with migrate_to_chat_id", async () => {
    const other = await h.client.createUser({ first_name: "赵" });
    const group = await h.client.createGroup({ title: "乡镇工作群", memberIds: [userId, other.id] });
    assert.ok(group.id < 0);
    await h.api.sendMessage(group.id, "通知");
    await h.client.sendText(other.id, "/report 收到", { chatId: group.id });
    const newId = await h.client.upgradeGroup(group.id);
    assert.ok(String(newId).startsWith("-100"));
    await assertApiError(h.api.sendMessage(group.id, "x"), 400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: newId });
    assert.equal((await h.api.sendMessage(newId, "迁移后")).chat.type, "supergroup");
    const messages = (await h.api.getUpdates()).flatMap((u) => (u.message ? [u.message] : []));
    assert.ok(messages.some((m) => m.migrate_to_chat_id === newId && m.chat.id === group.id));
    assert.ok(messages.some((m) => m.migrate_from_chat_id === group.id && m.chat.id === newId));
    assert.ok(messages.some((m) => m.text === "/report 收到" && m.chat.id === group.id));
  });

  it("in privacy mode a group bot hears commands, replies and mentions only", async () => {
    const group = await h.client.createGroup({ title: "隐私群", memberIds: [userId] });
    const notice = await h.api.sendMessage(group.id, "请回复");
    await drain();
    for (const text of ["闲聊", "/help", "/help@other_bot", "/help@duban_bot", "请 @duban_bot 看看"]) {
      await h.client.sendText(userId, text, { chatId: group.id });
    }
    await h.client.sendText(userId, "好的", { chatId: group.id, replyToMessageId: notice.message_id });
    const heard = (await h.api.getUpdates()).map((u) => u.message?.text);
    assert.deepEqual(heard, ["/help", "/help@duban_bot", "请 @duban_bot 看看", "好的"]);
    assert.equal((await h.api.getMe()).can_read_all_group_messages, false);
  });

  it("removing the bot from a group gives my_chat_member and 403 on sends", async () => {
    const group = await h.client.createGroup({ title: "村委群", memberIds: [userId] });
    await h.client.removeBotFromGroup(group.id);
    await assertApiError(h.api.sendMessage(group.id, "x"), 403, "Forbidden: bot was kicked from the group chat");
    const changes = (await h.api.getUpdates()).flatMap((u) => (u.my_chat_member ? [u.my_chat_member.new_chat_member.status] : []));
    assert.deepEqual(changes, ["member", "kicked"]);
  });

  it("emits edited_message, stickers, voice and channel posts", async () => {
    const message = await h.client.sendText(userId, "原文");
    await h.client.editText(userId, message.message_id, "改后");
    await h.client.sendSticker(userId, Buffer.from("RIFF....WEBP"));
    await h.client.sendVoice(userId, Buffer.from("OggS"));
    const channel = await h.client.createGroup({ title: "公告", type: "channel", memberIds: [userId] });
    await h.client.channelPost(channel.id, "频道消息");
    const updates = await h.api.getUpdates();
    assert.equal(updates.find((u) => u.edited_message)?.edited_message?.text, "改后");
    assert.ok(updates.some((u) => u.message?.sticker));
    assert.ok(updates.some((u) => u.message?.voice));
    assert.equal(updates.find((u) => u.channel_post)?.channel_post?.text, "频道消息");
  });

  it("runs a grammY bot over long polling", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: h.emulator.url } });
    bot.command("start", (ctx) => ctx.reply(`欢迎 <b>${ctx.from?.first_name}</b>`, { parse_mode: "HTML" }));
    let started: () => void = () => undefined;
    const polling = new Promise<void>((resolve) => (started = resolve));
    const running = bot.start({ drop_pending_updates: true, onStart: () => started() });
    try {
      await polling;
      await h.client.sendText(userId, "/start");
      const reply = await h.client.waitForMessage(userId, (m) => m.from?.id === BOT_ID);
      assert.equal(reply.text, "欢迎 李");
      assert.deepEqual(reply.entities, [{ type: "bold", offset: 3, length: 1 }]);
    } finally {
      await bot.stop();
      await running;
    }
  });

  it("delivers to a webhook with the secret header, retrying refusals; getUpdates then gives 409", async () => {
    const received: Array<{ secret: string | undefined; text: string | undefined }> = [];
    let refuseNext = true;
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        if (refuseNext) {
          refuseNext = false;
          res.writeHead(500).end();
          return;
        }
        const update = JSON.parse(body) as { message?: { text?: string } };
        received.push({ secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined, text: update.message?.text });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = hook.address() as AddressInfo;
      await h.api.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: "s3cret" });
      await assertApiError(h.api.getUpdates(), 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      await h.client.sendText(userId, "一");
      await h.client.sendText(userId, "二");
      const deadline = Date.now() + 3000;
      while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(received, [
        { secret: "s3cret", text: "一" },
        { secret: "s3cret", text: "二" },
      ]);
      assert.equal((await h.api.getWebhookInfo()).pending_update_count, 0);
      await h.api.deleteWebhook();
      assert.deepEqual(await h.api.getUpdates(), []);
    } finally {
      await h.api.deleteWebhook();
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
