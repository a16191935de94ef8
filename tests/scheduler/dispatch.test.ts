import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { dueRows, states, withHarness } from "./harness.js";

const arrival = (at: string) => Date.parse(at);

for (const provider of PROVIDERS) {
  describe(`dispatch on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("due rows go out once each; a row is sent only with Telegram's message id", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const people = await Promise.all(["甲", "乙", "丙"].map((n) => h.person(n)));
        await h.enqueue(dueRows(h.clock, people.map((p) => p.chatId)));
        await h.enqueue(dueRows(h.clock, [people[0]!.chatId], { dueAt: new Date(h.clock.now().getTime() + 3_600_000) }));
        await h.dispatcher().drain();
        assert.deepEqual(await states(h.database), { sent: 3, pending: 1 });
        for (const p of people) assert.equal((await h.client.messages(p.chatId)).length, 1);
        const sent = await h.database.db.outboxMessage.findMany({ where: { state: "sent" } });
        assert.ok(sent.every((r) => r.providerMessageId === "1" && r.attempts === 1 && r.sentAt !== null));
      });
    });

    test("20 reminders for one person in the same minute become one message; others ≥ 1 s apart; 0 429s (L2)", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { chatId } = await h.person("王");
        await h.enqueue(Array.from({ length: 20 }, (_, i) => ({
          address: String(chatId), kind: "reminder", dueAt: h.clock.now(), dedupeKey: `m:${i}`,
          payload: { text: `full ${i}`, html: true, locale: "zh-CN", line: `• 事项 ${i}` },
        })));
        await h.enqueue(dueRows(h.clock, [chatId, chatId, chatId]));
        await h.dispatcher({ mergedHeader: (_l, n) => `你有 ${n} 条提醒：` }).drain();
        const messages = await h.client.messages(chatId);
        assert.equal(messages.length, 4);
        const merged = messages.find((m) => m.text?.startsWith("你有 20 条提醒"));
        assert.ok(merged, "one message lists all twenty");
        assert.equal(merged.text?.split("\n").length, 21);
        const sends = (await h.client.requests({ method: "sendMessage" })).map((r) => arrival(r.at));
        for (let i = 1; i < sends.length; i++) assert.ok(sends[i]! - sends[i - 1]! >= 950, `sends ${i - 1} and ${i} are ${sends[i]! - sends[i - 1]!} ms apart`);
        assert.equal((await h.client.counters()).status429, 0);
        const rows = await h.database.db.outboxMessage.findMany({ where: { kind: "reminder" } });
        assert.equal(new Set(rows.map((r) => r.providerMessageId)).size, 1, "all twenty rows point at the one message");
      });
    });

    test("requests held up on the way (one in ten 40 ms late to Telegram) meet no 429 at full rate: the schedule moves on by their delay", { skip }, async () => {
      await withHarness(provider, { latencyMs: 50 }, async (h) => {
        const users = await Promise.all(Array.from({ length: 240 }, (_, i) => h.client.createUser({ first_name: `u${i}`, startedBot: true })));
        await h.client.addFault({ method: "sendMessage", kind: "delay", delayMs: 40, probability: 0.1 });
        await h.enqueue(dueRows(h.clock, users.map((u) => u.id)));
        await h.dispatcher().drain();
        assert.deepEqual(await states(h.database), { sent: 240 });
        assert.equal((await h.client.counters()).status429, 0);
      });
    });

    test("50 items to one group stay within the group's limit with 0 429s (L3, window scaled to 2 s)", { skip }, async () => {
      await withHarness(provider, { limits: { groupPerWindow: 20, groupWindowMs: 2000 } }, async (h) => {
        const user = await h.client.createUser({ first_name: "群主", startedBot: true });
        const group = await h.client.createGroup({ title: "督办群", memberIds: [user.id] });
        await h.enqueue(dueRows(h.clock, Array.from({ length: 50 }, () => group.id)));
        const started = Date.now();
        await h.dispatcher({}, { groupSpacingMs: 130 }).drain();
        // Rows deferred by the group's pacing come back after their wait.
        while ((await states(h.database)).sent !== 50 && Date.now() - started < 20_000) await h.dispatcher({}, { groupSpacingMs: 130 }).drain();
        assert.equal((await h.client.messages(group.id)).filter((m) => m.text?.startsWith("msg")).length, 50);
        assert.equal((await h.client.counters()).status429, 0);
        const times = (await h.client.requests({ method: "sendMessage" })).map((r) => arrival(r.at));
        for (const t of times) assert.ok(times.filter((u) => u >= t && u < t + 2000).length <= 20);
      });
    });
  });
}
