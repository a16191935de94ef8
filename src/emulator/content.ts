// Validation of what a bot sends: texts and captions after entity parsing, and
// reply markup, with Telegram's limits and wording.
import { badRequest, texts } from "./errors.js";
import { type FormattedText, parseHtml } from "./html-entities.js";
import { type Params, optionalJson, optionalString } from "./params.js";
import type { InlineKeyboardButton, MessageEntity, ReplyMarkup } from "./types.js";

const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;
const MAX_INLINE_BUTTONS = 100;
const BUTTON_ACTIONS = ["callback_data", "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay"];

/** Applies parse_mode (or explicit entities) to `raw`. MarkdownV2 text is kept as sent. */
function format(raw: string, params: Params, entitiesField: string): FormattedText {
  const parseMode = optionalString(params, "parse_mode") ?? "";
  if (parseMode.toLowerCase() === "html") return parseHtml(raw);
  if (parseMode !== "" && !["markdown", "markdownv2"].includes(parseMode.toLowerCase())) {
    throw badRequest("unsupported parse_mode");
  }
  const entities = optionalJson(params, entitiesField);
  return { text: raw, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
}

/** UTF-16 length, which is how Telegram counts message length. */
const utf16Length = (text: string): number => text.length;

export function messageText(params: Params): FormattedText {
  const formatted = format(optionalString(params, "text") ?? "", params, "entities");
  if (formatted.text.trim() === "") throw badRequest(texts.textEmpty);
  if (utf16Length(formatted.text) > MAX_TEXT_LENGTH) throw badRequest(texts.messageTooLong);
  return formatted;
}

export function caption(params: Params): FormattedText | null {
  const raw = optionalString(params, "caption");
  if (raw === undefined || raw === "") return null;
  const formatted = format(raw, params, "caption_entities");
  if (utf16Length(formatted.text) > MAX_CAPTION_LENGTH) throw badRequest(texts.captionTooLong);
  return formatted.text.trim() === "" ? null : formatted;
}

function checkButton(button: InlineKeyboardButton): void {
  if (!BUTTON_ACTIONS.some((action) => button[action] !== undefined)) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined && (data === "" || Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES)) {
    throw badRequest(texts.buttonDataInvalid);
  }
}

/** reply_markup, validated when it is an inline keyboard; undefined when absent. */
export function replyMarkup(params: Params): ReplyMarkup | undefined {
  const markup = optionalJson(params, "reply_markup");
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return markup as ReplyMarkup;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest("field \"inline_keyboard\" must be an Array");
  const buttons = (rows as InlineKeyboardButton[][]).flat();
  if (buttons.length > MAX_INLINE_BUTTONS) throw badRequest(texts.markupTooLong);
  buttons.forEach(checkButton);
  return { inline_keyboard: rows as InlineKeyboardButton[][] };
}

/** The callback_data values of an inline keyboard, for checking what a user may press. */
export function callbackDataOf(markup: ReplyMarkup | undefined): string[] {
  const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().flatMap((b) => (b.callback_data !== undefined ? [b.callback_data] : []));
}
