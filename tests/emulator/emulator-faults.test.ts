import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { HttpError } from "grammy";
import { type Harness, TOKEN, assertApiError, startEmulator } from "./helpers.js";

describe("emulator: injected faults, request log, counters and clock", () => {
  let h: Harness;
  let userId: number;
  const clockMoves: Date[] = [];
  let randomValue = 0;
  before(async () => {
    h = await startEmulator({ onClockChange: (now) => void clockMoves.push(now), random: () => randomValue, limits: { privateBurst: 1000 } });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.client.reset();
    userId = (await h.client.createUser({ first_name: "陈", startedBot: true })).id;
  });

  const sendRaw = (text: string, signal?: AbortSignal): Promise<Response> =>
    fetch(`${h.emulator.url}/bot${TOKEN}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: userId, text }),
      ...(signal ? { signal } : {}),
    });

  it("answers 5xx for `count` calls, then recovers", async () => {
    await h.client.addFault({ method: "sendMessage", kind: "5xx", count: 2 });
    await assertApiError(h.api.sendMessage(userId, "a"), 500, "Internal Server Error");
    await assertApiError(h.api.sendMessage(userId, "b"), 500, "Internal Server Error");
    assert.equal((await h.api.sendMessage(userId, "c")).text, "c");
    assert.deepEqual(await h.client.faults(), []);
    assert.equal((await h.client.counters()).status5xx, 2);
  });

  it("runs a 429 storm with the given retry_after for a while", async () => {
    await h.client.addFault({ kind: "429", retryAfter: 5, forMs: 300 });
    await assertApiError(h.api.sendMessage(userId, "a"), 429, "Too Many Requests: retry after 5", { retry_after: 5 });
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal((await h.api.sendMessage(userId, "b")).text, "b");
  });

  it("applies probability and chatId filters", async () => {
    await h.client.addFault({ kind: "5xx", probability: 0.5, chatId: userId });
    randomValue = 0.7;
    assert.equal((await h.api.sendMessage(userId, "lucky")).text, "lucky");
    randomValue = 0.2;
    await assertApiError(h.api.sendMessage(userId, "unlucky"), 500, "Internal Server Error");
    assert.equal((await h.api.getMe()).is_bot, true);
  });

  it("delays calls", async () => {
    await h.client.addFault({ method: "getMe", kind: "delay", delayMs: 300, count: 1 });
    const started = Date.now();
    await h.api.getMe();
    assert.ok(Date.now() - started >= 290);
  });

  it("resets the connection before or after applying the call", async () => {
    await h.client.addFault({ method: "sendMessage", kind: "reset", count: 1 });
    await assert.rejects(sendRaw("lost"));
    await h.client.addFault({ method: "sendMessage", kind: "reset", count: 1, applied: true });
    await assert.rejects(sendRaw("delivered but unanswered"));
    const texts = (await h.client.messages(userId)).map((m) => m.text);
    assert.deepEqual(texts, ["delivered but unanswered"]);
    assert.equal((await h.client.counters()).sent["sendMessage"], 1);
  });

  it("surfaces a reset to grammY as a network error", async () => {
    await h.client.addFault({ method: "sendMessage", kind: "reset", count: 1 });
    await assert.rejects(h.api.sendMessage(userId, "x"), HttpError);
  });

  it("hangs calls until the client gives up", async () => {
    await h.client.addFault({ method: "sendMessage", kind: "hang", count: 1 });
    await assert.rejects(sendRaw("never answered", AbortSignal.timeout(300)), /aborted|timeout/i);
    assert.equal((await h.client.messages(userId)).length, 0);
  });

  it("answers 401 for a fault rule and for a revoked token", async () => {
    await h.client.addFault({ kind: "401", count: 1 });
    await assertApiError(h.api.getMe(), 401, "Unauthorized");
    assert.equal((await h.api.getMe()).is_bot, true);
    await h.client.revokeToken(TOKEN);
    await assertApiError(h.api.getMe(), 401, "Unauthorized");
  });

  it("logs every call without the token, with params and response", async () => {
    await h.api.sendMessage(userId, "手机 138****5678");
    await assertApiError(h.api.sendMessage(424242, "x"), 400, "Bad Request: chat not found");
    const log = await h.client.requests({ method: "sendMessage" });
    assert.deepEqual(log.map((e) => [e.params["text"], e.status]), [["手机 138****5678", 200], ["x", 400]]);
    assert.ok(!JSON.stringify(await h.client.requests()).includes(TOKEN.split(":")[1] ?? TOKEN));
    const since = log.at(-1)?.seq ?? 0;
    await h.api.getMe();
    assert.deepEqual((await h.client.requests({ since })).map((e) => e.method), ["getMe"]);
    const counters = await h.client.counters();
    assert.equal(counters.requests["sendMessage"], 2);
    assert.equal(counters.status4xx, 1);
  });

  it("moves the simulated clock, stamps messages with it and calls the host hook", async () => {
    clockMoves.length = 0;
    const before = Date.parse((await h.client.clock()).now);
    const advanced = await h.client.advanceClock(86_400_000);
    assert.equal(advanced.ms - before, 86_400_000);
    assert.deepEqual(clockMoves.map((d) => d.getTime()), [advanced.ms]);
    const set = await h.client.setClock(new Date("2026-05-01T00:00:00Z"));
    assert.equal(set.now, "2026-05-01T00:00:00.000Z");
    const sent = await h.api.sendMessage(userId, "x");
    assert.equal(sent.date, Date.parse("2026-05-01T00:00:00Z") / 1000);
    assert.equal(clockMoves.length, 2);
  });

  it("reports malformed test API requests as 400 with the reason", async () => {
    await assert.rejects(h.client.addFault({ kind: "explode" } as never), /kind/);
    await assert.rejects(h.client.sendText(999, "x"), /user 999 does not exist/);
  });
});
