// The Bot API methods that put content into chats or change it: sends (flood
// limited), edits and deletions.
import { writableChat } from "./access.js";
import { caption, messageText, replyMarkup } from "./content.js";
import { badRequest, texts, tooManyRequests } from "./errors.js";
import { type FileKind, type StoredFile, imageSize } from "./files.js";
import type { FloodControl } from "./limits.js";
import { type Params, chatIdParam, optionalBoolean, optionalJson, optionalNumber, requiredNumber, uploadedFile } from "./params.js";
import type { BotRecord, ChatRecord, EmulatorState, StoredMessage } from "./state.js";
import type { TgMessage } from "./types.js";

export interface CallContext {
  state: EmulatorState;
  flood: FloodControl;
  bot: BotRecord;
  params: Params;
}

/** reply_to_message as Telegram nests it: one level deep. */
export function replyCopy(message: TgMessage): TgMessage {
  const { reply_to_message: _nested, ...rest } = message;
  return rest;
}

function replyTarget(ctx: CallContext, record: ChatRecord): TgMessage | undefined {
  const parameters = optionalJson(ctx.params, "reply_parameters") as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
  const messageId = parameters?.message_id ?? optionalNumber(ctx.params, "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const target = ctx.state.findMessage(record.chat.id, messageId);
  if (target) return replyCopy(target.message);
  if (parameters?.allow_sending_without_reply || optionalBoolean(ctx.params, "allow_sending_without_reply")) return undefined;
  throw badRequest("message to be replied not found");
}

/** The common path of every send: access, validation (done by `build`), flood control, storage. */
function send(ctx: CallContext, build: () => Omit<TgMessage, "message_id" | "date" | "chat" | "from">): TgMessage {
  const record = writableChat(ctx.state, ctx.bot, chatIdParam(ctx.params));
  const content = build();
  const markup = replyMarkup(ctx.params);
  const reply = replyTarget(ctx, record);
  const admitted = ctx.flood.admit(ctx.bot.id, record.chat.id, record.chat.type === "private" ? "private" : "group");
  if (!admitted.ok) throw tooManyRequests(admitted.retryAfter);
  return ctx.state.addMessage(
    record,
    {
      from: ctx.bot.user,
      ...content,
      ...(markup !== undefined ? { reply_markup: markup } : {}),
      ...(reply !== undefined ? { reply_to_message: reply } : {}),
    },
    ctx.bot.id,
  );
}

export function sendMessage(ctx: CallContext): TgMessage {
  return send(ctx, () => {
    const { text, entities } = messageText(ctx.params);
    return { text, ...(entities.length > 0 ? { entities } : {}) };
  });
}

/** The file a send names: a fresh upload, or an earlier file_id of the same kind. */
async function fileParam(ctx: CallContext, field: FileKind): Promise<StoredFile> {
  const value = uploadedFile(ctx.params, field);
  if (value === undefined) throw badRequest(`there is no ${field} in the request`);
  if (typeof value === "string") {
    const existing = ctx.state.files.get(value);
    if (!existing) throw badRequest(texts.wrongFileId);
    if (existing.kind !== field) throw badRequest("type of file mismatch");
    return existing;
  }
  const bytes = Buffer.from(await value.arrayBuffer());
  if (bytes.length === 0) throw badRequest("file must be non-empty");
  if (field === "photo" && !imageSize(bytes)) throw badRequest("IMAGE_PROCESS_FAILED");
  return ctx.state.files.put(bytes, field, { fileName: value.name, ...(value.type ? { mimeType: value.type } : {}) });
}

function captionFields(ctx: CallContext): Pick<TgMessage, "caption" | "caption_entities"> {
  const formatted = caption(ctx.params);
  if (!formatted) return {};
  return { caption: formatted.text, ...(formatted.entities.length > 0 ? { caption_entities: formatted.entities } : {}) };
}

/** The message fields describing a stored file, as Telegram presents each kind. */
export function mediaFields(file: StoredFile): Pick<TgMessage, "document" | "photo" | "sticker" | "voice"> {
  const ids = { file_id: file.fileId, file_unique_id: file.fileUniqueId };
  const size = file.bytes.length;
  switch (file.kind) {
    case "photo": {
      const { width, height } = imageSize(file.bytes) ?? { width: 0, height: 0 };
      return { photo: [{ ...ids, width, height, file_size: size }] };
    }
    case "sticker":
      return { sticker: { ...ids, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" } };
    case "voice":
      return { voice: { ...ids, duration: 1, mime_type: file.mimeType ?? "audio/ogg", file_size: size } };
    case "document":
      return {
        document: {
          ...ids,
          ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
          ...(file.mimeType !== undefined ? { mime_type: file.mimeType } : {}),
          file_size: size,
        },
      };
  }
}

export async function sendFile(ctx: CallContext, kind: "document" | "photo"): Promise<TgMessage> {
  // Refuse unreachable chats before storing the upload, as Telegram does not keep it either.
  writableChat(ctx.state, ctx.bot, chatIdParam(ctx.params));
  const file = await fileParam(ctx, kind);
  return send(ctx, () => ({ ...mediaFields(file), ...captionFields(ctx) }));
}

function ownMessage(ctx: CallContext, notFound: string): StoredMessage {
  if (ctx.params["inline_message_id"] !== undefined) throw badRequest("inline messages are not emulated");
  const record = writableChat(ctx.state, ctx.bot, chatIdParam(ctx.params));
  const stored = ctx.state.findMessage(record.chat.id, requiredNumber(ctx.params, "message_id", "message identifier is not specified"));
  if (!stored) throw badRequest(notFound);
  if (stored.botId !== ctx.bot.id) throw badRequest(texts.cantEdit);
  return stored;
}

function applyEdit(ctx: CallContext, stored: StoredMessage, next: TgMessage): TgMessage {
  const same = (m: TgMessage): string => JSON.stringify([m.text, m.entities ?? [], m.reply_markup ?? null]);
  if (same(next) === same(stored.message)) throw badRequest(texts.notModified);
  stored.message = { ...next, edit_date: ctx.state.nowSeconds() };
  ctx.state.touch();
  return stored.message;
}

export function editMessageText(ctx: CallContext): TgMessage {
  const stored = ownMessage(ctx, texts.editNotFound);
  if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const { text, entities } = messageText(ctx.params);
  const markup = replyMarkup(ctx.params);
  const { entities: _old, reply_markup: _oldMarkup, ...rest } = stored.message;
  return applyEdit(ctx, stored, {
    ...rest,
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...(markup !== undefined ? { reply_markup: markup } : {}),
  });
}

export function editMessageReplyMarkup(ctx: CallContext): TgMessage {
  const stored = ownMessage(ctx, texts.editNotFound);
  const markup = replyMarkup(ctx.params);
  const { reply_markup: _old, ...rest } = stored.message;
  // An absent or empty inline keyboard removes the buttons.
  const empty = markup === undefined || ("inline_keyboard" in markup && Array.isArray(markup.inline_keyboard) && markup.inline_keyboard.flat().length === 0);
  return applyEdit(ctx, stored, { ...rest, ...(empty ? {} : { reply_markup: markup }) });
}

/** Bots may delete their own messages and, as Telegram allows, incoming ones. */
export function deleteMessage(ctx: CallContext): true {
  const record = writableChat(ctx.state, ctx.bot, chatIdParam(ctx.params));
  const stored = ctx.state.findMessage(record.chat.id, requiredNumber(ctx.params, "message_id", "message identifier is not specified"));
  if (!stored) throw badRequest(texts.deleteNotFound);
  stored.deleted = true;
  ctx.state.touch();
  return true;
}
