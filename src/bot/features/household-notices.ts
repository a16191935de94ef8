// A county admin publishes a notice to the county's households: first the text, then
// either the leaflet file or "send without a file". Households that joined get it
// through the outbox, with a button for the leaflet.
import { Composer, InlineKeyboard } from "grammy";
import { MAX_NOTICE_LENGTH, publishNotice } from "../../services/household-notices.js";
import { askFor, takePrompt } from "../../services/prompts.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { noticeAskData, sendNowData } from "../keyboards/household-data.js";
import { guard, idOf, needCounty } from "../middlewares/guard.js";
import { storeOf } from "../notify.js";
import { translatorFor } from "../translator.js";
import { ask, onAnswer } from "./prompts.js";

export const householdNoticesFeature = new Composer<BotContext>();

const TEXT_PROMPT = "households.notice";
const FILE_PROMPT = "households.notice-file";

householdNoticesFeature.callbackQuery(
  noticeAskData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(noticeAskData.unpack(ctx.callbackQuery.data)?.region)),
    (ctx, region) => ask(ctx, TEXT_PROMPT, { region: region.id }, ctx.t("hh-notice-ask", { region: escapeHtml(region.name) })),
  ),
);

onAnswer(TEXT_PROMPT, "text", (ctx, payload, answer) =>
  guard(
    (c) => needCounty(c, idOf(payload.region)),
    async (c, region) => {
      const text = (answer.text ?? "").trim().slice(0, MAX_NOTICE_LENGTH);
      if (!c.chat || !c.person || text === "") return;
      await askFor(c.deps.db, c.deps.clock, { telegramChatId: c.chat.id, personId: c.person.id }, FILE_PROMPT, { region: region.id, text });
      const keyboard = new InlineKeyboard().text(c.t("hh-btn-send-now"), sendNowData.pack({ region: region.id }));
      await c.reply(`${c.t("hh-notice-file-ask")}\n\n${c.t("prompt-cancel-hint")}`, { reply_markup: keyboard });
    },
    `prompt:${TEXT_PROMPT}`,
  )(ctx),
);

async function publish(ctx: BotContext, regionId: number, actorId: number | null, text: string, file: { id: string; name: string } | null): Promise<void> {
  const { queued } = await publishNotice(storeOf(ctx), ctx.deps.clock, {
    regionId, text, file, actorId, translate: translatorFor(ctx.config.DEFAULT_LOCALE), defaultLocale: ctx.config.DEFAULT_LOCALE,
  });
  await ctx.reply(ctx.t("hh-notice-sent", { count: queued }));
}

onAnswer(FILE_PROMPT, "document", (ctx, payload, answer) =>
  guard(
    (c) => needCounty(c, idOf(payload.region)),
    async (c, region, actor) => {
      const document = answer.document;
      if (!document) return;
      await publish(c, region.id, actor.personId, String(payload.text), { id: document.file_id, name: document.file_name ?? "leaflet" });
    },
    `prompt:${FILE_PROMPT}`,
  )(ctx),
);

householdNoticesFeature.callbackQuery(
  sendNowData.filter,
  guard(
    (ctx) => needCounty(ctx, idOf(sendNowData.unpack(ctx.callbackQuery.data)?.region)),
    async (ctx, region, actor) => {
      await ctx.answerCallbackQuery();
      const prompt = ctx.chat && ctx.person ? await takePrompt(ctx.deps.db, ctx.deps.clock, { telegramChatId: ctx.chat.id, personId: ctx.person.id }) : null;
      if (prompt?.kind !== FILE_PROMPT || prompt.payload.region !== region.id) {
        await ctx.reply(ctx.t("hh-import-file-gone"));
        return;
      }
      await publish(ctx, region.id, actor.personId, String(prompt.payload.text), null);
    },
  ),
);
