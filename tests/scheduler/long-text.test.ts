// B1: texts of 4,097–20,000 characters with CJK and emoji go out as ordered parts of at
// most 4096, never cut inside an HTML tag, an entity, a surrogate pair or an emoji
// sequence, and Telegram (the emulator, which enforces the limit) never answers "message
// is too long" — from the outbox, and from the bot's own replies.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { escapeHtml } from "../../src/bot/html.js";
import { parseHtml, type FormattedText } from "../../src/emulator/html-entities.js";
import { splitText } from "../../src/messages/split-text.js";
import { startBotHarness, TEST_BOT_ID } from "../../src/testing/bot-harness.js";
import { dueRows, states, withHarness } from "./harness.js";

const LIMIT = 4096;
const TOKENS = ["督", "办", "县财政局", "要", "加强", "资金监管", "。", "，", "；", "😀", "👨‍👩‍👧", "🇨🇳", "👍🏽", "a", "report", " ", "\n", "\n\n", "1.", "é"];
const graphemes = (text: string): string[] => Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);

/** Pieces cycled up to at least `length`, ending on a whole grapheme. */
function cycled(pieces: readonly string[], length: number): string {
  let text = "";
  for (let i = 0; text.length < length; i++) text += pieces[i % pieces.length];
  let cut = "";
  for (const g of graphemes(text)) {
    cut += g;
    if (cut.length >= length) break;
  }
  return cut;
}

const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }) });
const length = fc.integer({ min: LIMIT + 1, max: 19_990 });
const plainText = fc
  .tuple(fc.array(token, { minLength: 1, maxLength: 300 }), length)
  .filter(([pieces]) => pieces.some((p) => p.trim() !== ""))
  .map(([pieces, n]) => cycled(pieces, n));

const TAGS = [["<b>", "</b>"], ["<i>", "</i>"], ["<u>", "</u>"], ["<code>", "</code>"], ['<a href="https://example.org/?a=1&amp;b=2">', "</a>"], ["<blockquote>", "</blockquote>"], ["<b><i>", "</i></b>"], ["", ""]] as const;
const span = fc
  .tuple(fc.constantFrom(...TAGS), fc.array(token, { minLength: 1, maxLength: 40 }))
  .filter(([, pieces]) => pieces.some((p) => p.trim() !== ""))
  .map(([[open, close], pieces]) => `${open}${escapeHtml(pieces.join(""))}${close}`);
const htmlText = fc.tuple(fc.array(span, { minLength: 1, maxLength: 60 }), length).map(([spans, n]) => {
  let text = "";
  for (let i = 0; text.length < n; i++) text += spans[i % spans.length];
  return text;
});

/** Per UTF-16 unit of the plain text, the formatting on it: what a reader sees. */
function formatting({ text, entities }: FormattedText): string[] {
  return Array.from({ length: text.length }, (_, at) =>
    entities
      .filter((e) => e.offset <= at && at < e.offset + e.length)
      .map((e) => `${e.type}${e.url ?? ""}`)
      .sort()
      .join("+"),
  );
}

describe("B1: splitting long texts", () => {
  test("plain texts: parts ≤ 4096 that put together give the text back, cut only between graphemes", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const parts = splitText(text, { html: false });
        assert.ok(parts.length >= 2);
        assert.equal(parts.join(""), text);
        const boundaries = new Set<number>();
        let offset = 0;
        for (const g of graphemes(text)) boundaries.add((offset += g.length));
        offset = 0;
        for (const part of parts) {
          assert.ok(part.length <= LIMIT, `part of ${part.length}`);
          assert.ok(part.trim() !== "", "no empty part");
          assert.ok(boundaries.has((offset += part.length)), `cut at ${offset} splits a grapheme`);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("HTML texts: every part parses, ≤ 4096, and the parts read as the text with the same formatting", () => {
    fc.assert(
      fc.property(htmlText, (text) => {
        const whole = parseHtml(text);
        const parts = splitText(text, { html: true }).map((p) => {
          assert.ok(p.length <= LIMIT, `part of ${p.length}`);
          return parseHtml(p);
        });
        assert.ok(parts.every((p) => p.text.trim() !== ""));
        assert.equal(parts.map((p) => p.text).join(""), whole.text);
        assert.deepEqual(parts.flatMap(formatting), formatting(whole));
      }),
      { numRuns: 60 },
    );
  });

  test("the cut prefers a paragraph, then a line", () => {
    const paragraph = (n: number) => `${n}. ${"县财政局要加强资金监管，确保按期完成😀".repeat(20)}`;
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i)).join("\n\n");
    for (const part of splitText(text, { html: false }).slice(0, -1)) assert.match(part, /\n\n$/);
    const lines = Array.from({ length: 12 }, (_, i) => paragraph(i)).join("\n");
    for (const part of splitText(lines, { html: false }).slice(0, -1)) assert.match(part, /[^\n]\n$/);
  });
});

const longText = (n: number, html: boolean): string => {
  const line = (i: number) => (html ? `<b>第${i}条</b> ${escapeHtml("县财政局要加强资金监管 <重点> & 确保")}👨‍👩‍👧按期完成。` : `第${i}条 县财政局要加强资金监管，确保👨‍👩‍👧按期完成。`);
  let text = "";
  for (let i = 1; text.length < n; i++) text += `${line(i)}${i % 5 === 0 ? "\n\n" : "\n"}`;
  return text;
};

const plainOf = (text: string, html: boolean): string => (html ? parseHtml(text).text : text).replace(/\s+/g, "");

describe("B1 through the emulator", () => {
  test("outbox rows of 4,097–20,000 characters arrive as ordered parts, the buttons on the last; 0 \"message is too long\"", async () => {
    await withHarness("sqlite", async (h) => {
      const people = await Promise.all([h.person("甲"), h.person("乙"), h.person("丙")]);
      const cases = [
        { chatId: people[0]!.chatId, text: longText(4_097, false), html: false },
        { chatId: people[1]!.chatId, text: longText(9_000, true), html: true },
        { chatId: people[2]!.chatId, text: longText(20_000, true), html: true },
      ];
      const buttons = [[{ text: "签收", data: "ack:1" }]];
      await h.enqueue(cases.flatMap((c) => dueRows(h.clock, [c.chatId], { payload: { text: c.text, html: c.html, buttons } })));
      await h.dispatcher().drain();

      assert.deepEqual(await states(h.database), { sent: 3 });
      const requests = await h.client.requests({ method: "sendMessage" });
      assert.deepEqual(requests.filter((r) => r.status !== 200).map((r) => r.response), [], "every part accepted: 0 too long, 0 429");
      for (const c of cases) {
        const messages = (await h.client.messages(c.chatId)).filter((m) => m.from?.is_bot);
        assert.ok(messages.length >= Math.ceil(c.text.length / LIMIT), `${messages.length} parts for ${c.text.length} characters`);
        assert.equal(messages.map((m) => m.text ?? "").join("").replace(/\s+/g, ""), plainOf(c.text, c.html), "in order, nothing lost");
        assert.deepEqual(messages.map((m) => m.reply_markup !== undefined), [...messages.slice(1).map(() => false), true], "buttons on the last part only");
        const row = await h.database.db.outboxMessage.findFirstOrThrow({ where: { address: String(c.chatId) } });
        assert.equal(row.providerMessageId, String(messages.at(-1)?.message_id), "the row names the part with the buttons");
      }
    });
  });

  test("a 429 in the middle of a long text: the row's next attempt sends only the parts still missing", async () => {
    await withHarness("sqlite", async (h) => {
      const { chatId } = await h.person("丁");
      const text = longText(20_000, false);
      await h.enqueue(dueRows(h.clock, [chatId], { payload: { text } }));
      // No spacing between parts: the emulator's per-chat limit answers 429 after a burst of 3.
      const dispatcher = h.dispatcher({}, { privateSpacingMs: 0 });
      await dispatcher.drain();
      assert.equal((await states(h.database))["sent"] ?? 0, 0, "not sent while parts are missing");
      const deadline = Date.now() + 15_000;
      while ((await states(h.database))["sent"] !== 1 && Date.now() < deadline) await dispatcher.drain();

      assert.deepEqual(await states(h.database), { sent: 1 });
      assert.ok((await h.client.counters()).status429 >= 1);
      const messages = (await h.client.messages(chatId)).filter((m) => m.from?.is_bot).map((m) => m.text ?? "");
      assert.equal(messages.length, splitText(text, { html: false }).length, "no part twice");
      assert.equal(messages.join("").replace(/\s+/g, ""), plainOf(text, false));
    });
  });

  test("the bot's own reply over 4096 characters (/task with a long trail) arrives in parts", async () => {
    const h = await startBotHarness();
    try {
      const { db } = h.database;
      const user = await h.client.createUser({ first_name: "王芳", language_code: "zh-hans" });
      const region = await db.region.create({ data: { name: "云溪县" } });
      const unit = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
      const person = await db.person.create({ data: { name: "王芳", telegramUserId: BigInt(user.id) } });
      await db.membership.create({ data: { personId: person.id, regionId: region.id, unitId: unit.id, role: "official" } });
      const meeting = await db.meeting.create({ data: { regionId: region.id, title: "县政府常务会议", sourceText: "", cleanedText: "", contentHash: "b1", metadata: {}, state: "published" } });
      const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 1, text: "县财政局要加强资金监管" } });
      const assignment = await db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, state: "in_progress" } });
      const note = "已督促各乡镇落实资金监管😀，<重点>核查 & 整改👨‍👩‍👧。".repeat(5);
      await db.statusUpdate.createMany({ data: Array.from({ length: 40 }, () => ({ assignmentId: assignment.id, authorId: person.id, state: "in_progress", note })) });

      const sent = await h.client.sendText(user.id, `/task ${assignment.id}`);
      const deadline = Date.now() + 15_000;
      const fromBot = async () => (await h.client.messages(user.id)).filter((m) => m.from?.id === TEST_BOT_ID && m.message_id > sent.message_id);
      while (!(await fromBot()).some((m) => m.reply_markup) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

      const parts = await fromBot();
      assert.ok(parts.length >= 2, `${parts.length} parts`);
      assert.equal(parts.map((m) => m.text).join("").split(note).length - 1, 40, "every note whole, none twice");
      assert.deepEqual(parts.map((m) => m.reply_markup !== undefined), [...parts.slice(1).map(() => false), true]);
      const refused = (await h.client.requests({ method: "sendMessage" })).filter((r) => r.status === 400);
      assert.deepEqual(refused.map((r) => r.response), [], "0 message is too long");
      assert.doesNotMatch(h.logs(), /update handling failed/);
    } finally {
      await h.stop();
    }
  });
});
