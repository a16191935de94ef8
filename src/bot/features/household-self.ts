// What households themselves do in the bot: join with their household's invite link, get
// the leaflet of a notice, write to their helper cadre (each message counts as a contact
// by Telegram and reaches the cadre with any phone or ID number in it masked), and leave
// with /stop at any time. A household member is not a Person with a role: the link is
// the Household's telegramUserId, nothing more is kept about them (P4).
import { Composer } from "grammy";
import { maskNumbersIn } from "../../domain/pii-mask.js";
import { recordContact } from "../../services/contacts.js";
import { householdOfUser, isHouseholdPayload, joinHousehold, leaveHousehold } from "../../services/household-invites.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { leafletData } from "../keyboards/household-data.js";
import { guard, idOf, needHouseholdNotice } from "../middlewares/guard.js";
import { notify } from "../notify.js";
import { replanHelper } from "./contacted.js";

/** `/start hh_…`: before the general /start, which knows only unit invites. */
export const householdJoinFeature = new Composer<BotContext>();

householdJoinFeature.chatType("private").command("start", async (ctx, next) => {
  const payload = ctx.match.trim();
  if (payload === "" && !ctx.person) {
    // A household member is no Person: without this, /start would tell them they belong nowhere.
    const household = await householdOfUser(ctx.deps.db, ctx.from.id);
    const region = household ? await ctx.deps.db.region.findUnique({ where: { id: household.regionId } }) : null;
    if (region) {
      await ctx.reply(ctx.t("hh-joined", { region: escapeHtml(region.name) }), { parse_mode: "HTML" });
      return;
    }
  }
  if (!isHouseholdPayload(payload)) return next();
  const joined = await joinHousehold(ctx.deps.db, ctx.deps.clock, payload, ctx.from.id);
  if (!joined.ok) {
    await ctx.reply(ctx.t("hh-join-refused"));
    return;
  }
  await ctx.reply(ctx.t("hh-joined", { region: escapeHtml(joined.regionName) }), { parse_mode: "HTML" });
});

export const householdSelfFeature = new Composer<BotContext>();
const privateChats = householdSelfFeature.chatType("private");

privateChats.command("stop", async (ctx, next) => {
  const left = await leaveHousehold(ctx.deps.db, ctx.deps.clock, ctx.from.id);
  if (!left && ctx.person) return next();
  await ctx.reply(ctx.t(left ? "hh-stopped" : "hh-stop-none"));
});

householdSelfFeature.callbackQuery(
  leafletData.filter,
  guard(
    (ctx) => needHouseholdNotice(ctx, idOf(leafletData.unpack(ctx.callbackQuery.data)?.notice)),
    async (ctx, notice) => {
      await ctx.answerCallbackQuery();
      if (notice.fileId === null) {
        await ctx.reply(ctx.t("hh-notice-gone"));
        return;
      }
      await ctx.replyWithDocument(notice.fileId);
    },
  ),
);

privateChats.on("message:text", async (ctx, next) => {
  const isCommand = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  const household = isCommand ? null : await householdOfUser(ctx.deps.db, ctx.from.id);
  if (!household) return next();
  const text = ctx.msg.text.slice(0, 3000);
  const result = await recordContact(ctx.deps.db, ctx.deps.clock, { householdId: household.id, personId: null, channel: "telegram", purpose: "contact", note: text });
  await replanHelper(ctx, result);
  const helper = household.helper;
  if (helper && helper.telegramUserId !== null && helper.active) {
    await notify(ctx, [{ personId: helper.id, address: String(helper.telegramUserId), locale: helper.locale ?? ctx.config.DEFAULT_LOCALE }], {
      kind: "household.reply",
      key: `hhr:${household.id}:${ctx.msg.message_id}`,
      assignmentId: null,
      render: (t) => ({ text: t("hh-reply-to-helper", { name: escapeHtml(household.name), value: escapeHtml(household.village ?? "-"), title: escapeHtml(maskNumbersIn(text)) }) }),
    });
  }
  await ctx.reply(ctx.t("hh-reply-sent"));
});
