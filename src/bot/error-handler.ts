import { GrammyError, HttpError, type BotError } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Config } from "../config.js";
import type { BotContext } from "./context.js";
import { localeFromTelegram } from "./i18n.js";

/**
 * The error boundary: a failing handler is logged and the person gets a localized
 * apology; the bot keeps running. The logger scrubs the token from every line (S3).
 */
export function createErrorHandler(i18n: I18n<BotContext>, config: Config) {
  return async (error: BotError<BotContext>): Promise<void> => {
    const ctx = error.ctx;
    const cause = error.error;
    const kind = cause instanceof GrammyError ? "telegram" : cause instanceof HttpError ? "network" : "handler";
    ctx.deps.logger.error(
      { err: cause, kind, updateId: ctx.update.update_id, chatId: ctx.chat?.id },
      "update handling failed",
    );
    if (ctx.chat?.type !== "private") return;
    const locale = localeFromTelegram(ctx.from?.language_code, config.DEFAULT_LOCALE);
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      await ctx.reply(i18n.t(ctx.person?.locale ?? locale, "error-generic"));
    } catch (replyError) {
      ctx.deps.logger.warn({ err: replyError }, "could not send the apology");
    }
  };
}
