// Members of a county by unit, their roles, and removing a person from a county.
import { Composer, InlineKeyboard } from "grammy";
import { isCountyAdmin } from "../../domain/permissions.js";
import { isRole, ROLES, roleNeedsUnit } from "../../domain/roles.js";
import { changeRole, listMembers, membershipDetails, removeFromCounty } from "../../services/memberships.js";
import { listUnits } from "../../services/units.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { onButton, idOf, needCounty, needMembership, needUnit, type LoadedActor } from "../middlewares/guard.js";
import {
  adminsListData, countyMenuData, membershipData, peopleData, removeAskData, removeData, roleChangeData, unitMembersData, unitMenuData,
} from "../keyboards/org-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { show } from "../screen.js";

export const peopleFeature = new Composer<BotContext>();

onButton(
  peopleFeature,
  peopleData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region, { data }) => {
    const total = await ctx.deps.db.unit.count({ where: { regionId: region.id, archivedAt: null } });
    const window = pageWindow(Number(data.page), total);
    const { rows } = await listUnits(ctx.deps.db, region.id, window);
    const keyboard = new InlineKeyboard().text(ctx.t("btn-county-admins"), adminsListData.pack({ region: region.id, page: 0 })).row();
    for (const unit of rows) keyboard.text(unit.name, unitMembersData.pack({ unit: unit.id, page: 0 })).row();
    addPager(keyboard, window, (page) => peopleData.pack({ region: region.id, page }));
    keyboard.row().text(ctx.t("btn-back"), countyMenuData.pack({ region: region.id }));
    await show(ctx, ctx.t("people-choose-unit", { region: escapeHtml(region.name) }), keyboard);
  },
);

interface MemberListView {
  regionId: number;
  unitId: number | null;
  title: string;
  requested: number;
  page: (page: number) => string;
  back: string;
}

/** Admins get a button per member to manage them; a unit head sees the list only. */
async function showMembers(ctx: BotContext, actor: LoadedActor, view: MemberListView): Promise<void> {
  const where = { regionId: view.regionId, unitId: view.unitId };
  const window = pageWindow(view.requested, await ctx.deps.db.membership.count({ where }));
  const { rows, total } = await listMembers(ctx.deps.db, view.regionId, view.unitId, window);
  const manage = isCountyAdmin(actor, view.regionId);
  const keyboard = new InlineKeyboard();
  const lines = rows.map((m) => {
    const label = `${m.person.name} · ${ctx.t("role", { role: m.role })}`;
    if (manage) keyboard.text(label, membershipData.pack({ membership: m.id })).row();
    return `• ${escapeHtml(label)}${m.person.username ? ` @${escapeHtml(m.person.username)}` : ""}`;
  });
  addPager(keyboard, window, view.page);
  keyboard.row().text(ctx.t("btn-back"), view.back);
  await show(ctx, `${ctx.t("members-title", { unit: escapeHtml(view.title), count: total })}\n${lines.join("\n")}`, keyboard);
}

onButton(
  peopleFeature,
  adminsListData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  (ctx, region, { actor, data }) =>
    showMembers(ctx, actor, {
      regionId: region.id,
      unitId: null,
      title: `${region.name} · ${ctx.t("btn-county-admins")}`,
      requested: Number(data.page),
      page: (page) => adminsListData.pack({ region: region.id, page }),
      back: peopleData.pack({ region: region.id, page: 0 }),
    }),
);

onButton(
  peopleFeature,
  unitMembersData,
  (ctx, data) => needUnit(ctx, idOf(data.unit), true),
  (ctx, unit, { actor, data }) =>
    showMembers(ctx, actor, {
      regionId: unit.regionId,
      unitId: unit.id,
      title: unit.name,
      requested: Number(data.page),
      page: (page) => unitMembersData.pack({ unit: unit.id, page }),
      back: isCountyAdmin(actor, unit.regionId) ? peopleData.pack({ region: unit.regionId, page: 0 }) : unitMenuData.pack({ unit: unit.id }),
    }),
);

async function showMembership(ctx: BotContext, membershipId: number): Promise<void> {
  const m = await membershipDetails(ctx.deps.db, membershipId);
  if (!m) return;
  const keyboard = new InlineKeyboard();
  const roles = m.unitId === null ? [] : ROLES.filter(roleNeedsUnit).filter((r) => r !== m.role);
  for (const role of roles) keyboard.text(ctx.t("btn-make-role", { role }), roleChangeData.pack({ membership: m.id, role })).row();
  keyboard.text(ctx.t("btn-remove-person"), removeAskData.pack({ membership: m.id })).row();
  keyboard.text(ctx.t("btn-back"), m.unitId === null ? adminsListData.pack({ region: m.regionId, page: 0 }) : unitMembersData.pack({ unit: m.unitId, page: 0 }));
  await show(ctx, ctx.t("membership-view", {
    name: escapeHtml(m.person.name),
    region: escapeHtml(m.region.name),
    unit: m.unit ? ` · ${escapeHtml(m.unit.name)}` : "",
    role: m.role,
  }), keyboard);
}

onButton(peopleFeature, membershipData, (ctx, data) => needMembership(ctx, idOf(data.membership)), (ctx, m) => showMembership(ctx, m.id));

onButton(
  peopleFeature,
  roleChangeData,
  (ctx, data) => needMembership(ctx, idOf(data.membership)),
  async (ctx, m, { actor, data }) => {
    const role = data.role;
    if (!isRole(role)) return;
    const result = await changeRole(ctx.deps.db, ctx.deps.clock, m.id, role, actor.personId);
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t(`membership-${result.reason}`), show_alert: true });
      return;
    }
    await ctx.reply(ctx.t("role-changed", { role }));
    const still = await ctx.deps.db.membership.findUnique({ where: { id: m.id } });
    if (still) await showMembership(ctx, m.id);
    else await ctx.answerCallbackQuery();
  },
);

onButton(
  peopleFeature,
  removeAskData,
  (ctx, data) => needMembership(ctx, idOf(data.membership)),
  async (ctx, m) => {
    const details = await membershipDetails(ctx.deps.db, m.id);
    const keyboard = new InlineKeyboard()
      .text(ctx.t("btn-confirm-remove"), removeData.pack({ membership: m.id }))
      .text(ctx.t("btn-back"), membershipData.pack({ membership: m.id }));
    await show(ctx, ctx.t("remove-confirm", { name: escapeHtml(details?.person.name ?? ""), region: escapeHtml(details?.region.name ?? "") }), keyboard);
  },
);

onButton(
  peopleFeature,
  removeData,
  (ctx, data) => needMembership(ctx, idOf(data.membership)),
  async (ctx, m, { actor }) => {
    const details = await membershipDetails(ctx.deps.db, m.id);
    const result = await removeFromCounty(ctx.deps.db, ctx.deps.clock, m.regionId, m.personId, actor.personId);
    const back = new InlineKeyboard().text(ctx.t("btn-back"), peopleData.pack({ region: m.regionId, page: 0 }));
    const text = result.ok ? ctx.t("person-removed", { name: escapeHtml(details?.person.name ?? "") }) : ctx.t(`membership-${result.reason}`);
    await show(ctx, text, back);
  },
);
