// F11 (SQLite, one writer): the dispatcher sends a broadcast while 200 user updates a second
// reach the bot, each writing a transaction. No lock error reaches a user: every update gets
// its own reply, in order, no apology, nothing about locks or timeouts in the log, and the
// broadcast completes. The write latency figure is bench/sqlite-contention.ts's (npm run bench:sqlite).
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { startBotHarness, TEST_BOT_ID } from "../../src/testing/bot-harness.js";
import { answeredCount, arrangeJoinInvites, botMessages, broadcastRows, createPeople, joinedUnit, sendJoins } from "../../src/testing/join-invites.js";
import { enqueue } from "../../src/scheduler/outbox.js";
import { states } from "./harness.js";

const USERS = 100;
const UNITS = 6;
const BROADCAST = 150;

/** What a lock reaching the application looks like in Prisma's and SQLite's words. */
const LOCK_ERRORS = /database is locked|SQLITE_BUSY|Timed out|timed out|P1008|P2034|Transaction API error/;

test("F11: a broadcast and 200 user updates a second on SQLite: every user answered in order, no lock error anywhere", { timeout: 120_000 }, async () => {
  const h = await startBotHarness({ provider: "sqlite" });
  try {
    const { db } = h.database;
    // The database is under test here, not Telegram's limits: the replies may go out as fast as asked.
    await h.client.configure({ limits: { perTokenPerSecond: 10_000, privateBurst: 1000, privatePerSecond: 1000 } });
    const invites = await arrangeJoinInvites(db, h.clock, { units: UNITS, users: USERS });
    const users = await createPeople(h.client, USERS, "用户");
    const recipients = await createPeople(h.client, BROADCAST, "收件人", true);
    await enqueue(h.database, broadcastRows(recipients, "f11", h.clock.now()), h.clock.now());
    h.app.scheduler.dispatcher.trigger();

    await sendJoins(h.client, users, invites.tokens, 200);
    const deadline = Date.now() + 60_000;
    while (((await answeredCount(h.client, users, TEST_BOT_ID)) < USERS * UNITS || (await states(h.database))["sent"] !== BROADCAST) && Date.now() < deadline) await sleep(200);

    for (const user of users) {
      const replies = await botMessages(h.client, user, TEST_BOT_ID);
      assert.deepEqual(replies.map((m) => joinedUnit(m) ?? m.text), invites.units, `user ${user}: every update answered, in order, no apology`);
    }
    assert.equal(await db.membership.count(), USERS * UNITS);
    assert.deepEqual(await states(h.database), { sent: BROADCAST }, "the broadcast went out alongside");
    assert.doesNotMatch(h.logs(), LOCK_ERRORS);
    assert.doesNotMatch(h.logs(), /update handling failed|dispatcher pass failed/);
  } finally {
    await h.stop();
  }
});
