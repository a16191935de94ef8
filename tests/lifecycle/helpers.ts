// A county on the emulator for the lifecycle tests: the real app (startApp) plus an outbox
// dispatcher, a county with a directory and people, and the gestures a user makes.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { createOffsetClock, systemClock } from "../../src/clock.js";
import type { Provider } from "../../src/db/client.js";
import type { MessageView } from "../../src/emulator/client.js";
import { createLogger } from "../../src/logger.js";
import { Dispatcher } from "../../src/scheduler/dispatcher.js";
import { createTelegramChannel } from "../../src/scheduler/telegram-channel.js";
import { telegramRecipients } from "../../src/scheduler/telegram-recipients.js";
import { startApp, type RunningApp } from "../../src/app.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, type BotHarness } from "../../src/testing/bot-harness.js";

/** Seed report 002 (云阳县, 2017), read from the shared corpus at test time, never copied. */
export const SEED_002 = new URL("../../../shared/corpus/seeds/002_104a6f4f0bcd3bd8.txt", import.meta.url);
export const seedText = (): string => readFileSync(SEED_002, "utf8");

/** The report arrives the day after it was published, so its 2017 deadlines lie ahead. */
const REPORT_DAY = Date.parse("2017-05-04T02:00:00Z");

export const ADMIN = 1001;
export const SECOND_ADMIN = 1002;
export const OFFICIAL_A = 2001;
export const OFFICIAL_B = 2002;
export const CADRE = 2003;

export interface County {
  h: BotHarness;
  dispatcher: Dispatcher;
  regionId: number;
  units: Record<string, number>;
  people: Record<number, number>;
  /** Stops the bot and starts it again on the same database, as a deploy or a crash would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const DIRECTORY: Array<{ name: string; aliases: string[] }> = [
  { name: "县财政局", aliases: ["财政局"] },
  { name: "县发改委", aliases: ["发改委"] },
  { name: "县扶贫办", aliases: ["扶贫办", "县扶贫开发领导小组办公室"] },
];

export async function startCounty(provider: Provider = "sqlite"): Promise<County> {
  const h = await startBotHarness({ provider, clock: createOffsetClock(systemClock, REPORT_DAY - Date.now()), env: { USER_RATE_LIMIT: "1000" } });
  const { db } = h.database;
  const region = await db.region.create({ data: { name: "云阳县" } });
  const units: Record<string, number> = {};
  for (const u of DIRECTORY) units[u.name] = (await db.unit.create({ data: { regionId: region.id, name: u.name, aliases: u.aliases } })).id;
  const people: Record<number, number> = {};
  const join = async (telegramId: number, name: string, role: string, unit: string | null) => {
    people[telegramId] = await addPerson(h, { regionId: region.id, unitId: unit ? units[unit] ?? null : null }, { telegramId, name, role });
  };
  await join(ADMIN, "县督查室主任", "admin", null);
  await join(SECOND_ADMIN, "副主任", "admin", null);
  await join(OFFICIAL_A, "王芳", "official", "县财政局");
  await join(OFFICIAL_B, "李强", "official", "县财政局");
  await join(CADRE, "赵六", "cadre", "县财政局");
  const channel = createTelegramChannel({ token: TEST_BOT_TOKEN, apiRoot: h.emulator.url, timeoutSeconds: 5 });
  const dispatcher = new Dispatcher({
    store: h.database, clock: h.clock, channel, recipients: telegramRecipients(h.database.db, h.clock), logger: createLogger("silent"), idleMs: 100,
  });
  dispatcher.start();
  let restarted: RunningApp | null = null;
  return {
    h, dispatcher, regionId: region.id, units, people,
    async restart() {
      await (restarted ?? h.app).stop();
      restarted = await startApp(h.config, h.clock, createLogger("silent"));
    },
    async stop() {
      await dispatcher.stop(1000);
      await restarted?.stop();
      await h.stop();
    },
  };
}

/** A person who joined the county (or one of its units) and started the bot in a private chat. */
export async function addPerson(
  h: BotHarness,
  where: { regionId: number; unitId: number | null },
  who: { telegramId: number; name: string; role: string; language?: string },
): Promise<number> {
  const { db } = h.database;
  await h.client.createUser({ id: who.telegramId, first_name: who.name, language_code: who.language ?? "zh-hans", startedBot: true });
  const person = await db.person.create({ data: { name: who.name, telegramUserId: BigInt(who.telegramId) } });
  await db.chat.create({ data: { telegramChatId: BigInt(who.telegramId), type: "private", personId: person.id } });
  await db.membership.create({ data: { personId: person.id, regionId: where.regionId, unitId: where.unitId, role: who.role } });
  return person.id;
}

export function buttonsOf(message: MessageView): Array<{ text: string; data: string }> {
  const markup = message.reply_markup;
  if (!markup || !("inline_keyboard" in markup)) return [];
  return markup.inline_keyboard.flat().flatMap((b) => ("callback_data" in b && b.callback_data ? [{ text: b.text, data: b.callback_data }] : []));
}

export const fromBot = (m: MessageView): boolean => m.from?.id === TEST_BOT_ID;

/** The bot's latest message in a chat. */
export async function lastFromBot(county: County, chatId: number): Promise<MessageView> {
  const messages = (await county.h.client.messages(chatId)).filter(fromBot);
  const last = messages.at(-1);
  if (!last) throw new Error(`no bot message in chat ${chatId}`);
  return last;
}

/** Waits until a message of the bot in the chat satisfies `predicate` (a new message or an edit). */
export function waitForBot(county: County, chatId: number, predicate: (m: MessageView) => boolean, timeoutMs = 8000): Promise<MessageView> {
  return county.h.client.waitForMessage(chatId, (m) => fromBot(m) && predicate(m), timeoutMs);
}

export interface Pressed {
  /** The message the button was on, as it looks after the bot handled the press. */
  message: MessageView;
  /** The text of the callback answer (a toast or an alert), if any. */
  answer: string | undefined;
}

/** Presses the button whose label matches and waits until the bot has answered the press. */
export async function press(county: County, userId: number, message: MessageView, label: RegExp | string): Promise<Pressed> {
  const button = buttonsOf(message).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
  if (!button) throw new Error(`no button ${String(label)} among ${buttonsOf(message).map((b) => b.text).join(" | ")}`);
  return pressData(county, userId, message, button.data);
}

export async function pressData(county: County, userId: number, message: MessageView, data: string): Promise<Pressed> {
  const { callbackQueryId } = await county.h.client.pressButton(userId, message.chat.id, message.message_id, data);
  const deadline = Date.now() + 8000;
  for (;;) {
    const state = await county.h.client.callbackAnswer(callbackQueryId);
    if (state.answered) {
      const now = (await county.h.client.messages(message.chat.id)).find((m) => m.message_id === message.message_id);
      return { message: now ?? message, answer: state.answer?.text };
    }
    if (Date.now() > deadline) throw new Error(`button ${data} was not answered`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Sends a text and waits for the bot's answer in that chat. */
export async function say(county: County, userId: number, text: string): Promise<MessageView> {
  const sent = await county.h.client.sendText(userId, text);
  return waitForBot(county, userId, (m) => m.message_id > sent.message_id);
}

/** The report as an office PC saves it; GBK has no no-break space, so Word would have written a plain one. */
export const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text.replaceAll("\u00a0", " "), "gbk"));

/** A minimal .docx (one paragraph per line), as Word saves it. */
export async function docx(text: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const escape = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const paragraphs = text.split("\n").map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join("");
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

/** Uploads a file and waits for the bot's answer in that chat. */
export async function upload(county: County, userId: number, fileName: string, bytes: Uint8Array, timeoutMs = 15000): Promise<MessageView> {
  const sent = await county.h.client.sendDocument(userId, fileName, bytes);
  return waitForBot(county, userId, (m) => m.message_id > sent.message_id, timeoutMs);
}
