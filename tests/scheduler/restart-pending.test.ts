// F20: the bot restarts (long polling) with updates waiting at Telegram: each is handled
// exactly once and none is lost — whether they queued while the bot was down, or the bot
// was stopped in the middle of a batch it had fetched but not yet confirmed.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { startApp, type RunningApp } from "../../src/app.js";
import { capturedLogger } from "../../src/testing/captured-logger.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, type BotHarness } from "../../src/testing/bot-harness.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { answeredCount, arrangeJoinInvites, botMessages, createPeople, joinedUnit, type JoinInvites } from "../../src/testing/join-invites.js";

const USERS = 10;
const UNITS = 10;

interface Restartable {
  h: BotHarness;
  invites: JoinInvites;
  users: number[];
  /** Starts the bot again on the same database and emulator. */
  start(): Promise<void>;
  stop(): Promise<void>;
  logs(): string;
  close(): Promise<void>;
}

async function restartable(provider: "sqlite" | "postgresql"): Promise<Restartable> {
  const h = await startBotHarness({ provider });
  // Ten replies per chat in a burst: the per-chat limit has its own tests.
  await h.client.configure({ limits: { privateBurst: 1000, privatePerSecond: 1000 } });
  const invites = await arrangeJoinInvites(h.database.db, h.clock, { units: UNITS, users: USERS });
  const users = await createPeople(h.client, USERS, "用户");
  let current: RunningApp = h.app;
  const restarted = capturedLogger([TEST_BOT_TOKEN]);
  return {
    h, invites, users,
    async start() {
      current = await startApp(h.config, h.clock, restarted.logger);
    },
    stop: () => current.stop(),
    logs: () => h.logs() + restarted.text(),
    async close() {
      await current.stop();
      await h.stop();
    },
  };
}

/** Each user redeems the invites in unit order; updates of one user stay in order. */
function sendAll(r: Restartable): Promise<void> {
  return Promise.all(r.users.map(async (user) => {
    for (const token of r.invites.tokens) await r.h.client.sendText(user, `/start ${token}`);
  })).then(() => undefined);
}

async function untilAnswered(r: Restartable, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await answeredCount(r.h.client, r.users, TEST_BOT_ID)) < count && Date.now() < deadline) await sleep(100);
}

async function assertEachHandledOnce(r: Restartable): Promise<void> {
  const { db } = r.h.database;
  for (const user of r.users) {
    const replies = (await botMessages(r.h.client, user, TEST_BOT_ID)).map(joinedUnit);
    assert.deepEqual(replies, r.invites.units, `user ${user}: one "joined" per update, in order`);
  }
  assert.equal(await db.membership.count(), USERS * UNITS, "none lost");
  assert.deepEqual((await db.inviteToken.findMany()).map((i) => i.usesLeft), r.invites.units.map(() => 0), "no invite used twice");
  assert.equal(await db.processedUpdate.count(), USERS * UNITS);
  assert.doesNotMatch(r.logs(), /update handling failed/);
}

for (const provider of PROVIDERS) {
  describe(`F20: restart with pending updates, on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("100 updates queued while the bot is down are each handled once after the restart", { skip }, async () => {
      const r = await restartable(provider);
      try {
        await r.stop();
        await sendAll(r);
        assert.equal(await r.h.database.db.processedUpdate.count(), 0, "nothing handled while down");
        await r.start();
        await untilAnswered(r, USERS * UNITS, 30_000);
        await assertEachHandledOnce(r);
      } finally {
        await r.close();
      }
    });

    test("stopped in the middle of a fetched batch: after the restart each update is handled once, none lost", { skip }, async () => {
      const r = await restartable(provider);
      try {
        const sending = sendAll(r);
        while ((await r.h.database.db.processedUpdate.count()) < 20) await sleep(10);
        await r.stop();
        await sending;
        // The stop lets the fetched batch finish; whatever was not fetched waits at Telegram.
        assert.doesNotMatch(r.logs(), /update handling failed/, "nothing fetched was cut off by the stop");
        await r.start();
        await untilAnswered(r, USERS * UNITS, 30_000);
        await assertEachHandledOnce(r);
      } finally {
        await r.close();
      }
    });
  });
}
