import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

const WINDOW_MS = 10_000;

/**
 * At most `perWindow` updates per user in ten seconds (S5). The excess is dropped with one
 * polite notice per window, so a flooding user cannot slow everybody else down.
 */
export function rateLimit(perWindow: number): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    timeFrame: WINDOW_MS,
    limit: perWindow,
    onLimitExceeded: async (ctx) => {
      if (ctx.chat?.type === "private") await ctx.reply(ctx.t("rate-limited"));
    },
  });
}
