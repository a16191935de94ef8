import { InlineKeyboard } from "grammy";
import type { ButtonSpec } from "../scheduler/outbox.js";

/** Telegram's inline keyboard for the buttons of an outgoing message (one path for the bot and the dispatcher). */
export function inlineKeyboardOf(rows: readonly ButtonSpec[][]): InlineKeyboard {
  return InlineKeyboard.from(
    rows.map((row) => row.map((b) => (b.url !== undefined ? InlineKeyboard.url(b.text, b.url) : InlineKeyboard.text(b.text, b.data ?? b.text)))),
  );
}
