import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, type BotHarness } from "../../src/testing/bot-harness.js";

// F14: a second process polling the same token gets 409 from Telegram (here the emulator's
// one-poller rule). Whichever of the two gets it stops receiving with one clear line; the
// other keeps answering users.
let h: BotHarness;

before(async () => {
  h = await startBotHarness();
});
after(async () => {
  await h.stop();
});

test("a second poller of the same token: one of the two stops with a clear message, the other keeps answering (F14)", { timeout: 60_000 }, async () => {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BOT_TOKEN|WEBHOOK_|DATABASE_URL|TELEGRAM_API_ROOT)/.test(k)));
  const second = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...clean, BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: h.emulator.url, DATABASE_URL: h.database.url, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  second.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<string>((resolve) => second.on("exit", (code) => resolve(`second exited ${code}`)));
  const first = h.app.stopped.then(() => "first stopped");
  const loser = await Promise.race([exited, first]);
  const message = loser === "first stopped" ? h.logs() : output;
  assert.match(message, /another process is polling this bot token/);
  assert.ok(!message.includes(TEST_BOT_TOKEN), "the token is not in the message (S3)");
  if (loser === "first stopped") {
    // The second process now polls alone and answers.
    await h.client.createUser({ id: 401, first_name: "轮询", language_code: "zh-hans" });
    const reply = await h.ask(401, "/help", 20_000);
    assert.equal(reply.from?.id, TEST_BOT_ID);
    second.kill("SIGTERM");
    await exited;
  } else {
    assert.equal(loser, "second exited 1");
    const reply = await h.ask((await h.client.createUser({ first_name: "轮询", language_code: "zh-hans" })).id, "/help", 20_000);
    assert.equal(reply.from?.id, TEST_BOT_ID);
  }
});
