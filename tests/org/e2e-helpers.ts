import assert from "node:assert/strict";
import type { MessageView } from "../../src/emulator/client.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, type BotHarness } from "../../src/testing/bot-harness.js";

export const OWNER_ID = 9001;

/**
 * The real bot on the emulator. A test clicks through menus far faster than a person, so
 * the bot's flood guard and the emulator's per-chat send limit are raised (limits have their own tests).
 */
export async function startOrgHarness(): Promise<BotHarness> {
  const h = await startBotHarness({ env: { OWNER_IDS: String(OWNER_ID), USER_RATE_LIMIT: "1000" } });
  await h.client.configure({ limits: { privateBurst: 1000, privatePerSecond: 1000, groupPerWindow: 1000 } });
  return h;
}

export function buttonsOf(message: MessageView): Array<{ text: string; data: string }> {
  const markup = message.reply_markup;
  if (!markup || !("inline_keyboard" in markup)) return [];
  return markup.inline_keyboard.flat().flatMap((b) => (b.callback_data ? [{ text: b.text, data: b.callback_data }] : []));
}

export function buttonData(message: MessageView, label: RegExp): string {
  const button = buttonsOf(message).find((b) => label.test(b.text));
  assert.ok(button, `no button ${label} among ${buttonsOf(message).map((b) => b.text).join(" | ")}`);
  return button.data;
}

/** The bot's latest message in a chat that matches, waiting for it. */
export async function botMessage(h: BotHarness, chatId: number, pattern: RegExp, after = 0): Promise<MessageView> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = (await h.client.messages(chatId)).filter((m) => m.from?.id === TEST_BOT_ID && m.message_id >= after && pattern.test(m.text ?? "")).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no bot message ${pattern} in chat ${chatId}; last: ${(await h.client.messages(chatId)).at(-1)?.text}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Presses the button labelled `label` and waits for the screen (edited or new) that matches `expect`. */
export async function press(h: BotHarness, userId: number, chatId: number, message: MessageView, label: RegExp, expect: RegExp): Promise<MessageView> {
  await h.client.pressButton(userId, chatId, message.message_id, buttonData(message, label));
  return botMessage(h, chatId, expect, message.message_id);
}

/** Presses a button and waits until the message it is on (edited in place) satisfies `done`. */
export async function pressUntil(h: BotHarness, userId: number, chatId: number, message: MessageView, label: RegExp, done: (m: MessageView) => boolean): Promise<MessageView> {
  await h.client.pressButton(userId, chatId, message.message_id, buttonData(message, label));
  return h.client.waitForMessage(chatId, (m) => m.message_id === message.message_id && done(m));
}

/** Presses a button whose press the bot must refuse; resolves to the alert text. */
export async function pressRefused(h: BotHarness, userId: number, chatId: number, messageId: number, data: string): Promise<string> {
  const { callbackQueryId } = await h.client.pressButton(userId, chatId, messageId, data);
  const deadline = Date.now() + 5000;
  for (;;) {
    const answer = await h.client.callbackAnswer(callbackQueryId);
    if (answer.answered) {
      assert.equal(answer.answer?.show_alert, true, "a refusal is shown as an alert");
      return answer.answer?.text ?? "";
    }
    if (Date.now() > deadline) throw new Error(`button ${data} was never answered`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Puts a message with a button carrying arbitrary data into a chat, as a tampered client
 * would send such data: what B3 says the bot must never trust.
 */
export async function plantButton(h: BotHarness, chatId: number, data: string): Promise<number> {
  const response = await fetch(`${h.emulator.url}/bot${TEST_BOT_TOKEN}/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: chatId, text: "forged", reply_markup: { inline_keyboard: [[{ text: "forged", callback_data: data }]] } }),
  });
  const body = (await response.json()) as { ok: boolean; result?: { message_id: number } };
  assert.ok(body.ok && body.result);
  return body.result.message_id;
}

/** Sends a text and returns the bot's first message after it that matches. */
export async function say(h: BotHarness, userId: number, text: string, expect: RegExp, chatId = userId): Promise<MessageView> {
  const sent = await h.client.sendText(userId, text, chatId === userId ? {} : { chatId });
  return botMessage(h, chatId, expect, sent.message_id);
}

export async function deniedRows(h: BotHarness, what: string): Promise<Array<{ regionId: number | null; details: unknown }>> {
  const rows = await h.database.db.auditLog.findMany({ where: { action: "access.denied" }, orderBy: { id: "asc" } });
  return rows.filter((r) => JSON.stringify(r.details).includes(what));
}

export function tokenIn(message: MessageView): string {
  const token = /start=(inv_[A-Za-z0-9_-]+)/.exec(message.text ?? "")?.[1];
  assert.ok(token, `no invite link in ${message.text}`);
  return token;
}

/** A county with an admin, arranged directly in the database (the flows that create them have their own tests). */
export async function arrangeCounty(h: BotHarness, name: string, adminTelegramId: number) {
  await h.client.createUser({ id: adminTelegramId, first_name: `${name}管理员`, language_code: "zh-hans" });
  const region = await h.database.db.region.create({ data: { name } });
  const admin = await h.database.db.person.create({ data: { name: `${name}管理员`, telegramUserId: BigInt(adminTelegramId) } });
  await h.database.db.membership.create({ data: { personId: admin.id, regionId: region.id, role: "admin" } });
  return { region, admin };
}

/** Opens /admin and the county's menu as that admin. */
export async function openCounty(h: BotHarness, userId: number, county: string): Promise<MessageView> {
  const menu = await say(h, userId, "/admin", /管理菜单/);
  return press(h, userId, userId, menu, new RegExp(county), new RegExp(`${county} · 管理`));
}
