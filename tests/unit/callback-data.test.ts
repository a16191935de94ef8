import { test } from "node:test";
import assert from "node:assert/strict";
import { callbackData } from "../../src/bot/callback-data.js";

test("callback data round-trips and refuses what Telegram would refuse", () => {
  const codec = callbackData("task", ["id", "action"]);
  const data = codec.pack({ id: 42, action: "ack" });
  assert.equal(data, "task:42:ack");
  assert.deepEqual(codec.unpack(data), { id: "42", action: "ack" });
  assert.ok(codec.filter.test(data));
  assert.equal(codec.unpack("task:42"), null);
  assert.equal(codec.unpack("other:42:ack"), null);
  assert.throws(() => codec.pack({ id: "x".repeat(70), action: "ack" }), /over 64 bytes/);
  assert.throws(() => codec.pack({ id: "1:2", action: "ack" }), /must not contain/);
});
