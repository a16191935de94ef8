// /contacted (or the button on a reminder): choose the household, the channel, optionally
// a note or a photo; the contact is logged and closes this period's duty. "Leaflet sent"
// is the same flow for the yearly leaflet-and-letter duty. The cadre's pending reminders
// are re-planned at once, so the next one no longer lists that household.
import { Composer, InlineKeyboard } from "grammy";
import { CONTACT_CHANNELS, isContactChannel, recordContact, type ContactChannel, type ContactResult } from "../../services/contacts.js";
import { isDutyPurpose, planHouseholdReminders, type DutyPurpose } from "../../services/household-duties.js";
import { householdsDue } from "../../services/households.js";
import { peekPrompt, takePrompt, askFor, cancelPrompt } from "../../services/prompts.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { channelAskData, channelData, pickData, saveContactData } from "../keyboards/household-data.js";
import { addPager, pageWindow } from "../keyboards/pages.js";
import { guard, idOf, needHelperCounty, needHousehold } from "../middlewares/guard.js";
import { storeOf } from "../notify.js";
import { show } from "../screen.js";
import { translatorFor } from "../translator.js";
import { onAnswer } from "./prompts.js";

export const contactedFeature = new Composer<BotContext>();
const privateChats = contactedFeature.chatType("private");

const NOTE_PROMPT = "households.contact-note";

const purposeOf = (value: string | undefined): DutyPurpose => (value !== undefined && isDutyPurpose(value) ? value : "contact");

async function showPicker(ctx: BotContext, regionId: number, purpose: DutyPurpose, requested: number, helperOnly: boolean): Promise<void> {
  const helperId = helperOnly ? ctx.person?.id ?? 0 : null;
  const total = (await householdsDue(ctx.deps.db, regionId, purpose, helperId, { skip: 0, take: 0 })).total;
  const window = pageWindow(requested, total);
  const { lines } = await householdsDue(ctx.deps.db, regionId, purpose, helperId, window);
  const keyboard = new InlineKeyboard();
  for (const h of lines) keyboard.text(`${h.name}${h.village ? ` (${h.village})` : ""}`, channelAskData.pack({ household: h.id, purpose })).row();
  addPager(keyboard, window, (page) => pickData.pack({ region: regionId, purpose, page }));
  if (purpose === "contact") keyboard.text(ctx.t("hh-btn-switch-leaflet"), pickData.pack({ region: regionId, purpose: "leaflet", page: 0 }));
  await show(ctx, total === 0 ? ctx.t("hh-pick-none") : ctx.t("hh-pick", { kind: purpose, count: total }), keyboard);
}

privateChats.command("contacted", async (ctx) => {
  const region = ctx.person ? await ctx.deps.db.region.findFirst({ where: { households: { some: { helperId: ctx.person.id, active: true } } }, orderBy: { id: "asc" } }) : null;
  if (!region) {
    await ctx.reply(ctx.t("hh-none-anywhere"));
    return;
  }
  await showPicker(ctx, region.id, "contact", 0, true);
});

contactedFeature.callbackQuery(
  pickData.filter,
  guard(
    (ctx) => needHelperCounty(ctx, idOf(pickData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region) => {
      const data = pickData.unpack(ctx.callbackQuery.data);
      const helps = ctx.person !== null && (await ctx.deps.db.household.count({ where: { regionId: region.id, helperId: ctx.person.id } })) > 0;
      // A helper cadre picks among their own households; a county admin who helps none, among all.
      await showPicker(ctx, region.id, purposeOf(data?.purpose), Number(data?.page ?? 0), helps);
    },
  ),
);

contactedFeature.callbackQuery(
  channelAskData.filter,
  guard(
    (ctx) => needHousehold(ctx, idOf(channelAskData.unpack(ctx.callbackQuery.data)?.household)),
    async (ctx, household) => {
      const purpose = purposeOf(channelAskData.unpack(ctx.callbackQuery.data)?.purpose);
      const keyboard = new InlineKeyboard();
      CONTACT_CHANNELS.forEach((channel, i) => {
        keyboard.text(ctx.t(`hh-ch-${channel}`), channelData.pack({ household: household.id, purpose, channel }));
        if (i % 3 === 2) keyboard.row();
      });
      await show(ctx, ctx.t("hh-channel-ask", { name: escapeHtml(household.name) }), keyboard);
    },
  ),
);

type Where = { telegramChatId: number; personId: number };

/** Buttons naming a household, a duty purpose and a channel: choosing the channel, and saving without a note. */
function onChannelButton(codec: typeof channelData, act: (ctx: BotContext, householdId: number, purpose: DutyPurpose, channel: ContactChannel, where: Where) => Promise<void>): void {
  contactedFeature.callbackQuery(
    codec.filter,
    guard(
      (ctx) => needHousehold(ctx, idOf(codec.unpack(ctx.callbackQuery.data)?.household)),
      async (ctx, household) => {
        const data = codec.unpack(ctx.callbackQuery.data);
        const channel = data?.channel ?? "";
        if (!ctx.chat || !ctx.person || !isContactChannel(channel)) return;
        await act(ctx, household.id, purposeOf(data?.purpose), channel, { telegramChatId: ctx.chat.id, personId: ctx.person.id });
      },
    ),
  );
}

onChannelButton(channelData, async (ctx, household, purpose, channel, where) => {
  await askFor(ctx.deps.db, ctx.deps.clock, where, NOTE_PROMPT, { household, purpose, channel });
  const keyboard = new InlineKeyboard().text(ctx.t("hh-btn-save"), saveContactData.pack({ household, purpose, channel }));
  await show(ctx, `${ctx.t("hh-note-ask")}\n\n${ctx.t("prompt-cancel-hint")}`, keyboard);
});

onChannelButton(saveContactData, async (ctx, household, purpose, channel, where) => {
  await cancelPrompt(ctx.deps.db, where);
  await save(ctx, household, purpose, channel, null, []);
});

/** The helper cadre's pending reminders, re-planned so they no longer list a household just contacted or deactivated. */
export async function replanHelper(ctx: BotContext, household: Pick<ContactResult, "regionId" | "helperId">): Promise<void> {
  if (household.helperId === null) return;
  const deps = { store: storeOf(ctx), clock: ctx.deps.clock, translate: translatorFor(ctx.config.DEFAULT_LOCALE), defaultLocale: ctx.config.DEFAULT_LOCALE };
  await planHouseholdReminders(deps, household.regionId, household.helperId);
}

async function save(ctx: BotContext, householdId: number, purpose: DutyPurpose, channel: ContactChannel, note: string | null, evidence: string[]): Promise<void> {
  const household = await ctx.deps.db.household.findUniqueOrThrow({ where: { id: householdId } });
  await replanHelper(ctx, await recordContact(ctx.deps.db, ctx.deps.clock, { householdId, personId: ctx.person?.id ?? null, channel, purpose, note, evidence }));
  const duty = await ctx.deps.db.householdDuty.findFirst({ where: { householdId, purpose }, orderBy: { periodStart: "desc" } });
  const status = duty === null ? "hh-duty-none" : duty.state === "done" ? "hh-duty-done" : "hh-duty-open";
  await show(ctx, ctx.t("hh-contact-saved", { name: escapeHtml(household.name), value: ctx.t(status) }));
}

/** The note or photo answering NOTE_PROMPT, with the ids the prompt stored. */
function answerNote(ctx: BotContext, payload: Record<string, string | number>, note: string | null, evidence: string[]): Promise<void> {
  return guard(
    (c) => needHousehold(c, idOf(payload.household)),
    async (c, household) => {
      const channel = String(payload.channel);
      if (!isContactChannel(channel)) return;
      await save(c, household.id, purposeOf(String(payload.purpose)), channel, note, evidence);
    },
    `prompt:${NOTE_PROMPT}`,
  )(ctx);
}

onAnswer(NOTE_PROMPT, "text", (ctx, payload, answer) => answerNote(ctx, payload, answer.text ?? null, []));

// Photos are not among the answers the prompts feature reads, so the note prompt takes them here.
privateChats.on("message:photo", async (ctx, next) => {
  if (!ctx.person) return next();
  const where = { telegramChatId: ctx.chat.id, personId: ctx.person.id };
  const pending = await peekPrompt(ctx.deps.db, ctx.deps.clock, where);
  if (pending?.kind !== NOTE_PROMPT) return next();
  const prompt = await takePrompt(ctx.deps.db, ctx.deps.clock, where);
  const largest = ctx.msg.photo.at(-1);
  if (!prompt || !largest) return next();
  await answerNote(ctx, prompt.payload, ctx.msg.caption ?? null, [largest.file_id]);
});
