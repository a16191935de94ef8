import assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import { GrammyError } from "grammy";
import { type Harness, startEmulator } from "./helpers.js";
import type { FloodLimits } from "../../src/emulator/limits.js";

/** The retry_after of a 429, or null when the call succeeded. */
async function retryAfter(call: Promise<unknown>): Promise<number | null> {
  try {
    await call;
    return null;
  } catch (error) {
    assert.ok(error instanceof GrammyError && error.error_code === 429, `expected 429, got ${String(error)}`);
    assert.equal(error.description, `Too Many Requests: retry after ${error.parameters.retry_after}`);
    return error.parameters.retry_after ?? Number.NaN;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("emulator: flood limits", () => {
  let h: Harness | null = null;
  const start = async (limits: Partial<FloodLimits> = {}): Promise<Harness> => (h = await startEmulator({ limits }));
  afterEach(() => h?.close());
  after(() => h?.close());

  const users = async (harness: Harness, count: number): Promise<number[]> =>
    Promise.all(Array.from({ length: count }, (_, i) => harness.client.createUser({ first_name: `u${i}`, startedBot: true }).then((u) => u.id)));

  it("allows about 30 sends per second per token across chats", async () => {
    const harness = await start({ privateBurst: 100 });
    const ids = await users(harness, 35);
    const results = [];
    for (const id of ids) results.push(await retryAfter(harness.api.sendMessage(id, "通知")));
    assert.equal(results.filter((r) => r === null).length, 30);
    assert.deepEqual(results.slice(30), [1, 1, 1, 1, 1]);
    const counters = await harness.client.counters();
    assert.equal(counters.sent["sendMessage"], 30);
    assert.equal(counters.status429, 5);
  });

  it("lets a private chat burst 3, then about 1 per second, and retry_after is honest", async () => {
    const harness = await start();
    const [id = 0] = await users(harness, 1);
    for (let i = 0; i < 3; i++) assert.equal(await retryAfter(harness.api.sendMessage(id, `m${i}`)), null);
    const wait = await retryAfter(harness.api.sendMessage(id, "too soon"));
    assert.equal(wait, 1);
    await sleep((wait ?? 0) * 1000);
    assert.equal(await retryAfter(harness.api.sendMessage(id, "after waiting")), null);
    assert.equal(await retryAfter(harness.api.sendMessage(id, "again too soon")), 1);
  });

  it("allows 20 messages per minute in a group", async () => {
    const harness = await start();
    const [id = 0] = await users(harness, 1);
    const group = await harness.client.createGroup({ title: "群", memberIds: [id] });
    for (let i = 0; i < 20; i++) assert.equal(await retryAfter(harness.api.sendMessage(group.id, `m${i}`)), null);
    const wait = await retryAfter(harness.api.sendMessage(group.id, "21st"));
    assert.ok(wait !== null && wait >= 59 && wait <= 60, `retry_after ${wait}`);
  });

  it("frees a group slot exactly when retry_after says", async () => {
    const harness = await start({ groupPerWindow: 3, groupWindowMs: 1500 });
    const [id = 0] = await users(harness, 1);
    const group = await harness.client.createGroup({ title: "群", memberIds: [id] });
    for (let i = 0; i < 3; i++) await harness.api.sendMessage(group.id, `m${i}`);
    const wait = await retryAfter(harness.api.sendMessage(group.id, "4th"));
    assert.equal(wait, 2);
    await sleep(1600);
    assert.equal(await retryAfter(harness.api.sendMessage(group.id, "after window")), null);
  });

  it("does not count edits or callback answers against the limits", async () => {
    const harness = await start();
    const [id = 0] = await users(harness, 1);
    const sent = await harness.api.sendMessage(id, "v0");
    for (let i = 1; i <= 5; i++) await harness.api.editMessageText(id, sent.message_id, `v${i}`);
    assert.equal(await retryAfter(harness.api.sendMessage(id, "second send")), null);
  });
});
