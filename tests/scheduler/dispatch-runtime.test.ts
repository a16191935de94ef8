// F10, F12–F15: clock jumps, catching up after a suspension, several dispatchers on one
// database, graceful shutdown and a locked SQLite file.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase, sqlitePath } from "../../src/db/client.js";
import { Dispatcher } from "../../src/scheduler/dispatcher.js";
import { createTelegramChannel } from "../../src/scheduler/telegram-channel.js";
import { telegramRecipients } from "../../src/scheduler/telegram-recipients.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { dispatchHarness, dueRows, silent, states, TOKEN, untilState, withHarness } from "./harness.js";

const HOUR = 3_600_000;

for (const provider of PROVIDERS) {
  describe(`dispatch runtime on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("F12: the wall clock jumping back and forth by an hour sends nothing twice and skips nothing", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const people = await Promise.all([h.person("a"), h.person("b"), h.person("c")]);
        const base = h.clock.now().getTime();
        await h.enqueue(people.flatMap((p, i) => dueRows(h.clock, [p.chatId], { dueAt: new Date(base + i * 30 * 60_000) })));
        const dispatcher = h.dispatcher();
        await dispatcher.drain();
        h.clock.advance(-HOUR);
        await dispatcher.drain();
        assert.deepEqual(await states(h.database), { sent: 1, pending: 2 });
        h.clock.advance(2 * HOUR);
        await dispatcher.drain();
        h.clock.advance(-HOUR);
        await dispatcher.drain();
        assert.deepEqual(await states(h.database), { sent: 3 });
        for (const p of people) assert.equal((await h.client.messages(p.chatId)).length, 1);
      });
    });

    test("F13: after a 10-minute suspension everything overdue goes out on the next pass; late rows are marked, expired ones skipped", { skip }, async () => {
      await withHarness(provider, async (h) => {
        const people = await Promise.all([h.person("a"), h.person("b"), h.person("c")]);
        const now = h.clock.now().getTime();
        await h.enqueue([
          ...dueRows(h.clock, [people[0]!.chatId], { dueAt: new Date(now + 60_000) }),
          ...dueRows(h.clock, [people[1]!.chatId], { dueAt: new Date(now + 9 * 60_000) }),
          ...dueRows(h.clock, [people[2]!.chatId], { dueAt: new Date(now + 60_000), expiresAt: new Date(now + 5 * 60_000) }),
        ]);
        h.clock.advance(10 * 60_000);
        const dispatcher = h.dispatcher({ lateAfterMs: 5 * 60_000 });
        await dispatcher.runOnce();
        const rows = await h.database.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
        assert.deepEqual(rows.map((r) => [r.state, r.late]), [["sent", true], ["sent", false], ["skipped", false]]);
        assert.equal(dispatcher.stats.skipped, 1);
      });
    });

    for (const processes of [2, 5]) {
      test(`F14: ${processes} dispatchers on one database send every row exactly once`, { skip }, async () => {
        const h = await dispatchHarness(provider);
        const clients = await Promise.all(Array.from({ length: processes }, () => openDatabase(h.database.url)));
        try {
          const people = await Promise.all(Array.from({ length: 60 }, (_, i) => h.person(`p${i}`)));
          await h.enqueue(dueRows(h.clock, [...people, ...people].map((p) => p.chatId)));
          const dispatchers = clients.map((store) => new Dispatcher({
            store, clock: h.clock, channel: createTelegramChannel({ token: TOKEN, apiRoot: h.emulator.url }),
            recipients: telegramRecipients(store.db, h.clock), logger: silent, idleMs: 100, claimBatch: 10,
          }));
          for (const d of dispatchers) d.start();
          await untilState(h.database, "sent", 120, 30_000);
          await Promise.all(dispatchers.map((d) => d.stop()));
          assert.deepEqual(await states(h.database), { sent: 120 });
          const texts = (await h.client.requests({ method: "sendMessage" })).filter((r) => r.status === 200).map((r) => String(r.params["text"]));
          assert.equal(texts.length, 120);
          assert.equal(new Set(texts).size, 120, "0 duplicates");
          // The emulator shares this test's event loop with five dispatchers and the database,
          // so its arrival times jitter more than a remote server's; the bench measures the real rate.
          assert.ok((await h.client.counters()).status429 <= 3);
          assert.ok(dispatchers.filter((d) => d.stats.sent > 0).length >= 2, "the processes shared the work");
        } finally {
          await Promise.all(clients.map((c) => c.close()));
          await h.close();
        }
      });
    }

    test("F15: stop mid-broadcast stops claiming at once, finishes or releases in-flight sends, leaves no claims", { skip }, async () => {
      await withHarness(provider, { latencyMs: 50 }, async (h) => {
        const people = await Promise.all(Array.from({ length: 60 }, (_, i) => h.person(`p${i}`)));
        await h.enqueue(dueRows(h.clock, people.map((p) => p.chatId)));
        const dispatcher = h.dispatcher();
        dispatcher.start();
        await sleep(500);
        const stopping = Date.now();
        await dispatcher.stop();
        assert.ok(Date.now() - stopping < 2000, `stopped in ${Date.now() - stopping} ms`);
        const after = await states(h.database);
        assert.equal(after["claimed"] ?? 0, 0);
        assert.equal(after["sending"] ?? 0, 0);
        assert.ok((after["sent"] ?? 0) > 0 && (after["pending"] ?? 0) > 0, JSON.stringify(after));
        const delivered = (await h.client.requests({ method: "sendMessage" })).filter((r) => r.status === 200).length;
        assert.equal(delivered, after["sent"], "every delivered message is recorded as sent");
      });
    });

    if (provider === "sqlite") {
      test("F10: SQLite locked for 3 s (scaled from 10): no crash, no row stuck claimed, the backlog drains after", async () => {
        await withHarness(provider, async (h) => {
          const people = await Promise.all(Array.from({ length: 5 }, (_, i) => h.person(`p${i}`)));
          await h.enqueue(dueRows(h.clock, people.map((p) => p.chatId)));
          const locker = new BetterSqlite3(sqlitePath(h.database.url), { timeout: 100 });
          locker.exec("BEGIN EXCLUSIVE");
          const dispatcher = h.dispatcher();
          dispatcher.start();
          await sleep(3000);
          locker.exec("COMMIT");
          locker.close();
          await untilState(h.database, "sent", 5, 15_000);
          assert.deepEqual(await states(h.database), { sent: 5 });
        });
      });
    }
  });
}
