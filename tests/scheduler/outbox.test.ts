import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { openDatabase } from "../../src/db/client.js";
import {
  claimDue, enqueue, finish, markSending, markSent, reclaimExpired, releaseClaims, retryLater, type NewOutboxRow,
} from "../../src/scheduler/outbox.js";
import { halt, pauseUntil, reserveSlots, resume } from "../../src/scheduler/pace.js";
import { createTestDatabase, postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { withTestDatabase } from "./harness.js";

const t0 = new Date("2026-03-02T01:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

function rows(count: number, prefix = "r", due = t0, addresses = count): NewOutboxRow[] {
  return Array.from({ length: count }, (_, i) => ({
    address: String(1000 + (i % addresses)),
    kind: "test",
    payload: { text: `message ${i}`, line: `line ${i}` },
    dueAt: due,
    dedupeKey: `${prefix}:${i}`,
  }));
}

for (const provider of PROVIDERS) {
  describe(`outbox on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("enqueue stores each dedupe key once; claim takes only due rows, oldest first", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        assert.equal(await enqueue(database, rows(3), t0), 3);
        assert.equal(await enqueue(database, [...rows(3), ...rows(2, "later", later(60_000))], t0), 2, "known keys are skipped");
        const first = await claimDue(database, { owner: "a", channel: "telegram", now: t0, leaseMs: 30_000, limit: 10 });
        assert.deepEqual(first.map((r) => r.payload.text), ["message 0", "message 1", "message 2"]);
        assert.equal(first[0]?.attempts, 0);
        assert.deepEqual(await claimDue(database, { owner: "b", channel: "telegram", now: t0, leaseMs: 30_000, limit: 10 }), [], "claimed rows are not claimed again");
        assert.equal((await claimDue(database, { owner: "b", channel: "telegram", now: later(60_000), leaseMs: 30_000, limit: 10 })).length, 0, "their addresses are held by a");
        assert.equal((await claimDue(database, { owner: "a", channel: "telegram", now: later(60_000), leaseMs: 30_000, limit: 10 })).length, 2);
        assert.equal((await claimDue(database, { owner: "b", channel: "sms", now: later(60_000), leaseMs: 30_000, limit: 10 })).length, 0, "channels are separate");
      });
    });

    test("five processes claiming at once never get the same row (F14)", { skip }, async () => {
      const database = await createTestDatabase(provider);
      const clients = await Promise.all(Array.from({ length: 5 }, () => openDatabase(database.url)));
      try {
        await enqueue(database, rows(600), t0);
        const taken = await Promise.all(clients.map(async (client, n) => {
          const mine: number[] = [];
          for (;;) {
            const batch = await claimDue(client, { owner: `p${n}`, channel: "telegram", now: t0, leaseMs: 30_000, limit: 25 });
            if (batch.length === 0) return mine;
            mine.push(...batch.map((r) => r.id));
          }
        }));
        const all = taken.flat();
        assert.equal(all.length, 600);
        assert.equal(new Set(all).size, 600, "no row claimed twice");
        assert.ok(taken.filter((t) => t.length > 0).length >= 2, "the work was shared");
      } finally {
        await Promise.all(clients.map((c) => c.close()));
        await database.drop();
      }
    });

    test("rows of an address another process holds stay with it", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        await enqueue(database, rows(4, "r", t0, 2), t0);
        const a = await claimDue(database, { owner: "a", channel: "telegram", now: t0, leaseMs: 30_000, limit: 1 });
        await enqueue(database, rows(2, "more", t0, 2), t0);
        const b = await claimDue(database, { owner: "b", channel: "telegram", now: t0, leaseMs: 30_000, limit: 10 });
        assert.ok(b.every((r) => r.address !== a[0]?.address));
      });
    });

    test("expired leases: never attempted → pending; on the wire → resent once as a possible duplicate, then failed (F1, F2, F16)", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        await enqueue(database, rows(2), t0);
        const [quiet, wire] = await claimDue(database, { owner: "dead", channel: "telegram", now: t0, leaseMs: 30_000, limit: 2 });
        assert.ok(quiet && wire);
        assert.deepEqual(await markSending(database, [wire.id], "dead", later(35_000)), [wire.id]);
        assert.deepEqual(await reclaimExpired(database, later(10_000)), { released: 0, resent: 0, failed: 0 }, "live leases stay");
        assert.deepEqual(await reclaimExpired(database, later(40_000)), { released: 1, resent: 1, failed: 0 });
        const again = await claimDue(database, { owner: "new", channel: "telegram", now: later(40_000), leaseMs: 30_000, limit: 5 });
        assert.equal(again.length, 2);
        assert.equal(again.find((r) => r.id === wire.id)?.possibleDuplicate, true);
        assert.equal(again.find((r) => r.id === quiet.id)?.possibleDuplicate, false);
        assert.equal(await markSent(database, [wire.id], "dead", { providerMessageId: "9", now: later(41_000), lateBefore: t0 }), 0, "the old owner cannot complete a row it lost");
        await markSending(database, [wire.id], "new", later(75_000));
        assert.deepEqual(await reclaimExpired(database, later(80_000)), { released: 1, resent: 0, failed: 1 });
        const row = await database.db.outboxMessage.findUniqueOrThrow({ where: { id: wire.id } });
        assert.equal(row.state, "failed");
        assert.equal(row.attempts, 2);
        assert.match(row.lastError ?? "", /delivery unknown twice/);
      });
    });

    test("sent, retried, finished and released rows end in the right state", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        await enqueue(database, rows(5), t0);
        const claimed = await claimDue(database, { owner: "a", channel: "telegram", now: later(120_000), leaseMs: 30_000, limit: 5 });
        const [a, b, c, d] = claimed.map((r) => r.id) as [number, number, number, number, number];
        await markSending(database, [a, b, c], "a", later(150_000));
        await markSent(database, [a], "a", { providerMessageId: "77", now: later(121_000), lateBefore: later(60_000) });
        await retryLater(database, [b], "a", { at: later(3_600_000), error: "429", countAttempt: false });
        await finish(database, [c], "a", "dead", "blocked");
        assert.equal(await releaseClaims(database, "a"), 2, "the two never started");
        const byId = new Map((await database.db.outboxMessage.findMany()).map((r) => [r.id, r]));
        assert.equal(byId.get(a)?.state, "sent");
        assert.equal(byId.get(a)?.providerMessageId, "77");
        assert.equal(byId.get(a)?.late, true, "sent two minutes after due with a one-minute threshold");
        assert.equal(byId.get(b)?.state, "pending");
        assert.equal(byId.get(b)?.attempts, 0, "a 429 is not the row's fault");
        assert.equal(byId.get(b)?.nextAttemptAt?.toISOString(), later(3_600_000).toISOString());
        assert.equal(byId.get(c)?.state, "dead");
        assert.equal(byId.get(d)?.state, "pending");
        assert.equal((await claimDue(database, { owner: "x", channel: "telegram", now: later(200_000), leaseMs: 1, limit: 9 })).length, 2, "the deferred row waits for its time");
      });
    });

    test("send slots reserved by several processes never overlap; a pause and a halt apply to all", { skip }, async () => {
      const database = await createTestDatabase(provider);
      const clients = await Promise.all(Array.from({ length: 3 }, () => openDatabase(database.url)));
      try {
        const now = 1_000_000;
        const reservations = await Promise.all(clients.flatMap((c) => [1, 2, 3].map(() => reserveSlots(c, "telegram:x", 2, 50, now))));
        const starts = reservations.map((r) => r.startMs).sort((x, y) => x - y);
        assert.deepEqual(starts, Array.from({ length: 9 }, (_, i) => now + i * 100));
        await pauseUntil(database, "telegram:x", now + 60_000);
        assert.equal((await reserveSlots(database, "telegram:x", 1, 50, now)).startMs, now + 60_000);
        await halt(database, "telegram:x", "401 Unauthorized", t0);
        assert.equal((await reserveSlots(clients[0]!, "telegram:x", 1, 50, now)).haltReason, "401 Unauthorized");
        await resume(database, "telegram:x");
        assert.equal((await reserveSlots(clients[1]!, "telegram:x", 1, 50, now)).haltReason, null);
      } finally {
        await Promise.all(clients.map((c) => c.close()));
        await database.drop();
      }
    });
  });
}
