// Groups follow counties: /subscribe, /unsubscribe and /subscriptions in a group. Only a
// county admin who is also an admin of the group may change what the group receives;
// every button re-checks both, since any member of the group can press it.
import { Composer, InlineKeyboard } from "grammy";
import { adminRegionIds } from "../../domain/permissions.js";
import { touchChat } from "../../services/chats.js";
import { countiesByIds } from "../../services/regions.js";
import {
  isSubscriptionKind, SUBSCRIPTION_KINDS, subscribe, subscriptionDetails, subscriptionsOfChat, toggleKind, toggleUnit, unsubscribe,
} from "../../services/subscriptions.js";
import { listUnits } from "../../services/units.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, onButton, idOf, needGroupAdmin, needGroupCounty, needSubscription } from "../middlewares/guard.js";
import { subscribeData, subscriptionKindData, subscriptionUnitData, subscriptionUnitsData, subscriptionViewData, unsubscribeData } from "../keyboards/org-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { show } from "../screen.js";

export const subscribeFeature = new Composer<BotContext>();
const groups = subscribeFeature.chatType(["group", "supergroup"]);

subscribeFeature.chatType("private").command(["subscribe", "unsubscribe", "subscriptions"], async (ctx) => {
  await ctx.reply(ctx.t("subscribe-in-group"));
});

groups.command(
  "subscribe",
  guard(needGroupAdmin, async (ctx, _scope, actor) => {
    const counties = await countiesByIds(ctx.deps.db, adminRegionIds(actor));
    const keyboard = new InlineKeyboard();
    for (const county of counties) keyboard.text(county.name, subscribeData.pack({ region: county.id })).row();
    await ctx.reply(ctx.t("subscribe-choose-county"), { reply_markup: keyboard });
  }),
);

async function showSubscription(ctx: BotContext, subscriptionId: number): Promise<void> {
  const sub = await subscriptionDetails(ctx.deps.db, subscriptionId);
  if (!sub) return;
  const keyboard = new InlineKeyboard();
  for (const kind of SUBSCRIPTION_KINDS) keyboard.text(`${sub[kind] ? "✅" : "⬜"} ${ctx.t(`kind-${kind}`)}`, subscriptionKindData.pack({ sub: sub.id, kind }));
  keyboard.row().text(ctx.t("btn-choose-units"), subscriptionUnitsData.pack({ sub: sub.id, page: 0 })).row();
  keyboard.text(ctx.t("btn-unsubscribe"), unsubscribeData.pack({ sub: sub.id }));
  const units = sub.units.map((u) => u.unit.name).join("、");
  await show(ctx, ctx.t("subscription-view", { region: escapeHtml(sub.region.name), units: units ? escapeHtml(units) : ctx.t("all-units") }), keyboard);
}

onButton(
  subscribeFeature,
  subscribeData,
  (ctx, data) => needGroupCounty(ctx, idOf(data.region)),
  async (ctx, region, { actor }) => {
    const chat = ctx.chat;
    if (!chat || chat.type === "private") return;
    const row = await touchChat(ctx.deps.db, ctx.deps.clock, { telegramChatId: chat.id, type: chat.type, title: "title" in chat ? chat.title : undefined });
    const sub = await subscribe(ctx.deps.db, ctx.deps.clock, row.id, region.id, actor.personId);
    await showSubscription(ctx, sub.id);
  },
);

onButton(subscribeFeature, subscriptionViewData, (ctx, data) => needSubscription(ctx, idOf(data.sub)), (ctx, sub) => showSubscription(ctx, sub.id));

onButton(
  subscribeFeature,
  subscriptionKindData,
  (ctx, data) => needSubscription(ctx, idOf(data.sub)),
  async (ctx, sub, { actor, data }) => {
    const kind = data.kind;
    if (isSubscriptionKind(kind)) await toggleKind(ctx.deps.db, ctx.deps.clock, sub.id, kind, actor.personId);
    await showSubscription(ctx, sub.id);
  },
);

async function showUnitChoice(ctx: BotContext, sub: { id: number; regionId: number }, requested: number): Promise<void> {
  const total = await ctx.deps.db.unit.count({ where: { regionId: sub.regionId, archivedAt: null } });
  const window = pageWindow(requested, total);
  const { rows } = await listUnits(ctx.deps.db, sub.regionId, window);
  const chosen = new Set((await ctx.deps.db.subscriptionUnit.findMany({ where: { subscriptionId: sub.id } })).map((u) => u.unitId));
  const keyboard = new InlineKeyboard();
  for (const unit of rows) {
    keyboard.text(`${chosen.has(unit.id) ? "✅" : "⬜"} ${unit.name}`, subscriptionUnitData.pack({ sub: sub.id, unit: unit.id, page: window.page })).row();
  }
  addPager(keyboard, window, (page) => subscriptionUnitsData.pack({ sub: sub.id, page }));
  keyboard.row().text(ctx.t("btn-done"), subscriptionViewData.pack({ sub: sub.id }));
  await show(ctx, ctx.t("subscription-units"), keyboard);
}

onButton(
  subscribeFeature,
  subscriptionUnitsData,
  (ctx, data) => needSubscription(ctx, idOf(data.sub)),
  (ctx, sub, { data }) => showUnitChoice(ctx, sub, Number(data.page)),
);

onButton(
  subscribeFeature,
  subscriptionUnitData,
  async (ctx, data) => {
    const need = await needSubscription(ctx, idOf(data.sub));
    const unit = await ctx.deps.db.unit.findUnique({ where: { id: idOf(data.unit) ?? 0 } });
    // A unit of another county names nothing here, whatever the button says (B3).
    return need && unit && unit.regionId === need.scope.regionId ? { ...need, scope: { sub: need.scope, unit } } : null;
  },
  async (ctx, { sub, unit }, { actor, data }) => {
    await toggleUnit(ctx.deps.db, ctx.deps.clock, sub.id, unit.id, actor.personId);
    await showUnitChoice(ctx, sub, Number(data.page));
  },
);

onButton(
  subscribeFeature,
  unsubscribeData,
  (ctx, data) => needSubscription(ctx, idOf(data.sub)),
  async (ctx, sub, { actor }) => {
    await unsubscribe(ctx.deps.db, ctx.deps.clock, sub.id, actor.personId);
    await show(ctx, ctx.t("unsubscribed", { region: escapeHtml(sub.region.name) }));
  },
);

groups.command(
  "unsubscribe",
  guard(needGroupAdmin, async (ctx) => {
    const subs = await subscriptionsOfChat(ctx.deps.db, ctx.chat.id);
    const keyboard = new InlineKeyboard();
    for (const sub of subs) keyboard.text(sub.region.name, unsubscribeData.pack({ sub: sub.id })).row();
    await ctx.reply(ctx.t(subs.length === 0 ? "subscriptions-none" : "unsubscribe-choose"), { reply_markup: keyboard });
  }),
);

groups.command("subscriptions", async (ctx) => {
  const subs = await subscriptionsOfChat(ctx.deps.db, ctx.chat.id);
  if (subs.length === 0) {
    await ctx.reply(ctx.t("subscriptions-none"));
    return;
  }
  const lines = subs.map((sub) => {
    const kinds = SUBSCRIPTION_KINDS.filter((k) => sub[k]).map((k) => ctx.t(`kind-${k}`)).join("、") || ctx.t("none");
    const units = sub.units.map((u) => u.unit.name).join("、");
    return ctx.t("subscriptions-line", { region: escapeHtml(sub.region.name), kinds, units: units ? escapeHtml(units) : ctx.t("all-units") });
  });
  await ctx.reply(`${ctx.t("subscriptions-title")}\n${lines.join("\n")}`, { parse_mode: "HTML" });
});
