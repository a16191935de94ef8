// The whole app as `npm start` runs it (startApp through the bot harness: the Telegram
// emulator, the bot, the scheduler with the WeCom, DingTalk and SMS dispatchers), with
// PII_KEY set and the robot APIs pointed at the local fakes. Provider windows and backoff
// are scaled down as in harness.ts (SCALED).
import { randomBytes } from "node:crypto";
import { translatorFor } from "../../src/bot/translator.js";
import type { EndpointConfig } from "../../src/channels/endpoint-config.js";
import { createEndpoint, endpointAddress } from "../../src/channels/endpoints.js";
import { FakeDingtalk } from "../../src/channels/fakes/dingtalk-server.js";
import { FakeSmsGateway } from "../../src/channels/fakes/sms-gateway-server.js";
import { FakeWecom } from "../../src/channels/fakes/wecom-server.js";
import type { Provider } from "../../src/db/client.js";
import { planAssignmentReminders, type PlannerDeps } from "../../src/scheduler/reminder-planner.js";
import type { ChannelTuning } from "../../src/channels/start-channels.js";
import { piiKeys, type PiiKeys } from "../../src/services/pii-crypto.js";
import { startBotHarness, type BotHarness } from "../../src/testing/bot-harness.js";
import { addPerson } from "../lifecycle/helpers.js";
import { BLOCK_MS, MINUTE_MS, SCALED, SMS_AUTH, SMS_TEMPLATE } from "./harness.js";

export interface ChannelApp {
  h: BotHarness;
  wecom: FakeWecom;
  dingtalk: FakeDingtalk;
  sms: FakeSmsGateway;
  keys: PiiKeys;
  deps: PlannerDeps;
  regionId: number;
  unitId: number;
  /** Someone of the county with a private chat the bot writes to; resolves to their person id. */
  person(telegramId: number, name: string, role: string, unitId: number | null): Promise<number>;
  /** Registers an endpoint as an admin would: a robot of the unit by default (`unitId: null` = county-wide). */
  endpoint(config: EndpointConfig, where?: { name?: string; unitId?: number | null; regionId?: number }): Promise<{ id: number; address: string }>;
  /** A published directive handed to a unit with a deadline, its reminders planned as publishing does. */
  task(unitId: number, text: string, dueAt: Date): Promise<number>;
  /** Moves the business clock and wakes every dispatcher of the app, as the demo's clock control does. */
  moveTo(instant: Date): void;
  /** Waits (waking the dispatchers) until `check` holds; throws with `what` when it never does. */
  until(what: string, check: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
}

async function startChannelApp(provider: Provider, tuning: ChannelTuning): Promise<{ app: ChannelApp; close(): Promise<void> }> {
  const limits = { limit: 20, windowMs: MINUTE_MS };
  const wecom = new FakeWecom(limits);
  const dingtalk = new FakeDingtalk({ blockMs: BLOCK_MS, ...limits });
  const sms = new FakeSmsGateway({ authHeader: SMS_AUTH, templates: [SMS_TEMPLATE] });
  await Promise.all([wecom.server.listen(), dingtalk.server.listen(), sms.server.listen()]);
  // The app reads the robot API roots from the environment, as `npm start` does (one process per test file).
  process.env.WECOM_API_ROOT = wecom.server.url;
  process.env.DINGTALK_API_ROOT = dingtalk.server.url;
  const piiKey = randomBytes(32).toString("base64");
  const h = await startBotHarness({ provider, env: { PII_KEY: piiKey, USER_RATE_LIMIT: "1000" }, app: { channels: { ...SCALED, ...tuning } } });
  await h.client.configure({ limits: { privateBurst: 1000, privatePerSecond: 1000, groupPerWindow: 1000 } });
  const { db } = h.database;
  const keys = piiKeys(piiKey);
  const region = await db.region.create({ data: { name: "云溪县" } });
  const unit = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
  const deps: PlannerDeps = { store: h.database, clock: h.clock, translate: translatorFor("zh-CN"), defaultLocale: "zh-CN" };
  const app: ChannelApp = {
    h, wecom, dingtalk, sms, keys, deps, regionId: region.id, unitId: unit.id,
    person: (telegramId, name, role, unitId) => addPerson(h, { regionId: region.id, unitId }, { telegramId, name, role }),
    async endpoint(config, { name = `${config.kind} 工作群`, unitId = unit.id, regionId = region.id } = {}) {
      const created = await createEndpoint(db, h.clock, keys, { regionId, unitId: config.kind === "sms" ? null : unitId, name, config, actorId: null });
      return { id: created.id, address: endpointAddress(created.id) };
    },
    async task(unitId, text, dueAt) {
      const meeting = await db.meeting.create({
        data: { regionId: region.id, title: "县政府常务会议", sourceText: text, cleanedText: text, contentHash: randomBytes(8).toString("hex"), metadata: {}, state: "published", publishedAt: h.clock.now() },
      });
      const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 1, text } });
      const assignment = await db.assignment.create({ data: { directiveId: directive.id, unitId, dueAt, assignedAt: h.clock.now() } });
      await planAssignmentReminders(deps, assignment.id);
      return assignment.id;
    },
    moveTo(instant) {
      h.clock.set(instant);
      h.app.scheduler.trigger();
    },
    async until(what, check, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
        h.app.scheduler.trigger();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  return {
    app,
    async close() {
      await h.stop();
      await Promise.all([wecom.server.close(), dingtalk.server.close(), sms.server.close()]);
    },
  };
}

/** Runs `body` with a fresh app (its channels tuned as SCALED, then `tuning`) and always stops it. */
export async function withChannelApp(provider: Provider, body: (app: ChannelApp) => Promise<void>, tuning: ChannelTuning = {}): Promise<void> {
  const { app, close } = await startChannelApp(provider, tuning);
  try {
    await body(app);
  } finally {
    await close();
  }
}
