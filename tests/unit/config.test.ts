import { test } from "node:test";
import assert from "node:assert/strict";
import { loadConfig } from "../../src/config.js";

const token = "123456:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";

test("an empty environment gives the safe defaults", () => {
  const result = loadConfig({});
  assert.ok(result.ok);
  assert.equal(result.config.DATABASE_URL, "file:./data/duban.db");
  assert.equal(result.config.DEFAULT_LOCALE, "zh-CN");
  assert.equal(result.config.BOT_TOKEN, undefined);
  assert.deepEqual(result.config.OWNER_IDS, []);
});

test("an invalid variable is named in one line", () => {
  const result = loadConfig({ BOT_TOKEN: "not a token" });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.error.startsWith("Invalid configuration: BOT_TOKEN:"));
  assert.ok(!result.ok && !result.error.includes("\n"));
});

test("webhook mode without a secret is refused (S1)", () => {
  const result = loadConfig({ BOT_TOKEN: token, WEBHOOK_URL: "https://example.org/hook" });
  assert.ok(!result.ok && result.error.includes("WEBHOOK_SECRET"));
  const withSecret = loadConfig({ BOT_TOKEN: token, WEBHOOK_URL: "https://example.org/hook", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" });
  assert.ok(withSecret.ok);
});

test("owner ids, time zone and database URL are checked", () => {
  assert.ok(!loadConfig({ OWNER_IDS: "12,abc" }).ok);
  const owners = loadConfig({ OWNER_IDS: "12, 34" });
  assert.ok(owners.ok && owners.config.OWNER_IDS.join() === "12,34");
  assert.ok(!loadConfig({ DEFAULT_TIME_ZONE: "Mars/Olympus" }).ok);
  assert.ok(!loadConfig({ DATABASE_URL: "mysql://x" }).ok);
  assert.ok(loadConfig({ DATABASE_URL: "postgresql://u@h/db" }).ok);
});
