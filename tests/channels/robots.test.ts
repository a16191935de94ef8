// WeCom and DingTalk group robots end to end: outbox → dispatcher → local fake robot APIs
// that check keys, signatures, keywords and the 20-per-minute limit (scaled: 20 per
// 2 s, DingTalk's 10-minute block 2.5 s; see harness.ts).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { robotRows } from "../../src/channels/targets.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { reminder, withChannels } from "./harness.js";

const WECOM_KEY = "693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa";
const DING_TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const DING_SECRET = "SEC0123456789abcdef0123456789abcdef";

for (const provider of PROVIDERS) {
  describe(`group robots on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("a unit's reminders reach its WeCom group as markdown with a link back to the bot", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.wecom.addRobot(WECOM_KEY, "县财政局工作群");
        await h.endpoint({ kind: "wecom", key: WECOM_KEY });
        await h.enqueue(await robotRows(h.database.db, { unitId: h.unitId }, reminder("<b>春耕备耕</b> 还有 3 天到期（县财政局）")));
        h.start();
        assert.deepEqual(await h.settled(), { sent: 1 });
        const [message] = h.wecom.messages;
        assert.equal(message?.msgtype, "markdown");
        assert.match(message?.content ?? "", /\*\*春耕备耕\*\* 还有 3 天到期/);
        assert.match(message?.content ?? "", /\[在 Telegram 中处理\]\(https:\/\/t\.me\/duban_test_bot\)/);
      });
    });

    test("several reminders due together reach the group as one merged message", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.wecom.addRobot(WECOM_KEY, "县财政局工作群");
        await h.endpoint({ kind: "wecom", key: WECOM_KEY });
        for (const title of ["春耕", "防汛", "秸秆禁烧"]) {
          const notice = reminder(`${title} 明天到期`);
          await h.enqueue(await robotRows(h.database.db, { unitId: h.unitId }, { ...notice, payload: { ...notice.payload, line: `• ${title} 明天到期` } }));
        }
        h.start();
        assert.deepEqual(await h.settled(), { sent: 3 });
        assert.equal(h.wecom.messages.length, 1);
        assert.match(h.wecom.messages[0]?.content ?? "", /^📋 \*\*你有 3 条督办提醒：\*\*\n• 春耕 明天到期\n• 防汛 明天到期\n• 秸秆禁烧 明天到期$/);
      });
    });

    test("an invalid WeCom key (93000) switches the endpoint off, drops its rows and alerts the county admins", { skip }, async () => {
      await withChannels(provider, async (h) => {
        const person = await h.database.db.person.create({ data: { name: "管理员", telegramUserId: 4242n } });
        await h.database.db.membership.create({ data: { personId: person.id, regionId: h.regionId, role: "admin" } });
        const { id, address } = await h.endpoint({ kind: "wecom", key: "revoked-key-0000" });
        const rows = [reminder("一"), reminder("二"), reminder("三")].map((r) => ({ ...r, channel: "wecom", address, dedupeKey: `${r.dedupeKey}:x` }));
        await h.enqueue(rows);
        h.start();
        const states = await h.settled();
        assert.equal(states.dead, 3, "the refused row and the queued ones are dead");
        const endpoint = await h.database.db.channelEndpoint.findUniqueOrThrow({ where: { id } });
        assert.equal(endpoint.active, false);
        assert.match(endpoint.lastError ?? "", /^93000 invalid webhook url/);
        const alert = await h.database.db.outboxMessage.findFirstOrThrow({ where: { channel: "telegram", kind: "channel.fault" } });
        assert.equal(alert.address, "4242");
        assert.match(JSON.stringify(alert.payload), /93000/);
        assert.doesNotMatch(JSON.stringify(alert.payload), /revoked-key/, "the key is never echoed");
        assert.equal(h.wecom.messages.length, 0);
      });
    });

    test("pushed past 20 per minute, a WeCom robot waits after 45009 and loses nothing", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.wecom.addRobot(WECOM_KEY, "工作群");
        const { address } = await h.endpoint({ kind: "wecom", key: WECOM_KEY });
        await h.enqueue(Array.from({ length: 25 }, (_, i) => ({ ...reminder(`第 ${i} 条`), channel: "wecom", address })));
        const [wecom] = h.start({ robotSpacingMs: 5 });
        assert.deepEqual(await h.settled(), { sent: 25 });
        assert.equal(h.wecom.messages.length, 25);
        assert.ok((wecom?.stats.rateLimited ?? 0) >= 1, "the fake refused with 45009 at least once");
        const attempts = await h.database.db.outboxMessage.aggregate({ _max: { attempts: true } });
        assert.equal(attempts._max.attempts, 1, "waiting for the robot costs no attempt");
      });
    });

    test("a robot with more queued messages than its pacing lets out before they are deferred still gets every one", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.wecom.addRobot(WECOM_KEY, "工作群");
        const { address } = await h.endpoint({ kind: "wecom", key: WECOM_KEY });
        // 30 messages at one per 110 ms take over 3 s; the dispatcher holds a row for its slot 1 s at most.
        await h.enqueue(Array.from({ length: 30 }, (_, i) => ({ ...reminder(`第 ${i} 条`, { payload: { text: `第 ${i} 条`, html: false } }), channel: "wecom", address })));
        h.start();
        assert.deepEqual(await h.settled(), { sent: 30 });
        assert.deepEqual(h.wecom.messages.map((m) => m.content).sort(), Array.from({ length: 30 }, (_, i) => `第 ${i} 条`).sort());
      });
    });

    test("DingTalk: signed requests with keyword and @mobiles are delivered", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.dingtalk.addRobot(DING_TOKEN, { secret: DING_SECRET, keyword: "督办" });
        await h.endpoint({ kind: "dingtalk", accessToken: DING_TOKEN, secret: DING_SECRET, keyword: "督办", atMobiles: ["13800138000"] });
        await h.enqueue(await robotRows(h.database.db, { unitId: h.unitId }, reminder("春耕备耕 今天到期")));
        h.start();
        assert.deepEqual(await h.settled(), { sent: 1 });
        const [message] = h.dingtalk.messages;
        assert.match(message?.text ?? "", /春耕备耕 今天到期/);
        assert.match(message?.text ?? "", /【督办】/);
        assert.match(message?.text ?? "", /@13800138000/);
        assert.deepEqual(message?.atMobiles, ["13800138000"]);
      });
    });

    test("DingTalk: a wrong secret (sign not match) and a missing keyword switch the endpoint off with DingTalk's reason", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.dingtalk.addRobot(DING_TOKEN, { secret: DING_SECRET });
        h.dingtalk.addRobot("b1b2c3d4e5f60718293a4b5c6d7e8f90", { secret: DING_SECRET, keyword: "监控报警" });
        const badSign = await h.endpoint({ kind: "dingtalk", accessToken: DING_TOKEN, secret: "SECffffffffffffffffffffffffffff", keyword: null, atMobiles: [] });
        const noKeyword = await h.endpoint({ kind: "dingtalk", accessToken: "b1b2c3d4e5f60718293a4b5c6d7e8f90", secret: DING_SECRET, keyword: null, atMobiles: [] });
        await h.enqueue([{ ...reminder("一"), channel: "dingtalk", address: badSign.address }, { ...reminder("二"), channel: "dingtalk", address: noKeyword.address }]);
        h.start();
        assert.deepEqual(await h.settled(), { dead: 2 });
        const endpoints = await h.database.db.channelEndpoint.findMany({ orderBy: { id: "asc" } });
        assert.deepEqual(endpoints.map((e) => [e.active, e.lastError?.replace(/,.*/, "")]), [[false, "310000 sign not match"], [false, "310000 keywords not in content"]]);
        assert.equal(h.dingtalk.messages.length, 0);
      });
    });

    test("DingTalk's block after 20 in a minute defers only that robot, in the database; nothing is lost", { skip }, async () => {
      await withChannels(provider, async (h) => {
        h.dingtalk.addRobot(DING_TOKEN, { secret: DING_SECRET });
        h.dingtalk.addRobot("c1c2c3d4e5f60718293a4b5c6d7e8f90", { secret: DING_SECRET });
        const busy = await h.endpoint({ kind: "dingtalk", accessToken: DING_TOKEN, secret: DING_SECRET, keyword: null, atMobiles: [] });
        const other = await h.endpoint({ kind: "dingtalk", accessToken: "c1c2c3d4e5f60718293a4b5c6d7e8f90", secret: DING_SECRET, keyword: null, atMobiles: [] });
        await h.enqueue(Array.from({ length: 24 }, (_, i) => ({ ...reminder(`忙 ${i}`), channel: "dingtalk", address: busy.address })));
        h.start({ robotSpacingMs: 5 });
        const deadline = Date.now() + 5000;
        while (!(await h.database.db.outboxMessage.findFirst({ where: { address: busy.address, state: "pending", nextAttemptAt: { gt: new Date(Date.now() + 500) } } })) && Date.now() < deadline) await sleep(20);
        const deferred = await h.database.db.outboxMessage.count({ where: { address: busy.address, state: "pending" } });
        assert.ok(deferred >= 1, "rows of the blocked robot wait in the database");
        await h.enqueue([{ ...reminder("另一个群"), channel: "dingtalk", address: other.address }]);
        assert.deepEqual(await h.settled(), { sent: 25 });
        const order = h.dingtalk.messages.map((m) => m.token === DING_TOKEN);
        assert.equal(order.indexOf(false), 20, "the other robot's message goes out while the busy one is blocked");
        assert.equal(h.dingtalk.messages.filter((m) => m.token === DING_TOKEN).length, 24);
      });
    });
  });
}
