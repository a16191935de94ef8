import { GrammyError, type InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";

/**
 * Shows a screen of a menu: a button press replaces the message it was pressed on (menus
 * stay one message), a command or a typed answer gets a new message.
 */
export async function show(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) };
  if (ctx.callbackQuery?.message) {
    await ctx.answerCallbackQuery();
    try {
      await ctx.editMessageText(text, options);
    } catch (error) {
      // Pressing the button of the page already shown changes nothing, which Telegram reports as an error.
      if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
    }
    return;
  }
  await ctx.reply(text, options);
}
