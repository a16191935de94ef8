// /households: a helper cadre's own households (last contact, what is due) and, for county
// admins, the county's household menu — coverage this period, households not yet
// contacted, export, import template. One household's card offers the (audited) phone
// reveal where the county allows it, and its invite link with a printable QR code.
// Phone numbers appear masked everywhere else (P1, P2).
import { Composer, InlineKeyboard, InputFile } from "grammy";
import QRCode from "qrcode";
import { adminRegionIds, isCountyAdmin } from "../../domain/permissions.js";
import { householdSettings } from "../../domain/household-settings.js";
import { maskPhone } from "../../domain/pii-mask.js";
import { contactCoverage, currentPeriod, deactivateHousehold, exportHouseholds, helperHouseholds, revealPhone, setHouseholdSettings, uncontacted, type CoverageRow, type HouseholdLine } from "../../services/households.js";
import { householdTemplate } from "../../services/household-import.js";
import { createHouseholdInvite } from "../../services/household-invites.js";
import { loadActor } from "../../services/memberships.js";
import { optionalPiiKeys } from "../../services/pii-crypto.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { channelAskData, coverageData, deactivateConfirmData, deactivateData, revealSettingData, exportData, householdInviteData, householdMenuData, householdViewData, importAskData, myHouseholdsData, noticeAskData, pickData, revealData, templateData, uncontactedData } from "../keyboards/household-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { guard, idOf, needCounty, needHelperCounty, needHousehold, needHouseholdAdmin, needPhoneReveal } from "../middlewares/guard.js";
import { localDateOf } from "../../time.js";
import { show } from "../screen.js";
import { replanHelper } from "./contacted.js";

export const householdsFeature = new Composer<BotContext>();
const privateChats = householdsFeature.chatType("private");

const day = (instant: Date | null, zone: string): string => (instant ? localDateOf(instant, zone) : "");

export function householdLine(ctx: BotContext, h: HouseholdLine, zone: string): string {
  const parts = [`${escapeHtml(h.name)}${h.village ? ` (${escapeHtml(h.village)})` : ""}`];
  if (h.phoneMasked) parts.push(h.phoneMasked);
  parts.push(h.lastContact ? ctx.t("hh-last-contact", { due: day(h.lastContact, zone) }) : ctx.t("hh-never-contacted"));
  for (const purpose of h.due) parts.push(ctx.t(purpose === "leaflet" ? "hh-due-leaflet" : "hh-due-contact"));
  return `• ${parts.join(" · ")}`;
}

/** Counties where this person is the helper cadre of some household. */
async function helpedRegions(ctx: BotContext): Promise<Array<{ id: number; name: string }>> {
  if (!ctx.person) return [];
  return ctx.deps.db.region.findMany({ where: { households: { some: { helperId: ctx.person.id, active: true } } }, select: { id: true, name: true }, orderBy: { id: "asc" } });
}

privateChats.command("households", async (ctx) => {
  const actor = await loadActor(ctx.deps.db, ctx.from.id, ctx.config.OWNER_IDS);
  const adminOf = await ctx.deps.db.region.findMany({ where: { id: { in: adminRegionIds(actor) } }, orderBy: { id: "asc" } });
  const helped = await helpedRegions(ctx);
  const keyboard = new InlineKeyboard();
  for (const r of adminOf) keyboard.text(`${ctx.t("hh-btn-menu")} · ${r.name}`, householdMenuData.pack({ region: r.id })).row();
  for (const r of helped) keyboard.text(`${ctx.t("hh-btn-mine")} · ${r.name}`, myHouseholdsData.pack({ region: r.id, page: 0 })).row();
  const only = helped[0];
  if (adminOf.length === 0 && helped.length === 1 && only) return showMine(ctx, only.id, 0);
  if (adminOf.length === 0 && helped.length === 0) {
    await ctx.reply(ctx.t("hh-none-anywhere"));
    return;
  }
  await ctx.reply(ctx.t("cmd-households"), { reply_markup: keyboard });
});

async function showMine(ctx: BotContext, regionId: number, requested: number): Promise<void> {
  const region = await ctx.deps.db.region.findUniqueOrThrow({ where: { id: regionId } });
  if (!ctx.person) return;
  const total = await ctx.deps.db.household.count({ where: { regionId, helperId: ctx.person.id, active: true } });
  const window = pageWindow(requested, total);
  const { lines } = await helperHouseholds(ctx.deps.db, regionId, ctx.person.id, window);
  if (total === 0) return show(ctx, ctx.t("hh-mine-none", { region: escapeHtml(region.name) }));
  const keyboard = new InlineKeyboard();
  for (const h of lines) keyboard.text(h.name, householdViewData.pack({ household: h.id })).row();
  addPager(keyboard, window, (page) => myHouseholdsData.pack({ region: regionId, page }));
  keyboard.text(`✅ ${ctx.t("cmd-contacted")}`, pickData.pack({ region: regionId, purpose: "contact", page: 0 }));
  const text = ctx.t("hh-mine", { region: escapeHtml(region.name), count: total, lines: lines.map((h) => householdLine(ctx, h, region.timeZone)).join("\n") });
  await show(ctx, text, keyboard);
}

householdsFeature.callbackQuery(
  myHouseholdsData.filter,
  guard(
    (ctx) => needHelperCounty(ctx, idOf(myHouseholdsData.unpack(ctx.callbackQuery.data)?.region)),
    (ctx, region) => showMine(ctx, region.id, Number(myHouseholdsData.unpack(ctx.callbackQuery.data)?.page ?? 0)),
  ),
);

householdsFeature.callbackQuery(
  householdMenuData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(householdMenuData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region) => {
      const count = await ctx.deps.db.household.count({ where: { regionId: region.id, active: true } });
      const r = { region: region.id };
      const keyboard = new InlineKeyboard()
        .text(ctx.t("hh-btn-coverage"), coverageData.pack(r)).text(ctx.t("hh-btn-uncontacted"), uncontactedData.pack({ ...r, page: 0 })).row()
        .text(ctx.t("hh-btn-import"), importAskData.pack(r)).text(ctx.t("hh-btn-template"), templateData.pack(r)).row()
        .text(ctx.t("hh-btn-export"), exportData.pack(r)).text(ctx.t("hh-btn-notice"), noticeAskData.pack(r)).row()
        .text(ctx.t("hh-btn-reveal-setting", { kind: householdSettings(region.settings).phoneReveal }), revealSettingData.pack(r));
      await show(ctx, ctx.t("hh-menu", { region: escapeHtml(region.name), count }), keyboard);
    },
  ),
);

householdsFeature.callbackQuery(
  revealSettingData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(revealSettingData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region, actor) => {
      const phoneReveal = householdSettings(region.settings).phoneReveal === "helper" ? "off" : "helper";
      await setHouseholdSettings(ctx.deps.db, ctx.deps.clock, region.id, { phoneReveal }, actor.personId);
      const keyboard = new InlineKeyboard().text(ctx.t("btn-back"), householdMenuData.pack({ region: region.id }));
      await show(ctx, ctx.t("hh-btn-reveal-setting", { kind: phoneReveal }), keyboard);
    },
  ),
);

const coverageLine = (row: CoverageRow): string => `• ${escapeHtml(row.label)}: ${row.done}/${row.total} (${Math.round((100 * row.done) / Math.max(1, row.total))}%)`;

householdsFeature.callbackQuery(
  coverageData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(coverageData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region) => {
      const c = await contactCoverage(ctx.deps.db, ctx.deps.clock, region.id);
      const keyboard = new InlineKeyboard().text(ctx.t("hh-btn-uncontacted"), uncontactedData.pack({ region: region.id, page: 0 })).text(ctx.t("btn-back"), householdMenuData.pack({ region: region.id }));
      await show(ctx, ctx.t("hh-coverage", {
        due: `${c.period.start} – ${c.period.end}`,
        value: `${c.done}/${c.total} (${Math.round((100 * c.done) / Math.max(1, c.total))}%)`,
        lines: c.byTownship.map(coverageLine).join("\n") || "-",
        names: c.byHelper.map(coverageLine).join("\n") || "-",
      }), keyboard);
    },
  ),
);

householdsFeature.callbackQuery(
  uncontactedData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(uncontactedData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region) => {
      const requested = Number(uncontactedData.unpack(ctx.callbackQuery.data)?.page ?? 0);
      const total = (await uncontacted(ctx.deps.db, ctx.deps.clock, region.id, { skip: 0, take: 0 })).total;
      const window = pageWindow(requested, total);
      const { rows } = await uncontacted(ctx.deps.db, ctx.deps.clock, region.id, window);
      const keyboard = new InlineKeyboard();
      for (const h of rows) keyboard.text(h.name, householdViewData.pack({ household: h.id })).row();
      addPager(keyboard, window, (page) => uncontactedData.pack({ region: region.id, page })).text(ctx.t("btn-back"), householdMenuData.pack({ region: region.id }));
      if (total === 0) return show(ctx, ctx.t("hh-uncontacted-none"), keyboard);
      const lines = rows.map((h) => `• ${escapeHtml(h.name)} · ${escapeHtml([h.township, h.village].filter(Boolean).join(" "))} · ${escapeHtml(h.helper?.name ?? "-")}`);
      const period = await currentPeriod(ctx.deps.db, ctx.deps.clock, region.id, "contact");
      await show(ctx, ctx.t("hh-uncontacted", { due: `${period.start} – ${period.end}`, count: total, lines: lines.join("\n") }), keyboard);
    },
  ),
);

householdsFeature.callbackQuery(
  exportData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(exportData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region, actor) => {
      await ctx.answerCallbackQuery();
      const bytes = await exportHouseholds(ctx.deps.db, ctx.deps.clock, region.id, actor.personId, optionalPiiKeys(ctx.config.PII_KEY), ctx.t("hh-export-columns").split("|"));
      await ctx.replyWithDocument(new InputFile(bytes, `households-${region.id}-${day(ctx.deps.clock.now(), region.timeZone)}.xlsx`));
    },
  ),
);

householdsFeature.callbackQuery(
  templateData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(templateData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.replyWithDocument(new InputFile(await householdTemplate(), "households-template.xlsx"), { caption: ctx.t("hh-template-caption") });
    },
  ),
);

householdsFeature.callbackQuery(
  householdViewData.filter,
  guard(
    (ctx) => needHousehold(ctx, idOf(householdViewData.unpack(ctx.callbackQuery.data)?.household)),
    async (ctx, household, actor) => {
      const helper = household.helperId === null ? null : await ctx.deps.db.person.findUnique({ where: { id: household.helperId } });
      const last = await ctx.deps.db.contactLog.findFirst({ where: { householdId: household.id }, orderBy: { contactedAt: "desc" } });
      const place = [household.township, household.village, household.workLocation ? `→ ${household.workLocation}` : null].filter(Boolean).join(" ");
      const text = ctx.t("hh-view", {
        name: escapeHtml(household.name),
        value: escapeHtml(place),
        hint: household.phone ? maskPhone(household.phone) : ctx.t("hh-no-phone"),
        head: escapeHtml(helper?.name ?? "-"),
        due: last ? ctx.t("hh-last-contact", { due: day(last.contactedAt, household.region.timeZone) }) : ctx.t("hh-never-contacted"),
      });
      const keyboard = new InlineKeyboard()
        .text(ctx.t("hh-btn-contacted"), channelAskData.pack({ household: household.id, purpose: "contact" }))
        .text(ctx.t("hh-btn-leaflet-sent"), channelAskData.pack({ household: household.id, purpose: "leaflet" })).row();
      const revealable = householdSettings(household.region.settings).phoneReveal === "helper" && household.helperId === actor.personId && household.phone !== null;
      if (revealable) keyboard.text(ctx.t("hh-btn-reveal"), revealData.pack({ household: household.id })).row();
      keyboard.text(ctx.t("hh-btn-invite"), householdInviteData.pack({ household: household.id }));
      if (isCountyAdmin(actor, household.regionId)) keyboard.row().text(ctx.t("hh-btn-deactivate"), deactivateData.pack({ household: household.id }));
      await show(ctx, text, keyboard);
    },
  ),
);

householdsFeature.callbackQuery(
  revealData.filter,
  guard(
    (ctx) => needPhoneReveal(ctx, idOf(revealData.unpack(ctx.callbackQuery.data)?.household)),
    async (ctx, household, actor) => {
      const phone = await revealPhone(ctx.deps.db, ctx.deps.clock, household.id, actor.personId);
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("hh-phone-revealed", { value: escapeHtml(phone ?? ctx.t("hh-no-phone")) }), { parse_mode: "HTML" });
    },
  ),
);

householdsFeature.callbackQuery(
  householdInviteData.filter,
  guard(
    (ctx) => needHousehold(ctx, idOf(householdInviteData.unpack(ctx.callbackQuery.data)?.household)),
    async (ctx, household, actor) => {
      const { token, expiresAt } = await createHouseholdInvite(ctx.deps.db, ctx.deps.clock, household.id, actor.personId);
      const link = `https://t.me/${ctx.me.username}?start=${token}`;
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("hh-invite", { name: escapeHtml(household.name), expires: day(expiresAt, household.region.timeZone), link }), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      const png = await QRCode.toBuffer(link, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 480 });
      await ctx.replyWithPhoto(new InputFile(png, `household-${household.id}.png`), { caption: escapeHtml(household.name) });
    },
  ),
);

householdsFeature.callbackQuery(
  deactivateData.filter,
  guard(
    (ctx) => needHouseholdAdmin(ctx, idOf(deactivateData.unpack(ctx.callbackQuery.data)?.household)),
    async (ctx, household) => {
      const keyboard = new InlineKeyboard()
        .text(ctx.t("hh-btn-deactivate-confirm"), deactivateConfirmData.pack({ household: household.id }))
        .text(ctx.t("btn-back"), householdViewData.pack({ household: household.id }));
      await show(ctx, ctx.t("hh-deactivate-confirm", { name: escapeHtml(household.name), days: householdSettings(household.region.settings).retentionDays }), keyboard);
    },
  ),
);

householdsFeature.callbackQuery(
  deactivateConfirmData.filter,
  guard(
    (ctx) => needHouseholdAdmin(ctx, idOf(deactivateConfirmData.unpack(ctx.callbackQuery.data)?.household)),
    async (ctx, household, actor) => {
      await deactivateHousehold(ctx.deps.db, ctx.deps.clock, household.id, actor.personId);
      await replanHelper(ctx, household);
      await show(ctx, ctx.t("hh-deactivated", { name: escapeHtml(household.name) }), new InlineKeyboard().text(ctx.t("btn-back"), householdMenuData.pack({ region: household.regionId })));
    },
  ),
);
