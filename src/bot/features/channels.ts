// /channels: a county admin registers, lists, tests and removes the county's delivery
// channels outside Telegram (WeCom and DingTalk group robots, an SMS gateway). Settings
// are typed one per question; answers so far wait in the pending prompt encrypted, the
// admin's messages holding a secret are deleted once read, and lists show only the
// secret's last four characters.
import { Composer, InlineKeyboard } from "grammy";
import { loadChannelsConfig } from "../../channels/channels-config.js";
import {
  authHeader, dingtalkSecret, dingtalkToken, gatewayUrl, isEndpointKind, mobileList, optionalKeyword, templateId, wecomKey,
  type EndpointConfig, type EndpointKind,
} from "../../channels/endpoint-config.js";
import { createEndpoint, endpointActivity, findEndpoint, listEndpoints, loadEndpoint, recordFault, recordHealthy, removeEndpoint } from "../../channels/endpoints.js";
import { normalizeMobile } from "../../channels/targets.js";
import { endpointTransports } from "../../channels/transports.js";
import { adminRegionIds } from "../../domain/permissions.js";
import { optionalPiiKeys, type PiiKeys } from "../../services/pii-crypto.js";
import { countiesByIds } from "../../services/regions.js";
import { findUnitByName } from "../../services/units.js";
import { localDateOf } from "../../time.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { channelAddData, channelRemoveData, channelRemoveOkData, channelsListData, channelTestData, channelViewData } from "../keyboards/channels-data.js";
import { countyMenuData } from "../keyboards/org-data.js";
import { guard, idOf, needCounty, needMenu, onButton } from "../middlewares/guard.js";
import { show } from "../screen.js";
import { ask, onAnswer } from "./prompts.js";

export const channelsFeature = new Composer<BotContext>();
const privateChats = channelsFeature.chatType("private");

const ADD_PROMPT = "channels.add";
const TEST_SMS_PROMPT = "channels.test-sms";

/** An endpoint, for the admins of its county. */
async function needEndpoint(ctx: BotContext, endpointId: number | null) {
  const endpoint = endpointId === null ? null : await findEndpoint(ctx.deps.db, endpointId);
  const county = endpoint ? await needCounty(ctx, endpoint.regionId) : null;
  return endpoint && county ? { permission: county.permission, scope: { endpoint, region: county.scope } } : null;
}

async function keysOrExplain(ctx: BotContext): Promise<PiiKeys | null> {
  const keys = optionalPiiKeys(ctx.config.PII_KEY);
  if (!keys) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("channels-no-key"));
  }
  return keys;
}

async function showList(ctx: BotContext, region: { id: number; name: string }): Promise<void> {
  const endpoints = await listEndpoints(ctx.deps.db, region.id);
  const keyboard = new InlineKeyboard();
  for (const e of endpoints) keyboard.text(`${e.active ? "✅" : "⛔"} ${e.name} · ${ctx.t(`channels-kind-${e.kind}`)}`, channelViewData.pack({ endpoint: e.id })).row();
  keyboard
    .text(ctx.t("channels-btn-add-wecom"), channelAddData.pack({ region: region.id, kind: "wecom" }))
    .text(ctx.t("channels-btn-add-dingtalk"), channelAddData.pack({ region: region.id, kind: "dingtalk" })).row()
    .text(ctx.t("channels-btn-add-sms"), channelAddData.pack({ region: region.id, kind: "sms" })).row()
    .text(ctx.t("btn-back"), countyMenuData.pack({ region: region.id }));
  // Endpoints a provider refused, with its reason, so the admin sees what to fix first.
  const off = endpoints.filter((e) => !e.active).map((e) => ctx.t("channels-list-off", { name: escapeHtml(e.name), reason: escapeHtml(e.lastError ?? "-") }));
  const lines = endpoints.length === 0 ? [ctx.t("channels-none")] : off;
  await show(ctx, [ctx.t("channels-list", { region: escapeHtml(region.name) }), ...lines].join("\n\n"), keyboard);
}

type Endpoint = NonNullable<Awaited<ReturnType<typeof findEndpoint>>>;

async function showEndpoint(ctx: BotContext, endpoint: Endpoint): Promise<void> {
  const state = endpoint.active ? ctx.t("channels-state-on") : ctx.t("channels-state-off", { reason: escapeHtml(endpoint.lastError ?? "-") });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("channels-btn-test"), channelTestData.pack({ endpoint: endpoint.id }))
    .text(ctx.t("channels-btn-remove"), channelRemoveData.pack({ endpoint: endpoint.id })).row()
    .text(ctx.t("btn-back"), channelsListData.pack({ region: endpoint.regionId }));
  const activity = await endpointActivity(ctx.deps.db, endpoint.id);
  const lines = [
    ctx.t("channels-view", {
      name: escapeHtml(endpoint.name),
      kind: ctx.t(`channels-kind-${endpoint.kind}`),
      unit: escapeHtml(endpoint.unit?.name ?? ctx.t("channels-county-wide")),
      hint: escapeHtml(endpoint.hint),
      state,
    }),
    ctx.t("channels-activity", { count: activity.queued, date: activity.lastSentAt ? localDateOf(activity.lastSentAt, endpoint.region.timeZone) : "-" }),
  ];
  if (endpoint.active && activity.lastProblem !== null) lines.push(ctx.t("channels-last-problem", { reason: escapeHtml(activity.lastProblem) }));
  await show(ctx, lines.join("\n"), keyboard);
}

privateChats.command(
  "channels",
  guard(needMenu, async (ctx, _scope, actor) => {
    const counties = await countiesByIds(ctx.deps.db, adminRegionIds(actor));
    const [only] = counties;
    if (!only) {
      await ctx.reply(ctx.t("denied-not-county-admin"));
      return;
    }
    if (counties.length === 1) return showList(ctx, only);
    const keyboard = new InlineKeyboard();
    for (const county of counties) keyboard.text(county.name, channelsListData.pack({ region: county.id })).row();
    await ctx.reply(ctx.t("channels-pick-county"), { reply_markup: keyboard });
  }),
);

onButton(channelsFeature, channelsListData, (ctx, data) => needCounty(ctx, idOf(data.region)), (ctx, region) => showList(ctx, region));
onButton(channelsFeature, channelViewData, (ctx, data) => needEndpoint(ctx, idOf(data.endpoint)), (ctx, { endpoint }) => showEndpoint(ctx, endpoint));

onButton(
  channelsFeature,
  channelRemoveData,
  (ctx, data) => needEndpoint(ctx, idOf(data.endpoint)),
  async (ctx, { endpoint }) => {
    const keyboard = new InlineKeyboard()
      .text(ctx.t("channels-btn-remove-confirm"), channelRemoveOkData.pack({ endpoint: endpoint.id }))
      .text(ctx.t("btn-back"), channelViewData.pack({ endpoint: endpoint.id }));
    await show(ctx, ctx.t("channels-remove-confirm", { name: escapeHtml(endpoint.name) }), keyboard);
  },
);

onButton(
  channelsFeature,
  channelRemoveOkData,
  (ctx, data) => needEndpoint(ctx, idOf(data.endpoint)),
  async (ctx, { endpoint, region }, { actor }) => {
    await removeEndpoint(ctx.deps.db, ctx.deps.clock, endpoint.id, actor.personId);
    await ctx.reply(ctx.t("channels-removed", { name: escapeHtml(endpoint.name) }), { parse_mode: "HTML" });
    await showList(ctx, region);
  },
);

async function replyTestFailed(ctx: BotContext, reason: string): Promise<void> {
  await ctx.reply(ctx.t("channels-test-failed", { reason: escapeHtml(reason) }), { parse_mode: "HTML" });
}

/** Sends the test message straight through the provider (no outbox): the admin sees the answer at once. */
async function runTest(ctx: BotContext, endpointId: number, regionName: string, phone: string | null): Promise<void> {
  const keys = await keysOrExplain(ctx);
  if (!keys) return;
  const endpoint = await loadEndpoint(ctx.deps.db, keys, endpointId);
  if (!endpoint) return replyTestFailed(ctx, "settings unreadable (registered under another PII_KEY?)");
  const loaded = loadChannelsConfig();
  if (!loaded.ok) return replyTestFailed(ctx, loaded.error);
  const transports = endpointTransports({ config: loaded.config, links: { botLink: `https://t.me/${ctx.me.username}`, actionLabel: ctx.t("channels-action-link") } });
  const answer = await transports[endpoint.kind].send(endpoint.config, { text: ctx.t("channels-test-text", { region: regionName }), html: false }, phone);
  if (answer.kind === "sent") {
    await recordHealthy(ctx.deps.db, endpoint.id);
    await ctx.reply(ctx.t("channels-test-ok"));
    return;
  }
  if (answer.kind === "endpoint-fault") await recordFault(ctx.deps.db, ctx.deps.clock, endpoint.id, answer.reason);
  await replyTestFailed(ctx, answer.reason);
}

onButton(
  channelsFeature,
  channelTestData,
  (ctx, data) => needEndpoint(ctx, idOf(data.endpoint)),
  async (ctx, { endpoint, region }) => {
    if (endpoint.kind === "sms") {
      await ask(ctx, TEST_SMS_PROMPT, { endpoint: endpoint.id }, ctx.t("channels-ask-test-mobile"));
      return;
    }
    await ctx.answerCallbackQuery();
    await runTest(ctx, endpoint.id, region.name, null);
  },
);

onAnswer(TEST_SMS_PROMPT, "text", (ctx, payload, answer) =>
  guard(
    (c) => needEndpoint(c, idOf(payload.endpoint)),
    async (c, { endpoint, region }) => {
      const phone = normalizeMobile(answer.text ?? "");
      if (phone === null) {
        await c.reply(c.t("channels-bad-input", { value: escapeHtml((answer.text ?? "").slice(0, 40)) }), { parse_mode: "HTML" });
        return;
      }
      await runTest(c, endpoint.id, region.name, phone);
    },
    `prompt:${TEST_SMS_PROMPT}`,
  )(ctx),
);

// The questions of each kind, in order. `parse` turns an answer into the stored value,
// or null when it is not acceptable; `secret` answers are deleted from the chat.
interface Step {
  field: string;
  question: string;
  secret?: boolean;
  parse(ctx: BotContext, regionId: number, text: string): Promise<string | null>;
}

const sync = (fn: (text: string) => string | null) => async (_ctx: BotContext, _regionId: number, text: string) => fn(text);

const NAME: Step = { field: "name", question: "channels-ask-name", parse: sync((t) => (t.trim() === "" ? null : t.trim().slice(0, 64))) };
const UNIT: Step = {
  field: "unit",
  question: "channels-ask-unit",
  parse: async (ctx, regionId, text) => (text.trim() === "-" ? "0" : ((await findUnitByName(ctx.deps.db, regionId, text))?.id.toString() ?? null)),
};

const STEPS: Record<EndpointKind, Step[]> = {
  wecom: [NAME, UNIT, { field: "key", question: "channels-ask-wecom-url", secret: true, parse: sync(wecomKey) }],
  dingtalk: [
    NAME,
    UNIT,
    { field: "token", question: "channels-ask-dingtalk-url", secret: true, parse: sync(dingtalkToken) },
    { field: "secret", question: "channels-ask-dingtalk-secret", secret: true, parse: sync(dingtalkSecret) },
    { field: "keyword", question: "channels-ask-dingtalk-keyword", parse: sync((t) => optionalKeyword(t) ?? "-") },
    { field: "mobiles", question: "channels-ask-dingtalk-mobiles", parse: sync((t) => mobileList(t)?.join(",") ?? null) },
  ],
  sms: [
    NAME,
    { field: "url", question: "channels-ask-sms-url", parse: sync(gatewayUrl) },
    { field: "auth", question: "channels-ask-sms-auth", secret: true, parse: sync((t) => (authHeader(t) ? t.trim() : null)) },
    { field: "template", question: "channels-ask-sms-template", parse: sync(templateId) },
  ],
};

type Draft = Record<string, string>;

function configOf(kind: EndpointKind, d: Draft): EndpointConfig | null {
  if (kind === "wecom") return d.key ? { kind, key: d.key } : null;
  if (kind === "dingtalk") {
    if (!d.token || !d.secret) return null;
    return { kind, accessToken: d.token, secret: d.secret, keyword: d.keyword && d.keyword !== "-" ? d.keyword : null, atMobiles: d.mobiles ? d.mobiles.split(",") : [] };
  }
  const header = authHeader(d.auth ?? "");
  return d.url && header && d.template ? { kind, url: d.url, authHeader: header, templateId: d.template } : null;
}

async function askStep(ctx: BotContext, regionId: number, kind: EndpointKind, step: number, draft: string): Promise<void> {
  const current = STEPS[kind][step];
  if (!current) return;
  await ask(ctx, ADD_PROMPT, { region: regionId, kind, step, draft }, ctx.t(current.question, { kind: ctx.t(`channels-kind-${kind}`) }));
}

onButton(
  channelsFeature,
  channelAddData,
  async (ctx, data) => (isEndpointKind(data.kind) ? needCounty(ctx, idOf(data.region)) : null),
  async (ctx, region, { data }) => {
    const keys = await keysOrExplain(ctx);
    if (!keys || !isEndpointKind(data.kind)) return;
    await askStep(ctx, region.id, data.kind, 0, keys.encrypt("{}"));
  },
);

onAnswer(ADD_PROMPT, "text", (ctx, payload, answer) =>
  guard(
    (c) => needCounty(c, idOf(payload.region)),
    async (c, region, actor) => {
      const keys = await keysOrExplain(c);
      const kind = String(payload.kind);
      const index = Number(payload.step);
      const step = isEndpointKind(kind) ? STEPS[kind][index] : undefined;
      if (!keys || !isEndpointKind(kind) || !step) return;
      const text = answer.text ?? "";
      // The secret is read; it should not stay in the chat history.
      if (step.secret) await c.deleteMessage().catch(() => undefined);
      const value = await step.parse(c, region.id, text);
      if (value === null) {
        const shown = step.secret ? "***" : escapeHtml(text.trim().slice(0, 40));
        await c.reply(c.t(step.field === "unit" ? "channels-bad-unit" : "channels-bad-input", { value: shown }), { parse_mode: "HTML" });
        await askStep(c, region.id, kind, index, String(payload.draft));
        return;
      }
      const draft: Draft = { ...(JSON.parse(keys.decrypt(String(payload.draft))) as Draft), [step.field]: value };
      if (index + 1 < STEPS[kind].length) {
        await askStep(c, region.id, kind, index + 1, keys.encrypt(JSON.stringify(draft)));
        return;
      }
      const config = configOf(kind, draft);
      if (!config) return;
      const unitId = draft.unit && draft.unit !== "0" ? Number(draft.unit) : null;
      const created = await createEndpoint(c.deps.db, c.deps.clock, keys, { regionId: region.id, unitId, name: draft.name ?? kind, config, actorId: actor.personId });
      await c.reply(c.t("channels-saved", { name: escapeHtml(created.name) }), { parse_mode: "HTML" });
      const endpoint = await findEndpoint(c.deps.db, created.id);
      if (endpoint) await showEndpoint(c, endpoint);
    },
    `prompt:${ADD_PROMPT}`,
  )(ctx),
);
