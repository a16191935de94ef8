// SMS through a county's generic HTTP gateway, end to end against a local fake gateway:
// households without Telegram get notices by SMS; a gateway down for "a minute" (scaled
// to 1.5 s, with backoff from 100 ms) loses nothing; refused credentials and unreachable
// numbers are told apart.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { householdSmsRows } from "../../src/channels/targets.js";
import { ENDPOINT_DISPATCH_DEFAULTS } from "../../src/channels/start-channels.js";
import { endpointAddress } from "../../src/channels/endpoints.js";
import { FakeSmsGateway } from "../../src/channels/fakes/sms-gateway-server.js";
import { backoffMs } from "../../src/scheduler/settle.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { SMS_AUTH, SMS_TEMPLATE, withChannels } from "./harness.js";

const gateway = (url: string, auth = SMS_AUTH) => ({ kind: "sms" as const, url: `${url}/send`, authHeader: auth, templateId: SMS_TEMPLATE });
const notice = (text: string, key: string) => ({ kind: "household.notice", payload: { text, html: true }, dueAt: new Date(), dedupeKey: key });

test("with the production backoff a row outlives a gateway down for a minute", () => {
  const { backoffBaseMs = 0, backoffMaxMs = 0, maxAttempts = 0 } = ENDPOINT_DISPATCH_DEFAULTS;
  const shortest = Array.from({ length: maxAttempts - 1 }, (_, i) => backoffMs(i + 1, backoffBaseMs, backoffMaxMs, () => 0)).reduce((a, b) => a + b, 0);
  assert.ok(shortest > 10 * 60_000, `retries span at least ${shortest} ms`);
});

for (const provider of PROVIDERS) {
  describe(`SMS gateway on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("households without Telegram get the county's notice by SMS, in 70-character template variables", { skip }, async () => {
      await withChannels(provider, async (h) => {
        await h.endpoint(gateway(h.sms.server.url));
        const households = [
          { name: "甲", phone: "138 0013-8000", telegramUserId: null },
          { name: "乙", phone: "13900139000", telegramUserId: null },
          { name: "丙", phone: "13700137000", telegramUserId: 555n },
          { name: "丁", phone: null, telegramUserId: null },
        ];
        for (const hh of households) await h.database.db.household.create({ data: { regionId: h.regionId, ...hh } });
        const text = `<b>云溪县</b>通知：${"春季务工补贴申请已开始，请于三月底前联系帮扶干部办理。".repeat(8)}`;
        await h.enqueue(await householdSmsRows(h.database.db, h.regionId, notice(text, "hhn:1")));
        h.start();
        assert.deepEqual(await h.settled(), { sent: 2 });
        assert.deepEqual(h.sms.delivered.map((d) => d.to).sort(), ["13800138000", "13900139000"]);
        const [first] = h.sms.delivered;
        assert.equal(first?.templateId, SMS_TEMPLATE);
        assert.equal(first?.params.length, 3);
        assert.ok(first?.params.every((p) => [...p].length <= 70));
        assert.match(first?.params[0] ?? "", /^云溪县通知：春季/);
        assert.match(first?.params[2] ?? "", /…$/);
        const telegram = await h.database.db.outboxMessage.count({ where: { channel: "telegram" } });
        assert.equal(telegram, 0, "no mobile travels in a Telegram row");
        const paces = await h.database.db.sendPace.findMany();
        assert.ok(paces.every((p) => !/\d{11}/.test(p.key)), "no mobile lands in the pacing table");
      });
    });

    test("a gateway down for a minute (scaled): rows wait and retry, nothing is lost", { skip }, async () => {
      await withChannels(provider, async (h) => {
        const { id } = await h.endpoint(gateway(h.sms.server.url));
        const phones = ["13800000001", "13800000002", "13800000003", "13800000004"];
        await h.enqueue(phones.map((p, i) => ({ ...notice(`通知 ${i}`, `down:${i}`), channel: "sms", address: endpointAddress(id, p) })));
        await h.sms.server.down(1500);
        const [, , sms] = h.start();
        assert.deepEqual(await h.settled(), { sent: 4 });
        assert.deepEqual(h.sms.delivered.map((d) => d.to).sort(), phones);
        assert.ok((sms?.stats.retried ?? 0) >= 4, "each row was retried while the gateway was down");
        const flagged = await h.database.db.outboxMessage.count({ where: { possibleDuplicate: true } });
        assert.equal(flagged, 0, "refused connections are never mistaken for possible deliveries");
      });
    });

    test("a county's gateway answering 429 holds back only its own messages; another county's gateway goes on; none lost, no attempt counted", { skip }, async () => {
      await withChannels(provider, async (h) => {
        const busy = new FakeSmsGateway({ authHeader: SMS_AUTH, templates: [SMS_TEMPLATE], limits: { limit: 1, windowMs: 1500 } });
        await busy.server.listen();
        try {
          const slow = await h.endpoint(gateway(busy.server.url));
          const other = await h.endpoint(gateway(h.sms.server.url));
          const phones = ["13800000021", "13800000022", "13800000023"];
          await h.enqueue(phones.map((p, i) => ({ ...notice(`慢 ${i}`, `slow:${i}`), channel: "sms", address: endpointAddress(slow.id, p) })));
          h.start();
          await h.settledWhen(async () => (await h.database.db.outboxMessage.count({ where: { lastError: { contains: "429" }, state: "pending" } })) > 0);
          await h.enqueue(phones.map((p, i) => ({ ...notice(`快 ${i}`, `fast:${i}`), channel: "sms", address: endpointAddress(other.id, p) })));
          await h.settledWhen(async () => h.sms.delivered.length === phones.length);
          assert.ok(busy.delivered.length < phones.length, "the other county's messages went out while this gateway was still holding back");
          assert.deepEqual(await h.settled(), { sent: 6 });
          assert.equal(busy.delivered.length, phones.length);
          const attempts = await h.database.db.outboxMessage.aggregate({ _max: { attempts: true } });
          assert.equal(attempts._max.attempts, 1, "waiting for the gateway costs no attempt");
        } finally {
          await busy.server.close();
        }
      });
    });

    test("refused credentials switch the gateway off; an unreachable number loses only its own rows", { skip }, async () => {
      await withChannels(provider, async (h) => {
        const good = await h.endpoint(gateway(h.sms.server.url));
        const bad = await h.endpoint(gateway(h.sms.server.url, { name: SMS_AUTH.name, value: "wrong" }));
        await h.enqueue([
          { ...notice("一", "a:1"), channel: "sms", address: endpointAddress(good.id, "13800000009") },
          { ...notice("二", "a:2"), channel: "sms", address: endpointAddress(good.id, "13800000001") },
          { ...notice("三", "a:3"), channel: "sms", address: endpointAddress(bad.id, "13800000001") },
        ]);
        h.start();
        assert.deepEqual(await h.settled(), { sent: 1, dead: 2 });
        const endpoints = await h.database.db.channelEndpoint.findMany({ orderBy: { id: "asc" } });
        assert.deepEqual(endpoints.map((e) => [e.active, e.lastError]), [[true, null], [false, "HTTP 401 unauthorized: bad credentials"]]);
        const unreachable = await h.database.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: "a:1" } });
        assert.match(unreachable.lastError ?? "", /invalid_phone/);
      }, { invalidNumbers: ["13800000009"] });
    });
  });
}
