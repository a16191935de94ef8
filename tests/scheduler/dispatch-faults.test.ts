// F3–F9, F12, F13, F15, F16, F19 against the emulator's fault injection. Long waits are
// scaled down through injected parameters: retry_after 1–2 s instead of 5, backoff
// from 100 ms, a 1 s per-call timeout instead of 30 s.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { haltReason, resume } from "../../src/scheduler/pace.js";
import { setChatActive } from "../../src/services/chats.js";
import { createTelegramChannel } from "../../src/scheduler/telegram-channel.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { dueRows, states, TOKEN, untilState, withHarness, type DispatchHarness } from "./harness.js";

const botTexts = async (h: DispatchHarness, chatId: number) =>
  (await h.client.messages(chatId)).filter((m) => m.from?.is_bot).map((m) => m.text);

for (const provider of PROVIDERS) {
  describe(`dispatch faults on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("F4: a 429 storm pauses the whole token for retry_after; nothing lost", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const people = await Promise.all(Array.from({ length: 6 }, (_, i) => h.person(`p${i}`)));
        await h.client.addFault({ method: "sendMessage", kind: "429", retryAfter: 1, forMs: 2500 });
        await h.enqueue(dueRows(h.clock, people.map((p) => p.chatId)));
        const dispatcher = h.dispatcher();
        dispatcher.start();
        await untilState(h.database, "sent", 6, 15_000);
        assert.deepEqual(await states(h.database), { sent: 6 });
        const log = await h.client.requests({ method: "sendMessage" });
        for (const limited of log.filter((r) => r.status === 429)) {
          const t = Date.parse(limited.at);
          // Requests already on the wire when the 429 came back may land just after it.
          const early = log.filter((r) => Date.parse(r.at) > t + 150 && Date.parse(r.at) < t + 1000);
          assert.deepEqual(early.map((r) => r.seq), [], "nothing sent before retry_after passed");
        }
        assert.ok(dispatcher.stats.rateLimited >= 1);
      });
    });

    test("F5: retry_after=3600 defers the row in the database, not in memory; stop is immediate", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { chatId } = await h.person("张");
        await h.client.addFault({ method: "sendMessage", kind: "429", retryAfter: 3600, count: 1 });
        await h.enqueue(dueRows(h.clock, [chatId]));
        const dispatcher = h.dispatcher();
        dispatcher.start();
        await sleep(600);
        const row = await h.database.db.outboxMessage.findFirstOrThrow();
        assert.equal(row.state, "pending");
        assert.equal(row.attempts, 0);
        assert.ok(Math.abs((row.nextAttemptAt?.getTime() ?? 0) - (h.clock.now().getTime() + 3_600_000)) < 5000);
        const stopping = Date.now();
        await dispatcher.stop();
        assert.ok(Date.now() - stopping < 1000, "no in-memory sleep holds the process");
      });
    });

    test("F6: 5xx is retried with bounded exponential backoff, then failed with the reason", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { chatId } = await h.person("李");
        await h.client.addFault({ method: "sendMessage", kind: "5xx", status: 502 });
        await h.enqueue(dueRows(h.clock, [chatId]));
        const dispatcher = h.dispatcher({ maxAttempts: 4 });
        dispatcher.start();
        await untilState(h.database, "failed", 1, 10_000);
        const row = await h.database.db.outboxMessage.findFirstOrThrow();
        assert.equal(row.state, "failed");
        assert.equal(row.attempts, 4);
        assert.match(row.lastError ?? "", /gave up after 4 attempts: 502 Bad Gateway/);
        const times = (await h.client.requests({ method: "sendMessage" })).map((r) => Date.parse(r.at));
        assert.equal(times.length, 4, "bounded attempts, no tight loop");
        const gaps = times.slice(1).map((t, i) => t - times[i]!);
        assert.ok(gaps.every((g) => g >= 40), `backoff between attempts: ${gaps.join(", ")}`);
      });
    });

    test("F3: a connection reset after the request was written is resent at most once and flagged; before connecting it is retried freely", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { chatId } = await h.person("赵");
        await h.client.addFault({ method: "sendMessage", kind: "reset", applied: true, count: 1 });
        await h.enqueue(dueRows(h.clock, [chatId]));
        const dispatcher = h.dispatcher();
        await dispatcher.drain();
        await sleep(300);
        await dispatcher.drain();
        const row = await h.database.db.outboxMessage.findFirstOrThrow();
        assert.equal(row.state, "sent");
        assert.equal(row.possibleDuplicate, true);
        assert.equal((await botTexts(h, chatId)).length, 2, "the one duplicate is the counted one");
        assert.equal(dispatcher.stats.possibleDuplicates, 1);

        await h.client.addFault({ method: "sendMessage", kind: "reset", applied: true });
        await h.enqueue(dueRows(h.clock, [chatId]));
        await dispatcher.drain();
        await sleep(300);
        await dispatcher.drain();
        const second = await h.database.db.outboxMessage.findFirstOrThrow({ where: { id: { not: row.id } } });
        assert.equal(second.state, "failed", "a second lost answer is not resent blindly");
        assert.equal(second.attempts, 2);

        const refused = createTelegramChannel({ token: TOKEN, apiRoot: "http://127.0.0.1:1" });
        assert.equal((await refused.send(String(chatId), { text: "x", html: false })).kind, "retry", "nothing was written: safe to retry");
      });
    });

    test("F7: a blocked user gets exactly one attempt; the person turns inactive; later items are dropped and counted; unblocking reactivates", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { chatId, personId } = await h.person("钱");
        await h.client.blockBot(chatId);
        await h.enqueue(dueRows(h.clock, [chatId]));
        await h.enqueue(dueRows(h.clock, [chatId], { dueAt: new Date(h.clock.now().getTime() + 60_000) }));
        const dispatcher = h.dispatcher();
        await dispatcher.drain();
        assert.equal((await h.client.requests({ method: "sendMessage" })).length, 1);
        assert.deepEqual(await states(h.database), { dead: 2 });
        assert.equal(dispatcher.stats.dead, 2);
        const person = await h.database.db.person.findUniqueOrThrow({ where: { id: personId } });
        assert.equal(person.active, false);
        assert.match(person.inactiveReason ?? "", /blocked by the user/);
        await h.client.unblockBot(chatId);
        // What the bot does on the my_chat_member update that unblocking sends.
        await setChatActive(h.database.db, h.clock, chatId, true, null);
        assert.equal((await h.database.db.person.findUniqueOrThrow({ where: { id: personId } })).active, true);
      });
    });

    test("F8: a group upgraded to a supergroup: chat id rewritten, item re-sent once to the new id", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const user = await h.client.createUser({ first_name: "群主", startedBot: true });
        const group = await h.client.createGroup({ title: "工作群", memberIds: [user.id] });
        await h.database.db.chat.create({ data: { telegramChatId: BigInt(group.id), type: "group", title: "工作群" } });
        const newId = await h.client.upgradeGroup(group.id, user.id);
        await h.enqueue(dueRows(h.clock, [group.id, group.id]));
        await h.dispatcher({}, { groupSpacingMs: 200 }).drain();
        assert.deepEqual(await states(h.database), { sent: 2 });
        assert.equal((await botTexts(h, newId)).filter((t) => t?.startsWith("msg")).length, 2);
        assert.equal((await h.database.db.chat.findFirstOrThrow()).telegramChatId, BigInt(newId));
        assert.ok((await h.database.db.outboxMessage.findMany()).every((r) => r.address === String(newId)));
        assert.equal((await h.client.requests({ method: "sendMessage" })).filter((r) => r.status === 400).length, 1, "only the first send saw the old id");
      });
    });

    test("F9: chat not found or kicked: one attempt, failed, no retry", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const user = await h.client.createUser({ first_name: "群主", startedBot: true });
        const group = await h.client.createGroup({ title: "旧群", memberIds: [user.id] });
        await h.client.removeBotFromGroup(group.id, user.id);
        await h.enqueue(dueRows(h.clock, [987654321, group.id]));
        await h.dispatcher().drain();
        const rows = await h.database.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
        assert.deepEqual(rows.map((r) => [r.state, r.attempts]), [["failed", 1], ["failed", 1]]);
        assert.match(rows[0]?.lastError ?? "", /chat not found/);
        assert.match(rows[1]?.lastError ?? "", /403/);
        assert.equal((await h.client.requests({ method: "sendMessage" })).length, 2);
      });
    });

    test("F16: a send that never answers times out, and the row is resent once, flagged", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const { chatId } = await h.person("孙");
        await h.client.addFault({ method: "sendMessage", kind: "hang", count: 1 });
        await h.enqueue(dueRows(h.clock, [chatId]));
        const dispatcher = h.dispatcher({}, { timeoutSeconds: 1 });
        await dispatcher.drain();
        await sleep(300);
        await dispatcher.drain();
        const row = await h.database.db.outboxMessage.findFirstOrThrow();
        assert.deepEqual([row.state, row.attempts, row.possibleDuplicate], ["sent", 2, true]);
      });
    });

    test("F19: a revoked token (401) halts dispatching, alerts once, keeps the rows, no retry loop", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const people = await Promise.all([h.person("周"), h.person("吴")]);
        await h.client.addFault({ method: "sendMessage", kind: "401" });
        await h.enqueue(dueRows(h.clock, people.map((p) => p.chatId)));
        const { paceKey } = createTelegramChannel({ token: TOKEN });
        const alerts: string[] = [];
        const dispatcher = h.dispatcher({ onAlert: (a) => alerts.push(a.reason), haltRecheckMs: 300 });
        dispatcher.start();
        await sleep(1500);
        assert.deepEqual(alerts, ["401 Unauthorized"]);
        assert.ok((await h.client.requests({ method: "sendMessage" })).length <= 2, "no retry loop against a refused token");
        assert.equal(await haltReason(h.database, paceKey), "401 Unauthorized");
        assert.deepEqual(await states(h.database), { pending: 2 });
        assert.ok((await h.database.db.outboxMessage.findMany()).every((r) => r.attempts === 0));
        await h.client.clearFaults();
        await resume(h.database, paceKey);
        await untilState(h.database, "sent", 2, 5000);
        assert.deepEqual(await states(h.database), { sent: 2 });
      });
    });
  });
}
