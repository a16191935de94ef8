// Limits and outages through the running app (startApp with the endpoint dispatchers)
// against the local fakes, windows scaled down (harness.ts): DingTalk's 10-minute block
// defers only the blocked robot while other counties' robots and Telegram keep flowing; a
// county's SMS gateway down for "a minute" delays the households' notice but loses none.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { robotRows } from "../../src/channels/targets.js";
import { enqueue } from "../../src/scheduler/outbox.js";
import { TEST_BOT_ID } from "../../src/testing/bot-harness.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { botMessage, press } from "../org/e2e-helpers.js";
import { withChannelApp } from "./app-harness.js";
import { reminder, SMS_AUTH, SMS_TEMPLATE } from "./harness.js";

const BUSY_TOKEN = "f1f2f3f4e5f60718293a4b5c6d7e8f90";
const OTHER_TOKEN = "a9a8a7a6e5f60718293a4b5c6d7e8f90";
const SECRET = "SEC0123456789abcdef0123456789abcdef";
const OFFICIAL = 3201;
const ADMIN = 3202;

for (const provider of PROVIDERS) {
  describe(`limits and outages in the running app on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("a DingTalk robot blocked for 10 minutes (scaled) defers only its own rows: another county's robot and Telegram keep flowing, nothing is lost", { skip }, async () => {
      // Paced faster than 20 a minute, as when another system posts through the same robot, so DingTalk blocks it.
      await withChannelApp(provider, async (app) => {
        const { db } = app.h.database;
        await app.person(OFFICIAL, "干部", "official", app.unitId);
        const other = await db.region.create({ data: { name: "青山县" } });
        const otherUnit = await db.unit.create({ data: { regionId: other.id, name: "县财政局" } });
        app.dingtalk.addRobot(BUSY_TOKEN, { secret: SECRET });
        app.dingtalk.addRobot(OTHER_TOKEN, { secret: SECRET });
        const busy = await app.endpoint({ kind: "dingtalk", accessToken: BUSY_TOKEN, secret: SECRET, keyword: null, atMobiles: [] });
        await app.endpoint({ kind: "dingtalk", accessToken: OTHER_TOKEN, secret: SECRET, keyword: null, atMobiles: [] }, { unitId: otherUnit.id, regionId: other.id });
        const now = app.h.clock.now();
        const burst = Array.from({ length: 24 }, (_, i) => ({ ...reminder(`忙 ${i}`, { dueAt: now }), channel: "dingtalk", address: busy.address }));
        await enqueue(app.h.database, burst, now);
        app.h.app.scheduler.trigger();
        await app.until("the busy robot is blocked and its rows wait in the database", async () =>
          (await db.outboxMessage.count({ where: { address: busy.address, state: "pending", nextAttemptAt: { gt: new Date(app.h.clock.now().getTime() + 500) } } })) > 0);

        const later = app.h.clock.now();
        await enqueue(app.h.database, [
          ...(await robotRows(db, { unitId: otherUnit.id }, reminder("青山县的提醒", { dueAt: later }))),
          { ...reminder("本县干部的提醒", { dueAt: later }), address: String(OFFICIAL) },
        ], later);
        await app.until("the other county's robot and the Telegram member got theirs", async () =>
          app.dingtalk.messages.some((m) => m.token === OTHER_TOKEN) && (await app.h.client.messages(OFFICIAL)).some((m) => m.from?.id === TEST_BOT_ID && (m.text ?? "").includes("本县干部的提醒")));
        const waiting = await db.outboxMessage.count({ where: { address: busy.address, state: "pending" } });
        assert.ok(waiting > 0, "the blocked robot's rows still wait while the others went out");

        await app.until("every row of the blocked robot went out", async () =>
          (await db.outboxMessage.count({ where: { channel: "dingtalk", state: { not: "sent" } } })) === 0);
        const order = app.dingtalk.messages.map((m) => m.token === BUSY_TOKEN);
        assert.equal(order.filter(Boolean).length, 24, "nothing lost");
        assert.equal(order.indexOf(false), 20, "the other county's robot went out during the block, not after it");
        const attempts = await db.outboxMessage.aggregate({ where: { address: busy.address }, _max: { attempts: true } });
        assert.equal(attempts._max.attempts, 1, "waiting out a block costs no attempt");
        const fault = await db.channelEndpoint.findUniqueOrThrow({ where: { id: busy.id } });
        assert.equal(fault.active, true, "a block is not a fault: the robot stays on");
      }, { robotSpacingMs: 5 });
    });

    test("an SMS gateway down for a minute (scaled): the households' notice published in chat arrives by SMS once it is back; none lost, none doubled", { skip }, async () => {
      await withChannelApp(provider, async (app) => {
        const { db } = app.h.database;
        await app.person(ADMIN, "县督查室主任", "admin", null);
        await app.endpoint({ kind: "sms", url: `${app.sms.server.url}/send`, authHeader: SMS_AUTH, templateId: SMS_TEMPLATE }, { name: "县短信网关" });
        const mobiles = ["13800000011", "13800000012", "13800000013"];
        for (const [i, phone] of mobiles.entries()) await db.household.create({ data: { regionId: app.regionId, name: `农户${i}`, phone } });
        await db.household.create({ data: { regionId: app.regionId, name: "有 Telegram 的农户", phone: "13800000019", telegramUserId: 777n } });

        await app.sms.server.down(1500);
        const menu = await app.h.ask(ADMIN, "/households");
        const county = await press(app.h, ADMIN, ADMIN, menu, /外出贫困户 · 云溪县/, /外出贫困户：\d+ 户/);
        await press(app.h, ADMIN, ADMIN, county, /向贫困户发通知/, /请发送给/);
        const typed = await app.h.client.sendText(ADMIN, "春季务工补贴申请已开始，请于三月底前联系帮扶干部办理。");
        const ask = await botMessage(app.h, ADMIN, /不附文件直接发送|宣传单/, typed.message_id);
        await press(app.h, ADMIN, ADMIN, ask, /不附文件直接发送/, /已排队发送给 4 户/);

        await app.until("every household without Telegram got the SMS", async () => app.sms.delivered.length >= mobiles.length && (await db.outboxMessage.count({ where: { channel: "sms", state: { not: "sent" } } })) === 0);
        assert.deepEqual(app.sms.delivered.map((d) => d.to).sort(), mobiles, "each once; the household with Telegram gets it there instead");
        assert.match(app.sms.delivered[0]?.params[0] ?? "", /云溪县.*春季务工补贴/);
        const [, , , sms] = app.h.app.scheduler.dispatchers;
        assert.ok((sms?.stats.retried ?? 0) >= 1, "the rows were retried while the gateway was down");
        const flagged = await db.outboxMessage.count({ where: { channel: "sms", possibleDuplicate: true } });
        assert.equal(flagged, 0);
        const telegramRows = await db.outboxMessage.findMany({ where: { channel: "telegram", kind: "household.notice" } });
        assert.ok(telegramRows.every((r) => !/1380000001\d/.test(JSON.stringify(r.payload)) && !/1380000001\d/.test(r.address)), "no mobile in a Telegram row");
      });
    });
  });
}
