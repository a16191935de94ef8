import { Composer } from "grammy";
import { ensurePerson, setPersonLocale } from "../../services/people.js";
import type { BotContext } from "../context.js";
import { isLocale } from "../i18n.js";
import { setChatCommands } from "../commands.js";
import { createLanguageKeyboard, languageData } from "../keyboards/language.js";

export const languageFeature = new Composer<BotContext>();

languageFeature.chatType("private").command("language", async (ctx) => {
  const current = await ctx.i18n.getLocale();
  await ctx.reply(ctx.t("language-choose"), { reply_markup: createLanguageKeyboard(current) });
});

languageFeature.callbackQuery(languageData.filter, async (ctx) => {
  const locale = languageData.unpack(ctx.callbackQuery.data)?.locale;
  if (!isLocale(locale)) {
    await ctx.answerCallbackQuery();
    return;
  }
  const { db, clock } = ctx.deps;
  const person = await ensurePerson(db, {
    telegramUserId: ctx.from.id,
    firstName: ctx.from.first_name,
    lastName: ctx.from.last_name,
    username: ctx.from.username,
  });
  await setPersonLocale(db, clock, person.id, locale);
  ctx.person = { id: person.id, name: person.name, locale };
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery({ text: ctx.t("language-set") });
  await ctx.editMessageText(ctx.t("language-set"));
  if (ctx.chat) await setChatCommands(ctx.api, ctx.chat.id, (key) => ctx.t(key));
});
