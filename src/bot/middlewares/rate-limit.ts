import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Locale } from "../../config.js";
import type { BotContext } from "../context.js";
import { localeFromTelegram } from "../i18n.js";

const WINDOW_MS = 10_000;

/**
 * At most `perWindow` updates per user in ten seconds (S5). It runs before updates queue
 * per chat, so the excess is dropped on arrival (with one notice per window) instead of
 * delaying the flooding user's own queue, and other people are not slowed down.
 */
export function rateLimit(perWindow: number, i18n: I18n<BotContext>, defaultLocale: Locale): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    timeFrame: WINDOW_MS,
    limit: perWindow,
    onLimitExceeded: async (ctx) => {
      if (ctx.chat?.type !== "private") return;
      await ctx.reply(i18n.t(localeFromTelegram(ctx.from?.language_code, defaultLocale), "rate-limited"));
    },
  });
}
