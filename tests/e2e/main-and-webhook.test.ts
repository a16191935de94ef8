import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { startBotHarness, TEST_BOT_ID, type BotHarness } from "../../src/testing/bot-harness.js";

function runMain(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BOT_TOKEN|WEBHOOK_|DATABASE_URL)/.test(k)));
  return spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { ...clean, ...env }, encoding: "utf8", timeout: 30_000 });
}

test("npm start without BOT_TOKEN exits 1 with one line naming @BotFather and the demo", () => {
  const result = runMain({ BOT_TOKEN: "" });
  assert.equal(result.status, 1);
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? "", /@BotFather/);
  assert.match(lines[0] ?? "", /npm run demo/);
});

test("a webhook URL without a secret refuses to start, naming the variable (S1)", () => {
  const result = runMain({ BOT_TOKEN: "123456:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ", WEBHOOK_URL: "https://example.org/telegram" });
  assert.equal(result.status, 1);
  assert.match(result.stderr.trim(), /^Invalid configuration: WEBHOOK_SECRET: required when WEBHOOK_URL is set/);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("webhook mode", () => {
  let h: BotHarness;
  let hook: string;
  const secret = "webhook-secret-for-tests-0123";

  before(async () => {
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram`;
    h = await startBotHarness({ env: { WEBHOOK_URL: hook, WEBHOOK_SECRET: secret, WEBHOOK_HOST: "127.0.0.1", WEBHOOK_PORT: String(port) } });
  });
  after(async () => {
    await h.stop();
  });

  test("updates arrive through the webhook with the secret and are answered", async () => {
    await h.client.createUser({ id: 301, first_name: "钩子", language_code: "zh-hans" });
    const reply = await h.ask(301, "/help", 10_000);
    assert.equal(reply.from?.id, TEST_BOT_ID);
    assert.match(reply.text ?? "", /使用帮助/);
  });

  test("requests with a missing or wrong secret get 401 and are not processed (S1)", async () => {
    const update = { update_id: 999_001, message: { message_id: 1, date: 0, chat: { id: 302, type: "private" }, from: { id: 302, is_bot: false, first_name: "x" }, text: "/start" } };
    const attempts: Record<string, string>[] = [{}, { "X-Telegram-Bot-Api-Secret-Token": "wrong-secret-wrong-secret" }];
    for (const headers of attempts) {
      const response = await fetch(hook, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update) });
      assert.equal(response.status, 401);
    }
    assert.equal(await h.database.db.processedUpdate.count({ where: { updateId: 999_001n } }), 0);
  });
});
