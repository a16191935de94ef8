// The admin's inline menu: /admin lists the counties a person administers and the units
// they head; every function of this issue is reachable from here without typing commands.
import { Composer, InlineKeyboard } from "grammy";
import { adminRegionIds, ledUnits } from "../../domain/permissions.js";
import { countiesByIds } from "../../services/regions.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { guard, onButton, idOf, needCounty, needMenu, needUnit, type LoadedActor } from "../middlewares/guard.js";
import {
  countyMenuData, holidaysData, importData, inviteListData, menuData, peopleData, settingsData, starterData, unitInviteListData,
  unitInviteNewData, unitListData, unitMembersData, unitMenuData,
} from "../keyboards/org-data.js";
import { channelsListData } from "../keyboards/channels-data.js";
import { show } from "../screen.js";

export const adminMenuFeature = new Composer<BotContext>();
const privateChats = adminMenuFeature.chatType("private");

async function showMenu(ctx: BotContext, _scope: null, actor: LoadedActor): Promise<void> {
  const { db } = ctx.deps;
  const counties = await countiesByIds(db, adminRegionIds(actor));
  const led = ledUnits(actor);
  const units = await db.unit.findMany({ where: { id: { in: led.map((u) => u.unitId) } }, include: { region: { select: { name: true } } }, orderBy: { id: "asc" } });
  const keyboard = new InlineKeyboard();
  for (const county of counties) keyboard.text(`🏛 ${county.name}`, countyMenuData.pack({ region: county.id })).row();
  for (const unit of units) keyboard.text(`🏢 ${unit.region.name} · ${unit.name}`, unitMenuData.pack({ unit: unit.id })).row();
  // The holiday calendar is the installation's, not a county's: one entry for any county admin.
  if (counties.length > 0) keyboard.text(ctx.t("btn-holidays"), holidaysData.pack({})).row();
  await show(ctx, ctx.t("menu-title"), keyboard);
}

privateChats.command("admin", guard(needMenu, showMenu));
adminMenuFeature.callbackQuery(menuData.filter, guard(needMenu, showMenu));

onButton(
  adminMenuFeature,
  countyMenuData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region) => {
    const r = { region: region.id };
    const keyboard = new InlineKeyboard()
      .text(ctx.t("btn-settings"), settingsData.pack(r)).text(ctx.t("btn-units"), unitListData.pack({ ...r, page: 0 })).row()
      .text(ctx.t("btn-people"), peopleData.pack({ ...r, page: 0 })).text(ctx.t("btn-invites"), inviteListData.pack({ ...r, page: 0 })).row()
      .text(ctx.t("btn-import"), importData.pack(r)).text(ctx.t("btn-starter"), starterData.pack(r)).row()
      .text(ctx.t("btn-channels"), channelsListData.pack(r)).row()
      .text(ctx.t("btn-back"), menuData.pack({}));
    await show(ctx, ctx.t("menu-county", { region: escapeHtml(region.name) }), keyboard);
  },
);

onButton(
  adminMenuFeature,
  unitMenuData,
  (ctx, data) => needUnit(ctx, idOf(data.unit), true),
  async (ctx, unit) => {
    const u = { unit: unit.id };
    const keyboard = new InlineKeyboard()
      .text(ctx.t("btn-members"), unitMembersData.pack({ ...u, page: 0 })).row()
      .text(ctx.t("btn-new-invite"), unitInviteNewData.pack(u)).text(ctx.t("btn-invites"), unitInviteListData.pack({ ...u, page: 0 })).row()
      .text(ctx.t("btn-back"), menuData.pack({}));
    await show(ctx, ctx.t("menu-unit", { region: escapeHtml(unit.region.name), unit: escapeHtml(unit.name) }), keyboard);
  },
);
