// The task card as a chat message: the outbox's button specs as an inline keyboard, and the
// card re-rendered in place (in the presser's language) after a button changed it.
import { inlineKeyboardOf } from "../../messages/inline-keyboard.js";
import { GrammyError, InlineKeyboard } from "grammy";
import { loadTaskCard, renderTaskCard } from "../../messages/task-card.js";
import type { ButtonSpec } from "../../scheduler/outbox.js";
import type { BotContext } from "../context.js";

/** The card as it is now, for a new message (/task, a re-send). */
export async function cardMessage(ctx: BotContext, assignmentId: number) {
  const card = await loadTaskCard(ctx.deps.db, assignmentId);
  if (!card) return null;
  const rendered = renderTaskCard(ctx.t, card);
  return { text: rendered.text, keyboard: inlineKeyboardOf(rendered.buttons) };
}

/** Edits the card the button was pressed on; pressing twice leaves it as it is (F18). */
export async function refreshCard(ctx: BotContext, assignmentId: number): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (message) await refreshCardMessage(ctx, message.chat.id, message.message_id, assignmentId);
}

/** Edits a card message in any chat, e.g. the one whose 有困难 button led to a typed reason. */
export async function refreshCardMessage(ctx: BotContext, chatId: number, messageId: number, assignmentId: number): Promise<void> {
  const card = await cardMessage(ctx, assignmentId);
  if (!card) return;
  try {
    await ctx.api.editMessageText(chatId, messageId, card.text, { parse_mode: "HTML", reply_markup: card.keyboard, link_preview_options: { is_disabled: true } });
  } catch (error) {
    if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
  }
}
