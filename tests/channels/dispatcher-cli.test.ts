// The standalone dispatcher process (src/cli/dispatcher.ts) with PII_KEY set also sends
// through the registered robots, linking back to the bot by the username getMe gives, and
// stops cleanly on SIGTERM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createOffsetClock } from "../../src/clock.js";
import { createEndpoint, endpointAddress } from "../../src/channels/endpoints.js";
import { FakeWecom } from "../../src/channels/fakes/wecom-server.js";
import { robotRows } from "../../src/channels/targets.js";
import { createEmulator } from "../../src/emulator/server.js";
import { enqueue } from "../../src/scheduler/outbox.js";
import { piiKeys } from "../../src/services/pii-crypto.js";
import { createTestDatabase } from "../../src/testing/databases.js";
import { TEST_BOT_TOKEN } from "../../src/testing/bot-harness.js";
import { reminder } from "./harness.js";

const KEY = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

test("src/cli/dispatcher.ts with PII_KEY delivers a unit's reminder to its WeCom group and exits 0 on SIGTERM", { timeout: 60_000 }, async () => {
  const database = await createTestDatabase("sqlite");
  const emulator = createEmulator({ tokens: [TEST_BOT_TOKEN], botUsername: "county_duban_bot" });
  await emulator.listen();
  const wecom = new FakeWecom();
  wecom.addRobot(KEY, "县财政局工作群");
  await wecom.server.listen();
  const piiKey = randomBytes(32).toString("base64");
  const clock = createOffsetClock();
  try {
    const { db } = database;
    const region = await db.region.create({ data: { name: "云溪县" } });
    const unit = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
    const endpoint = await createEndpoint(db, clock, piiKeys(piiKey), { regionId: region.id, unitId: unit.id, name: "工作群", config: { kind: "wecom", key: KEY }, actorId: null });
    await enqueue(database, await robotRows(db, { unitId: unit.id }, reminder("春耕备耕 明天到期")), clock.now());
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/dispatcher.ts", "--owner", "cli-channels"], {
      env: { ...process.env, DATABASE_URL: database.url, BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: emulator.url, PII_KEY: piiKey, WECOM_API_ROOT: wecom.server.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (wecom.messages.length === 0 && Date.now() < deadline) await sleep(50);
    child.kill("SIGTERM");
    assert.equal(await exited, 0, "SIGTERM exits cleanly");
    assert.equal(wecom.messages.length, 1);
    assert.match(wecom.messages[0]?.content ?? "", /春耕备耕 明天到期/);
    assert.match(wecom.messages[0]?.content ?? "", /https:\/\/t\.me\/county_duban_bot/);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { address: endpointAddress(endpoint.id) } });
    assert.equal(row.state, "sent");
  } finally {
    await wecom.server.close();
    await emulator.close();
    await database.drop();
  }
});
