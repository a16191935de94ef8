import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { InlineKeyboard } from "grammy";
import { BOT_ID, type Harness, TOKEN, assertApiError, startEmulator } from "./helpers.js";

describe("emulator: sending, editing and validation", () => {
  let h: Harness;
  let userId: number;
  before(async () => {
    h = await startEmulator({ limits: { privateBurst: 1000, perTokenPerSecond: 1000 } });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.client.reset();
    userId = (await h.client.createUser({ first_name: "王", last_name: "主任", label: "县管理员 王主任 (admin)" })).id;
    await h.client.sendText(userId, "/start");
  });

  it("answers getMe with the bot registered from the token", async () => {
    const me = await h.api.getMe();
    assert.equal(me.id, BOT_ID);
    assert.equal(me.username, "duban_bot");
    assert.equal(me.is_bot, true);
  });

  it("stores HTML as plain text with entities and shows it to the user", async () => {
    const sent = await h.api.sendMessage(userId, "<b>督办</b> &lt;事项&gt; <a href=\"https://x.cn/?a=1&amp;b=2\">链接</a> &#26032;", { parse_mode: "HTML" });
    assert.equal(sent.text, "督办 <事项> 链接 新");
    assert.deepEqual(sent.entities, [
      { type: "bold", offset: 0, length: 2 },
      { type: "text_link", offset: 8, length: 2, url: "https://x.cn/?a=1&b=2" },
    ]);
    const seen = await h.client.messages(userId);
    assert.equal(seen.at(-1)?.text, "督办 <事项> 链接 新");
    assert.equal(seen.at(-1)?.from?.id, BOT_ID);
  });

  it("rejects bad HTML with Telegram's parse errors", async () => {
    const cases: Array<[string, string]> = [
      ["a <br> b", 'Unsupported start tag "br" at byte offset 2'],
      ["名 <x>", 'Unsupported start tag "x" at byte offset 4'],
      ["1 < 2", 'Unsupported start tag "" at byte offset 2'],
      ["<b>bold", 'Can\'t find end tag corresponding to start tag "b"'],
      ["<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
      ["x</b>", "Unexpected end tag at byte offset 1"],
      ["<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ];
    for (const [html, detail] of cases) {
      await assertApiError(h.api.sendMessage(userId, html, { parse_mode: "HTML" }), 400, `Bad Request: can't parse entities: ${detail}`);
    }
  });

  it("parses nested, pre/code, spoiler, blockquote and custom emoji tags", async () => {
    const html = '<b>粗<i>斜</i></b><pre><code class="language-ts">let a = 1;</code></pre><tg-spoiler>密</tg-spoiler>' +
      '<span class="tg-spoiler">藏</span><blockquote expandable>引</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>';
    const sent = await h.api.sendMessage(userId, html, { parse_mode: "HTML" });
    assert.equal(sent.text, "粗斜let a = 1;密藏引👍");
    assert.deepEqual(sent.entities, [
      { type: "bold", offset: 0, length: 2 },
      { type: "italic", offset: 1, length: 1 },
      { type: "pre", offset: 2, length: 10, language: "ts" },
      { type: "spoiler", offset: 12, length: 1 },
      { type: "spoiler", offset: 13, length: 1 },
      { type: "expandable_blockquote", offset: 14, length: 1 },
      { type: "custom_emoji", offset: 15, length: 2, custom_emoji_id: "5368324170671202286" },
    ]);
  });

  it("keeps unknown named entities literally, as TDLib does", async () => {
    const sent = await h.api.sendMessage(userId, "a &foo; b &amp;", { parse_mode: "HTML" });
    assert.equal(sent.text, "a &foo; b &");
  });

  it("limits text to 4096 UTF-16 units after entity parsing", async () => {
    const fits = `<b>${"督".repeat(4096)}</b>`;
    assert.equal((await h.api.sendMessage(userId, fits, { parse_mode: "HTML" })).text?.length, 4096);
    await assertApiError(h.api.sendMessage(userId, "😀".repeat(2049)), 400, "Bad Request: message is too long");
    await assertApiError(h.api.sendMessage(userId, "  "), 400, "Bad Request: message text is empty");
  });

  it("validates inline keyboards", async () => {
    await assertApiError(
      h.api.sendMessage(userId, "x", { reply_markup: new InlineKeyboard().text("a", "督".repeat(22)) }),
      400,
      "Bad Request: BUTTON_DATA_INVALID",
    );
    const big = new InlineKeyboard();
    for (let i = 0; i < 101; i++) big.text(String(i), `d${i}`).row();
    await assertApiError(h.api.sendMessage(userId, "x", { reply_markup: big }), 400, "Bad Request: reply markup is too long");
    const ok = await h.api.sendMessage(userId, "x", { reply_markup: new InlineKeyboard().text("a", "督".repeat(21)) });
    assert.equal(ok.reply_markup?.inline_keyboard[0]?.[0]?.text, "a");
  });

  it("answers unknown chats, unknown tokens and unknown methods like Telegram", async () => {
    await assertApiError(h.api.sendMessage(987654, "x"), 400, "Bad Request: chat not found");
    const stranger = await h.client.createUser({ first_name: "陌生" });
    await assertApiError(h.api.sendMessage(stranger.id, "x"), 403, "Forbidden: bot can't initiate conversation with a user");
    const response = await fetch(`${h.emulator.url}/bot${TOKEN}/noSuchMethod`);
    assert.deepEqual(await response.json(), { ok: false, error_code: 404, description: "Not Found" });
    const wrong = await fetch(`${h.emulator.url}/bot123:short/getMe`);
    assert.equal(wrong.status, 401);
    assert.deepEqual(await wrong.json(), { ok: false, error_code: 401, description: "Unauthorized" });
  });

  it("edits text and markup in place, refusing no-op and missing edits", async () => {
    const keyboard = new InlineKeyboard().text("确认", "ok:1");
    const sent = await h.api.sendMessage(userId, "待办", { reply_markup: keyboard });
    const edited = await h.api.editMessageText(userId, sent.message_id, "已办", { reply_markup: keyboard });
    assert.ok(edited !== true && edited.edit_date !== undefined);
    await assertApiError(
      h.api.editMessageText(userId, sent.message_id, "已办", { reply_markup: keyboard }),
      400,
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    await h.api.editMessageReplyMarkup(userId, sent.message_id);
    const seen = (await h.client.messages(userId)).find((m) => m.message_id === sent.message_id);
    assert.equal(seen?.text, "已办");
    assert.equal(seen?.reply_markup, undefined);
    await assertApiError(h.api.editMessageText(userId, 9999, "x"), 400, "Bad Request: message to edit not found");
    await h.api.deleteMessage(userId, sent.message_id);
    assert.equal((await h.client.messages(userId)).find((m) => m.message_id === sent.message_id)?.deleted, true);
    await assertApiError(h.api.deleteMessage(userId, sent.message_id), 400, "Bad Request: message to delete not found");
  });

  it("accepts urlencoded bodies and GET query parameters", async () => {
    const form = await fetch(`${h.emulator.url}/bot${TOKEN}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: String(userId), text: "<i>表单</i>", parse_mode: "HTML" }),
    });
    const body = (await form.json()) as { ok: boolean; result: { text: string; entities: unknown[] } };
    assert.equal(body.result.text, "表单");
    assert.deepEqual(body.result.entities, [{ type: "italic", offset: 0, length: 2 }]);
    const viaGet = await fetch(`${h.emulator.url}/bot${TOKEN}/sendMessage?chat_id=${userId}&text=hi`);
    assert.equal(((await viaGet.json()) as { ok: boolean }).ok, true);
  });

  it("replies carry reply_to_message, and the chat member and chat lookups work", async () => {
    const question = await h.client.sendText(userId, "问题");
    const answer = await h.api.sendMessage(userId, "回答", { reply_parameters: { message_id: question.message_id } });
    assert.equal(answer.reply_to_message?.text, "问题");
    await assertApiError(h.api.sendMessage(userId, "x", { reply_parameters: { message_id: 999 } }), 400, "Bad Request: message to be replied not found");
    assert.equal((await h.api.getChat(userId)).type, "private");
    assert.equal((await h.api.getChatMember(userId, userId)).status, "member");
    await h.api.setMyCommands([{ command: "start", description: "开始" }]);
    assert.deepEqual(await h.api.getMyCommands(), [{ command: "start", description: "开始" }]);
    assert.equal(await h.api.sendChatAction(userId, "typing"), true);
  });
});
