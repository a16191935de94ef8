// The unit directory of a county: list, add, rename, aliases, parent, head and merging.
import { Composer, InlineKeyboard } from "grammy";
import { addAlias, addUnits, aliasesOf, findUnitByName, listUnits, mergeUnits, renameUnit, setHead, setParent, unitDetails } from "../../services/units.js";
import { listMembers } from "../../services/memberships.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, onButton, idOf, needCounty, needMembership, needUnit } from "../middlewares/guard.js";
import { countyMenuData, mergeData, unitAddData, unitAskData, unitHeadListData, unitHeadSetData, unitListData, unitViewData } from "../keyboards/org-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { show } from "../screen.js";
import { ask, onAnswer } from "./prompts.js";

export const unitsFeature = new Composer<BotContext>();

async function showUnitList(ctx: BotContext, region: { id: number; name: string }, requested: number): Promise<void> {
  const total = await ctx.deps.db.unit.count({ where: { regionId: region.id, archivedAt: null } });
  const window = pageWindow(requested, total);
  const { rows } = await listUnits(ctx.deps.db, region.id, window);
  const keyboard = new InlineKeyboard();
  for (const unit of rows) keyboard.text(unit.name, unitViewData.pack({ unit: unit.id })).row();
  addPager(keyboard, window, (page) => unitListData.pack({ region: region.id, page }));
  keyboard.row().text(ctx.t("btn-add-units"), unitAddData.pack({ region: region.id })).text(ctx.t("btn-back"), countyMenuData.pack({ region: region.id }));
  await show(ctx, ctx.t("units-title", { region: escapeHtml(region.name), count: total }), keyboard);
}

onButton(
  unitsFeature,
  unitListData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  (ctx, region, { data }) => showUnitList(ctx, region, Number(data.page)),
);

async function showUnit(ctx: BotContext, unitId: number): Promise<void> {
  const unit = await unitDetails(ctx.deps.db, unitId);
  if (!unit) return;
  const u = { unit: unit.id };
  const keyboard = new InlineKeyboard()
    .text(ctx.t("btn-rename"), unitAskData.pack({ ...u, action: "rename" })).text(ctx.t("btn-add-alias"), unitAskData.pack({ ...u, action: "alias" })).row()
    .text(ctx.t("btn-set-parent"), unitAskData.pack({ ...u, action: "parent" })).text(ctx.t("btn-merge"), unitAskData.pack({ ...u, action: "merge" })).row()
    .text(ctx.t("btn-set-head"), unitHeadListData.pack({ ...u, page: 0 })).row()
    .text(ctx.t("btn-back"), unitListData.pack({ region: unit.regionId, page: 0 }));
  const none = ctx.t("none");
  await show(ctx, ctx.t("unit-view", {
    unit: escapeHtml(unit.name),
    kind: unit.kind,
    aliases: escapeHtml(aliasesOf(unit).join("、") || none),
    parent: escapeHtml(unit.parent?.name ?? none),
    head: escapeHtml(unit.head?.name ?? none),
    members: unit._count.memberships,
  }), keyboard);
}

onButton(unitsFeature, unitViewData, (ctx, data) => needUnit(ctx, idOf(data.unit)), (ctx, unit) => showUnit(ctx, unit.id));

onButton(
  unitsFeature,
  unitAddData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  (ctx, region) => ask(ctx, "unit.add", { region: region.id }, ctx.t("ask-unit-add", { region: escapeHtml(region.name) })),
);

onAnswer("unit.add", "text", (ctx, payload, answer) =>
  guard(
    (c) => needCounty(c, idOf(payload.region)),
    async (c, region, actor) => {
      const result = await addUnits(c.deps.db, c.deps.clock, region.id, (answer.text ?? "").split(/\r?\n/), actor.personId);
      await c.reply(c.t("units-added", { created: result.created.length, skipped: escapeHtml(result.skipped.join("、") || c.t("none")) }), { parse_mode: "HTML" });
      await showUnitList(c, region, 0);
    },
    "prompt:unit.add",
  )(ctx),
);

const UNIT_ACTIONS = ["rename", "alias", "parent", "merge"] as const;
type UnitAction = (typeof UNIT_ACTIONS)[number];
const isUnitAction = (value: string | undefined): value is UnitAction => (UNIT_ACTIONS as readonly (string | undefined)[]).includes(value);

onButton(
  unitsFeature,
  unitAskData,
  (ctx, data) => needUnit(ctx, idOf(data.unit)),
  async (ctx, unit, { data }) => {
    const action = data.action;
    if (!isUnitAction(action)) return;
    await ask(ctx, `unit.${action}`, { unit: unit.id }, ctx.t(`ask-unit-${action}`, { unit: escapeHtml(unit.name) }));
  },
);

/** The reply to a typed answer, after which the unit is shown again; null when the answer asks a further question. */
type UnitReply = { key: string; vars?: Record<string, string> } | null;

/** What a typed answer does to a unit. */
const unitAnswers: Record<UnitAction, (ctx: BotContext, unit: { id: number; regionId: number; name: string }, text: string, actorId: number | null) => Promise<UnitReply>> = {
  rename: async (ctx, unit, text, actorId) => {
    const result = await renameUnit(ctx.deps.db, ctx.deps.clock, unit.id, text, actorId);
    return result.ok ? { key: "saved" } : { key: `unit-${result.reason}` };
  },
  alias: async (ctx, unit, text, actorId) => {
    const result = await addAlias(ctx.deps.db, ctx.deps.clock, unit.id, text, actorId);
    return result.ok ? { key: "saved" } : { key: `unit-${result.reason}` };
  },
  parent: async (ctx, unit, text, actorId) => {
    const detach = /^[-—–]$/.test(text.trim());
    const parent = detach ? null : await findUnitByName(ctx.deps.db, unit.regionId, text);
    if (!detach && !parent) return { key: "unit-not-found", vars: { name: escapeHtml(text.trim()) } };
    const result = await setParent(ctx.deps.db, ctx.deps.clock, unit.id, parent?.id ?? null, actorId);
    return result.ok ? { key: "saved" } : { key: `unit-${result.reason}` };
  },
  merge: async (ctx, unit, text) => {
    const target = await findUnitByName(ctx.deps.db, unit.regionId, text);
    if (!target) return { key: "unit-not-found", vars: { name: escapeHtml(text.trim()) } };
    if (target.id === unit.id) return { key: "unit-same-unit" };
    const keyboard = new InlineKeyboard().text(ctx.t("btn-confirm-merge"), mergeData.pack({ source: unit.id, target: target.id })).text(ctx.t("btn-back"), unitViewData.pack({ unit: unit.id }));
    await ctx.reply(ctx.t("merge-confirm", { source: escapeHtml(unit.name), target: escapeHtml(target.name) }), { parse_mode: "HTML", reply_markup: keyboard });
    return null;
  },
};

for (const action of UNIT_ACTIONS) {
  onAnswer(`unit.${action}`, "text", (ctx, payload, answer) =>
    guard(
      (c) => needUnit(c, idOf(payload.unit)),
      async (c, unit, actor) => {
        const reply = await unitAnswers[action](c, unit, answer.text ?? "", actor.personId);
        if (reply === null) return;
        await c.reply(c.t(reply.key, reply.vars ?? {}), { parse_mode: "HTML" });
        await showUnit(c, unit.id);
      },
      `prompt:unit.${action}`,
    )(ctx),
  );
}

onButton(
  unitsFeature,
  mergeData,
  async (ctx, data) => {
    const need = await needUnit(ctx, idOf(data.source));
    const target = await ctx.deps.db.unit.findUnique({ where: { id: idOf(data.target) ?? 0 } });
    // Both units must be of the county the guard checks; a target elsewhere names nothing here.
    return need && target && target.regionId === need.scope.regionId ? { ...need, scope: { source: need.scope, target } } : null;
  },
  async (ctx, { source, target }, { actor }) => {
    const result = await mergeUnits(ctx.deps.db, ctx.deps.clock, source.id, target.id, actor.personId);
    if (result.ok) await ctx.reply(ctx.t("merged", { source: escapeHtml(source.name), target: escapeHtml(target.name) }), { parse_mode: "HTML" });
    await showUnit(ctx, target.id);
  },
);

onButton(
  unitsFeature,
  unitHeadListData,
  (ctx, data) => needUnit(ctx, idOf(data.unit)),
  async (ctx, unit, { data }) => {
    const total = await ctx.deps.db.membership.count({ where: { unitId: unit.id } });
    const window = pageWindow(Number(data.page), total);
    const { rows } = await listMembers(ctx.deps.db, unit.regionId, unit.id, window);
    const keyboard = new InlineKeyboard();
    for (const m of rows) keyboard.text(`${m.person.name} · ${ctx.t("role", { role: m.role })}`, unitHeadSetData.pack({ membership: m.id })).row();
    addPager(keyboard, window, (page) => unitHeadListData.pack({ unit: unit.id, page }));
    keyboard.row().text(ctx.t("btn-back"), unitViewData.pack({ unit: unit.id }));
    await show(ctx, ctx.t(total === 0 ? "head-no-members" : "head-choose", { unit: escapeHtml(unit.name) }), keyboard);
  },
);

onButton(
  unitsFeature,
  unitHeadSetData,
  (ctx, data) => needMembership(ctx, idOf(data.membership)),
  async (ctx, membership, { actor }) => {
    if (membership.unitId === null) return;
    await setHead(ctx.deps.db, ctx.deps.clock, membership.unitId, membership.personId, actor.personId);
    await showUnit(ctx, membership.unitId);
  },
);
