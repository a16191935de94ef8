// L4, scaled down: people keep writing to the bot while the dispatcher sends a broadcast on
// the same token, the emulator at Telegram's limits. Every update is answered, each chat's
// replies come in the order its messages were sent, and the broadcast completes. The reply
// time figure is bench/interactive.ts's (npm run bench:interactive).
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { enqueue } from "../../src/scheduler/outbox.js";
import { startBotHarness, TEST_BOT_ID } from "../../src/testing/bot-harness.js";
import { answeredCount, arrangeJoinInvites, botMessages, broadcastRows, createPeople, joinedUnit, sendJoins } from "../../src/testing/join-invites.js";
import { states } from "./harness.js";

const USERS = 30;
const UNITS = 5;
const BROADCAST = 300;

test("L4: updates during a broadcast at Telegram's limits are all answered, in order per chat", { timeout: 120_000 }, async () => {
  const h = await startBotHarness({ provider: "sqlite" });
  try {
    const { db } = h.database;
    const invites = await arrangeJoinInvites(db, h.clock, { units: UNITS, users: USERS });
    const users = await createPeople(h.client, USERS, "用户");
    const recipients = await createPeople(h.client, BROADCAST, "收件人", true);
    await enqueue(h.database, broadcastRows(recipients, "l4", h.clock.now()), h.clock.now());
    h.app.scheduler.dispatcher.trigger();
    while (((await states(h.database))["sent"] ?? 0) < 30) await sleep(50);

    // 150 updates in 10 s, each person writing every 2 s (Telegram's 1/s per chat leaves room for the reply).
    await sendJoins(h.client, users, invites.tokens, (USERS * UNITS) / 10);
    const deadline = Date.now() + 60_000;
    while (((await answeredCount(h.client, users, TEST_BOT_ID)) < USERS * UNITS || (await states(h.database))["sent"] !== BROADCAST) && Date.now() < deadline) await sleep(200);

    for (const user of users) {
      const replies = await botMessages(h.client, user, TEST_BOT_ID);
      assert.deepEqual(replies.map((m) => joinedUnit(m) ?? m.text), invites.units, `user ${user}: every update answered, in order`);
    }
    assert.deepEqual(await states(h.database), { sent: BROADCAST });
    assert.doesNotMatch(h.logs(), /update handling failed/);
    // Replies take their slots from the token's budget the dispatcher uses (src/bot/shared-pace.ts):
    // the two together keep to Telegram's rate instead of running into each other's 429s.
    const limited = (await h.client.requests({ method: "sendMessage" })).filter((r) => r.status === 429);
    assert.ok(limited.length <= 5, `${limited.length} sends met a 429`);
  } finally {
    await h.stop();
  }
});
