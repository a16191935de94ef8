// Endpoint dispatchers wired to a real database and local fakes of WeCom, DingTalk and an
// SMS gateway on 127.0.0.1. Provider windows are scaled down through injected
// parameters: a "minute" of 2 s, DingTalk's 10-minute block 2.5 s, backoff from 100 ms.
import { randomBytes } from "node:crypto";
import { createOffsetClock, type AdjustableClock } from "../../src/clock.js";
import { loadChannelsConfig } from "../../src/channels/channels-config.js";
import type { EndpointConfig } from "../../src/channels/endpoint-config.js";
import { createEndpoint, endpointAddress } from "../../src/channels/endpoints.js";
import { FakeDingtalk } from "../../src/channels/fakes/dingtalk-server.js";
import { FakeSmsGateway } from "../../src/channels/fakes/sms-gateway-server.js";
import { FakeWecom } from "../../src/channels/fakes/wecom-server.js";
import type { WindowOptions } from "../../src/channels/fakes/robot-window.js";
import { createChannelDispatchers, type ChannelDispatchOptions, type ChannelTuning } from "../../src/channels/start-channels.js";
import { translatorFor } from "../../src/bot/translator.js";
import type { Provider } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import type { Dispatcher } from "../../src/scheduler/dispatcher.js";
import { enqueue, type NewOutboxRow } from "../../src/scheduler/outbox.js";
import { piiKeys, type PiiKeys } from "../../src/services/pii-crypto.js";
import { createTestDatabase, type TestDatabase } from "../../src/testing/databases.js";

export const SMS_AUTH = { name: "X-Api-Key", value: "gw-secret-0001" };
export const SMS_TEMPLATE = "TPL_NOTICE";
/** The providers' minute, scaled down. */
export const MINUTE_MS = 2000;
export const BLOCK_MS = 2500;

/** Pacing, provider windows and backoff scaled to the fakes' windows; tests pass it to the dispatchers (or to the app). */
export const SCALED: ChannelTuning = {
  robotSpacingMs: MINUTE_MS / 20 + 10, smsSpacingMs: 10, wecomWaitMs: MINUTE_MS, dingtalkBlockMs: BLOCK_MS, timeoutMs: 2000,
  dispatcher: { backoffBaseMs: 100, backoffMaxMs: 800, idleMs: 50, reclaimEveryMs: 200, maxHoldMs: 1000 },
};

export interface ChannelHarness {
  database: TestDatabase;
  clock: AdjustableClock;
  keys: PiiKeys;
  wecom: FakeWecom;
  dingtalk: FakeDingtalk;
  sms: FakeSmsGateway;
  regionId: number;
  unitId: number;
  /** Registers an endpoint as an admin would; resolves to its outbox address. */
  endpoint(config: EndpointConfig, unitId?: number | null): Promise<{ id: number; address: string }>;
  /** The dispatchers of the three kinds, started. */
  start(overrides?: Partial<ChannelDispatchOptions>): Dispatcher[];
  enqueue(rows: NewOutboxRow[]): Promise<number>;
  /** Waits until no endpoint row is pending, claimed or sending (or the time is up); counts endpoint rows by state. */
  settled(timeoutMs?: number): Promise<Record<string, number>>;
  /** Waits until `check` holds; throws when it never does. */
  settledWhen(check: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ChannelHarnessOptions {
  robotLimits?: WindowOptions;
  smsLimits?: WindowOptions;
  invalidNumbers?: string[];
}

async function channelHarness(provider: Provider, options: ChannelHarnessOptions = {}): Promise<ChannelHarness> {
  const database = await createTestDatabase(provider);
  const clock = createOffsetClock();
  const keys = piiKeys(randomBytes(32).toString("base64"));
  const limits = { limit: 20, windowMs: MINUTE_MS, ...options.robotLimits };
  const wecom = new FakeWecom(limits);
  const dingtalk = new FakeDingtalk({ blockMs: BLOCK_MS, ...limits });
  const sms = new FakeSmsGateway({ authHeader: SMS_AUTH, templates: [SMS_TEMPLATE], invalidNumbers: options.invalidNumbers ?? [], ...(options.smsLimits ? { limits: options.smsLimits } : {}) });
  await Promise.all([wecom.server.listen(), dingtalk.server.listen(), sms.server.listen()]);
  const region = await database.db.region.create({ data: { name: "云溪县" } });
  const unit = await database.db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
  const loaded = loadChannelsConfig({ WECOM_API_ROOT: wecom.server.url, DINGTALK_API_ROOT: dingtalk.server.url });
  if (!loaded.ok) throw new Error(loaded.error);
  const dispatchers: Dispatcher[] = [];
  const live = ["pending", "claimed", "sending"];
  const states = async () => {
    const rows = await database.db.outboxMessage.groupBy({ by: ["state"], where: { channel: { not: "telegram" } }, _count: { _all: true } });
    return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
  };
  return {
    database, clock, keys, wecom, dingtalk, sms, regionId: region.id, unitId: unit.id,
    async endpoint(config, unitId = unit.id) {
      const created = await createEndpoint(database.db, clock, keys, { regionId: region.id, unitId: config.kind === "sms" ? null : unitId, name: `${config.kind} group`, config, actorId: null });
      return { id: created.id, address: endpointAddress(created.id) };
    },
    start(overrides = {}) {
      const started = createChannelDispatchers({
        store: database, clock, keys, logger: createLogger("silent"), translate: translatorFor("zh-CN"), defaultLocale: "zh-CN", botUsername: "duban_test_bot",
        config: loaded.config, ...SCALED, ...overrides,
      });
      for (const d of started) d.start();
      dispatchers.push(...started);
      return started;
    },
    enqueue: (rows) => enqueue(database, rows, clock.now()),
    async settled(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = await states();
        if (live.every((s) => !now[s]) || Date.now() > deadline) return now;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async settledWhen(check, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error("the expected state never came");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await Promise.all(dispatchers.map((d) => d.stop(500)));
      await Promise.all([wecom.server.close(), dingtalk.server.close(), sms.server.close()]);
      await database.drop();
    },
  };
}

/** Runs `body` with a fresh harness and always closes it. */
export async function withChannels(provider: Provider, body: (h: ChannelHarness) => Promise<void>, options: ChannelHarnessOptions = {}): Promise<void> {
  const h = await channelHarness(provider, options);
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

let serial = 0;

/** A reminder-like notice due now, with a button that needs Telegram. */
export function reminder(text: string, extra: Partial<NewOutboxRow> = {}): Omit<NewOutboxRow, "channel" | "address"> {
  const n = ++serial;
  return {
    kind: "reminder.before",
    payload: { text, html: true, locale: "zh-CN", buttons: [[{ text: "签收", data: `tv:${n}` }]] },
    dueAt: new Date(),
    dedupeKey: `test-rem:${n}`,
    ...extra,
  };
}
