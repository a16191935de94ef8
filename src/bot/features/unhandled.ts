import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Last in the chain: whatever no feature took. In private chats the person gets a short
 * hint; in groups the bot stays quiet; callback buttons from old messages are answered
 * so the spinner stops (B8).
 */
export const unhandledFeature = new Composer<BotContext>();

const privateChats = unhandledFeature.chatType("private");

privateChats.on("message:text", async (ctx) => {
  const isCommand = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
  await ctx.reply(ctx.t(isCommand ? "unknown-command" : "not-understood"));
});

privateChats.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unsupported-message"));
});

unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery();
});
