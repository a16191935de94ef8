// Deep-link invites: an admin invites anyone into their county, a unit head invites
// officials and cadres into their unit; open invites are listed and can be revoked.
import { Composer, InlineKeyboard } from "grammy";
import { isCountyAdmin, UNIT_HEAD_INVITABLE } from "../../domain/permissions.js";
import { isRole, ROLES, roleNeedsUnit, type Role } from "../../domain/roles.js";
import { createInvite, listOpenInvites, revokeInvite } from "../../services/invites.js";
import { listUnits } from "../../services/units.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { onButton, idOf, needCounty, needInvite, needInviteCreate, needUnit } from "../middlewares/guard.js";
import {
  countyMenuData, inviteCreateData, inviteListData, inviteNewData, inviteRevokeData, inviteRoleData, inviteUsesData,
  unitInviteListData, unitInviteNewData, unitMenuData,
} from "../keyboards/org-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { show } from "../screen.js";
import { inviteLink } from "./invite-link.js";

export const invitesFeature = new Composer<BotContext>();

/** The offered combinations of uses and days; callback data naming others is refused. */
const USES = [1, 10, 50] as const;
const DAYS = [1, 7, 30] as const;

const roleOf = (value: string | undefined): Role | null => (value !== undefined && isRole(value) ? value : null);

interface InviteListNav {
  newInvite: string;
  back: string;
  page: (page: number) => string;
}

async function showInvites(ctx: BotContext, scope: { regionId: number; unitId?: number }, requested: number, nav: InviteListNav) {
  const { db, clock } = ctx.deps;
  const total = (await listOpenInvites(db, clock, scope, { skip: 0, take: 0 })).total;
  const window = pageWindow(requested, total);
  const { rows } = await listOpenInvites(db, clock, scope, window);
  const keyboard = new InlineKeyboard();
  const lines = rows.map((invite) => {
    keyboard.text(ctx.t("btn-revoke", { id: invite.id }), inviteRevokeData.pack({ invite: invite.id })).row();
    return ctx.t("invite-line", {
      id: invite.id,
      role: invite.role,
      unit: invite.unit ? ` · ${escapeHtml(invite.unit.name)}` : "",
      uses: invite.usesLeft,
      expires: invite.expiresAt.toISOString().slice(0, 16).replace("T", " "),
      hint: invite.hint,
    });
  });
  addPager(keyboard, window, nav.page);
  keyboard.row().text(ctx.t("btn-new-invite"), nav.newInvite).text(ctx.t("btn-back"), nav.back);
  await show(ctx, `${ctx.t("invites-title", { count: total })}\n${lines.join("\n")}`, keyboard);
}

onButton(
  invitesFeature,
  inviteListData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  (ctx, region, { data }) => {
    const r = { region: region.id };
    return showInvites(ctx, { regionId: region.id }, Number(data.page), {
      newInvite: inviteNewData.pack(r),
      back: countyMenuData.pack(r),
      page: (page) => inviteListData.pack({ ...r, page }),
    });
  },
);

onButton(
  invitesFeature,
  unitInviteListData,
  (ctx, data) => needUnit(ctx, idOf(data.unit), true),
  (ctx, unit, { data }) =>
    showInvites(ctx, { regionId: unit.regionId, unitId: unit.id }, Number(data.page), {
      newInvite: unitInviteNewData.pack({ unit: unit.id }),
      back: unitMenuData.pack({ unit: unit.id }),
      page: (page) => unitInviteListData.pack({ unit: unit.id, page }),
    }),
);

onButton(
  invitesFeature,
  inviteNewData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region) => {
    const keyboard = new InlineKeyboard();
    for (const role of ROLES) {
      const data = roleNeedsUnit(role) ? inviteRoleData.pack({ region: region.id, role, page: 0 }) : inviteUsesData.pack({ region: region.id, unit: 0, role });
      keyboard.text(ctx.t("role", { role }), data).row();
    }
    keyboard.text(ctx.t("btn-invites"), inviteListData.pack({ region: region.id, page: 0 })).text(ctx.t("btn-back"), countyMenuData.pack({ region: region.id }));
    await show(ctx, ctx.t("invite-choose-role", { region: escapeHtml(region.name) }), keyboard);
  },
);

onButton(
  invitesFeature,
  unitInviteNewData,
  (ctx, data) => needUnit(ctx, idOf(data.unit), true),
  async (ctx, unit, { actor }) => {
    const roles = isCountyAdmin(actor, unit.regionId) ? ROLES.filter(roleNeedsUnit) : UNIT_HEAD_INVITABLE;
    const keyboard = new InlineKeyboard();
    for (const role of roles) keyboard.text(ctx.t("role", { role }), inviteUsesData.pack({ region: unit.regionId, unit: unit.id, role })).row();
    keyboard.text(ctx.t("btn-back"), unitMenuData.pack({ unit: unit.id }));
    await show(ctx, ctx.t("invite-choose-role", { region: escapeHtml(`${unit.region.name} · ${unit.name}`) }), keyboard);
  },
);

onButton(
  invitesFeature,
  inviteRoleData,
  (ctx, data) => needCounty(ctx, idOf(data.region)),
  async (ctx, region, { data }) => {
    const role = roleOf(data.role);
    if (role === null) return;
    const total = await ctx.deps.db.unit.count({ where: { regionId: region.id, archivedAt: null } });
    const window = pageWindow(Number(data.page), total);
    const { rows } = await listUnits(ctx.deps.db, region.id, window);
    const keyboard = new InlineKeyboard();
    for (const unit of rows) keyboard.text(unit.name, inviteUsesData.pack({ region: region.id, unit: unit.id, role })).row();
    addPager(keyboard, window, (page) => inviteRoleData.pack({ region: region.id, role, page }));
    keyboard.row().text(ctx.t("btn-back"), inviteNewData.pack({ region: region.id }));
    await show(ctx, ctx.t(total === 0 ? "invite-no-units" : "invite-choose-unit", { role }), keyboard);
  },
);

/** The invite's county comes from its unit when it names one; the role must be a role. */
async function createNeed(ctx: BotContext, data: { region: string; unit: string; role: string }) {
  const role = roleOf(data.role);
  const need = role === null ? null : await needInviteCreate(ctx, idOf(data.region), idOf(data.unit), role);
  return need && role ? { ...need, scope: { ...need.scope, role } } : null;
}

onButton(
  invitesFeature,
  inviteUsesData,
  createNeed,
  async (ctx, { region, unit, role }) => {
    const keyboard = new InlineKeyboard();
    for (const days of DAYS) {
      for (const uses of USES) {
        keyboard.text(ctx.t("btn-uses-days", { uses, days }), inviteCreateData.pack({ region: region.id, unit: unit?.id ?? 0, role, uses, days }));
      }
      keyboard.row();
    }
    await show(ctx, ctx.t("invite-choose-limits", { role, region: escapeHtml(region.name), unit: unit ? ` · ${escapeHtml(unit.name)}` : "" }), keyboard);
  },
);

onButton(
  invitesFeature,
  inviteCreateData,
  async (ctx, data) => {
    const offered = USES.some((u) => String(u) === data.uses) && DAYS.some((d) => String(d) === data.days);
    return offered ? createNeed(ctx, data) : null;
  },
  async (ctx, { region, unit, role }, { actor, data }) => {
    const invite = await createInvite(ctx.deps.db, ctx.deps.clock, {
      regionId: region.id, unitId: unit?.id ?? null, role, uses: Number(data.uses), validForHours: Number(data.days) * 24, createdById: actor.personId,
    });
    const back = unit && !isCountyAdmin(actor, region.id) ? unitMenuData.pack({ unit: unit.id }) : inviteListData.pack({ region: region.id, page: 0 });
    await show(ctx, ctx.t("invite-created", {
      role,
      region: escapeHtml(region.name),
      unit: unit ? ` · ${escapeHtml(unit.name)}` : "",
      uses: Number(data.uses),
      days: Number(data.days),
      link: inviteLink(ctx, invite.token),
    }), new InlineKeyboard().text(ctx.t("btn-back"), back));
  },
);

onButton(
  invitesFeature,
  inviteRevokeData,
  (ctx, data) => needInvite(ctx, idOf(data.invite)),
  async (ctx, invite, { actor }) => {
    await revokeInvite(ctx.deps.db, ctx.deps.clock, invite.id, actor.personId);
    const back = invite.unitId !== null && !isCountyAdmin(actor, invite.regionId)
      ? unitInviteListData.pack({ unit: invite.unitId, page: 0 })
      : inviteListData.pack({ region: invite.regionId, page: 0 });
    await show(ctx, ctx.t("invite-revoked", { id: invite.id }), new InlineKeyboard().text(ctx.t("btn-back"), back));
  },
);
