// F17, F18 in webhook mode: an update Telegram delivers again — because the first delivery
// timed out while a slow handler was still working, or simply three times — has its side
// effects once: the invite is used once, one membership, one audit row, one reply. On
// PostgreSQL the copies reach two receivers sharing the database, as behind a load balancer.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { startApp, type RunningApp } from "../../src/app.js";
import type { Provider } from "../../src/db/client.js";
import { capturedLogger } from "../../src/testing/captured-logger.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, type BotHarness } from "../../src/testing/bot-harness.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { arrangeJoinInvites, botMessages, joinedUnit } from "../../src/testing/join-invites.js";

const SECRET = "webhook-secret-for-tests-0123";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Receivers {
  h: BotHarness;
  /** The webhook URLs: the harness's receiver, then the second one (PostgreSQL only). */
  hooks: string[];
  /** Everything the receivers logged; `last` only the receiver of the last hook. */
  logs(last?: "last"): string;
  /** Points Telegram's (the emulator's) deliveries at one receiver. */
  deliverTo(hook: string): Promise<void>;
  close(): Promise<void>;
}

/** The real app in webhook mode; on PostgreSQL a second receiver on the same database. */
async function startReceivers(provider: Provider, emulator: { webhookTimeoutMs: number; webhookRetryMs: number }): Promise<Receivers> {
  const port = await freePort();
  const hooks = [`http://127.0.0.1:${port}/telegram`];
  const h = await startBotHarness({
    provider,
    emulator,
    env: { WEBHOOK_URL: hooks[0] ?? "", WEBHOOK_SECRET: SECRET, WEBHOOK_HOST: "127.0.0.1", WEBHOOK_PORT: String(port) },
  });
  const secondLogs = capturedLogger([TEST_BOT_TOKEN]);
  let second: RunningApp | null = null;
  if (provider === "postgresql") {
    const secondPort = await freePort();
    hooks.push(`http://127.0.0.1:${secondPort}/telegram`);
    second = await startApp({ ...h.config, WEBHOOK_URL: hooks[1], WEBHOOK_PORT: secondPort }, h.clock, secondLogs.logger);
  }
  const receivers: Receivers = {
    h,
    hooks,
    logs: (last) => (last && second ? secondLogs.text() : h.logs() + secondLogs.text()),
    async deliverTo(hook) {
      const response = await fetch(`${h.emulator.url}/bot${TEST_BOT_TOKEN}/setWebhook`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: hook, secret_token: SECRET }),
      });
      assert.equal(response.status, 200);
    },
    async close() {
      await second?.stop();
      await h.stop();
    },
  };
  await receivers.deliverTo(hooks[0] ?? "");
  return receivers;
}

async function pendingUpdates(h: BotHarness): Promise<number> {
  const response = await fetch(`${h.emulator.url}/bot${TEST_BOT_TOKEN}/getWebhookInfo`);
  return ((await response.json()) as { result: { pending_update_count: number } }).result.pending_update_count;
}

/** The one side effect each redelivered update must have once. */
async function assertJoinedOnce(r: Receivers, userId: number, inviteUses: number): Promise<void> {
  const { db } = r.h.database;
  const invite = await db.inviteToken.findFirstOrThrow();
  assert.equal(invite.usesLeft, inviteUses - 1, "the invite was used once");
  assert.equal(await db.membership.count(), 1);
  assert.equal(await db.auditLog.count({ where: { action: "invite.redeem" } }), 1);
  const replies = await botMessages(r.h.client, userId, TEST_BOT_ID);
  assert.deepEqual(replies.map(joinedUnit), ["第1办"], "one reply, the one that says joined");
  assert.match(r.logs(), /update already handled; skipped/);
  assert.doesNotMatch(r.logs(), /update handling failed/);
}

for (const provider of PROVIDERS) {
  describe(`webhook updates delivered again, on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("F17: a slow handler's update re-delivered after the webhook timed out is handled once", { skip }, async () => {
      const r = await startReceivers(provider, { webhookTimeoutMs: 600, webhookRetryMs: 1200 });
      try {
        const { h } = r;
        const user = await h.client.createUser({ first_name: "慢", language_code: "zh-hans" });
        const { tokens } = await arrangeJoinInvites(h.database.db, h.clock, { units: 1, users: 5 });
        // The reply waits 3 s at "Telegram": the handler is still busy when the delivery times out.
        await h.client.addFault({ method: "sendMessage", chatId: user.id, kind: "delay", delayMs: 3000, count: 1 });
        await h.client.sendText(user.id, `/start ${tokens[0]}`);
        // The first delivery has reached a receiver once the update id is recorded.
        while ((await h.database.db.processedUpdate.count()) === 0) await sleep(20);
        // Behind a load balancer the next delivery may reach the other receiver.
        await r.deliverTo(r.hooks.at(-1) ?? "");
        while ((await botMessages(h.client, user.id, TEST_BOT_ID)).length === 0 || (await pendingUpdates(h)) > 0) await sleep(50);

        assert.match(r.logs("last"), /update already handled; skipped/, "the delivery that timed out was repeated, to the other receiver where there are two");
        await assertJoinedOnce(r, user.id, 5);
      } finally {
        await r.close();
      }
    });

    test("F18: the same update delivered three times at once is handled once", { skip }, async () => {
      const r = await startReceivers(provider, { webhookTimeoutMs: 10_000, webhookRetryMs: 1000 });
      try {
        const { h } = r;
        const user = await h.client.createUser({ first_name: "重", language_code: "zh-hans", startedBot: true });
        const { tokens } = await arrangeJoinInvites(h.database.db, h.clock, { units: 1, users: 5 });
        const text = `/start ${tokens[0]}`;
        const from = { id: user.id, is_bot: false, first_name: user.first_name, language_code: "zh-hans" };
        const update = {
          update_id: 880_001,
          message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: user.id, type: "private", first_name: user.first_name }, from, text, entities: [{ type: "bot_command", offset: 0, length: 6 }] },
        };
        const targets = [r.hooks[0], r.hooks.at(-1), r.hooks[0]];
        const answers = await Promise.all(targets.map((hook) => fetch(hook ?? "", {
          method: "POST",
          headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
          body: JSON.stringify(update),
        })));
        assert.deepEqual(answers.map((a) => a.status), [200, 200, 200], "every copy is acknowledged, so Telegram stops repeating it");
        while ((await botMessages(h.client, user.id, TEST_BOT_ID)).length === 0) await sleep(50);

        await assertJoinedOnce(r, user.id, 5);
        assert.equal(await h.database.db.processedUpdate.count({ where: { updateId: 880_001n } }), 1);
      } finally {
        await r.close();
      }
    });
  });
}
