// The Bot API method table: each method's handler, by name, as Telegram routes them
// (case-insensitively).
import { existingChat, writableChat } from "./access.js";
import { type CallContext, deleteMessage, editMessageReplyMarkup, editMessageText, sendFile, sendMessage } from "./bot-send.js";
import { BotApiError, badRequest, texts } from "./errors.js";
import { MAX_DOWNLOAD_BYTES } from "./files.js";
import { chatIdParam, optionalBoolean, optionalJson, optionalNumber, optionalString, requiredNumber } from "./params.js";
import type { TgChatMember, TgUpdate } from "./types.js";

export type { CallContext } from "./bot-send.js";

type Handler = (ctx: CallContext) => unknown;

/** Telegram waits this long for a callback answer before the query goes stale. */
const CALLBACK_TIMEOUT_MS = 15_000;

function getUpdates(ctx: CallContext): Promise<TgUpdate[]> {
  const allowed = optionalJson(ctx.params, "allowed_updates");
  ctx.bot.updates.setAllowed(Array.isArray(allowed) ? allowed.map(String) : undefined);
  const limit = Math.min(100, Math.max(1, optionalNumber(ctx.params, "limit") ?? 100));
  return ctx.bot.updates.getUpdates(optionalNumber(ctx.params, "offset") ?? 0, limit, optionalNumber(ctx.params, "timeout") ?? 0);
}

function setWebhook(ctx: CallContext): true {
  const url = optionalString(ctx.params, "url") ?? "";
  const secretToken = optionalString(ctx.params, "secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  if (url !== "" && !/^https?:\/\//.test(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  const allowed = optionalJson(ctx.params, "allowed_updates");
  ctx.bot.updates.setAllowed(Array.isArray(allowed) ? allowed.map(String) : undefined);
  if (optionalBoolean(ctx.params, "drop_pending_updates")) ctx.bot.updates.dropPending();
  ctx.bot.updates.setWebhook(url === "" ? null : { url, ...(secretToken !== undefined ? { secretToken } : {}) });
  return true;
}

function deleteWebhook(ctx: CallContext): true {
  if (optionalBoolean(ctx.params, "drop_pending_updates")) ctx.bot.updates.dropPending();
  ctx.bot.updates.setWebhook(null);
  return true;
}

function getWebhookInfo(ctx: CallContext): Record<string, unknown> {
  const { webhook, pendingCount } = ctx.bot.updates;
  return {
    url: webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: pendingCount,
    ...(webhook?.lastErrorDate !== undefined ? { last_error_date: webhook.lastErrorDate, last_error_message: webhook.lastErrorMessage } : {}),
  };
}

function answerCallbackQuery(ctx: CallContext): true {
  const id = optionalString(ctx.params, "callback_query_id") ?? "";
  const record = ctx.state.callbacks.get(id);
  const late = record !== undefined && ctx.state.clock.now().getTime() - record.pressedAtMs > CALLBACK_TIMEOUT_MS;
  if (!record || record.botId !== ctx.bot.id || record.answer || late) throw badRequest(texts.queryTooOld);
  const text = optionalString(ctx.params, "text");
  if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
  const url = optionalString(ctx.params, "url");
  const cacheTime = optionalNumber(ctx.params, "cache_time");
  record.answer = {
    ...(text !== undefined ? { text } : {}),
    show_alert: optionalBoolean(ctx.params, "show_alert"),
    ...(url !== undefined ? { url } : {}),
    ...(cacheTime !== undefined ? { cache_time: cacheTime } : {}),
  };
  ctx.state.touch();
  return true;
}

function getFile(ctx: CallContext): Record<string, unknown> {
  const file = ctx.state.files.get(optionalString(ctx.params, "file_id") ?? "");
  if (!file) throw badRequest("invalid file_id");
  if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest(texts.fileTooBig);
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath };
}

function setMyCommands(ctx: CallContext): true {
  const commands = optionalJson(ctx.params, "commands");
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("too many commands specified");
  ctx.bot.commands = commands;
  return true;
}

function sendChatAction(ctx: CallContext): true {
  writableChat(ctx.state, ctx.bot, chatIdParam(ctx.params));
  if (optionalString(ctx.params, "action") === undefined) throw badRequest("action is empty");
  return true;
}

function getChat(ctx: CallContext): Record<string, unknown> {
  const record = existingChat(ctx.state, chatIdParam(ctx.params));
  return { ...record.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
}

function getChatMember(ctx: CallContext): TgChatMember {
  const record = existingChat(ctx.state, chatIdParam(ctx.params));
  const userId = requiredNumber(ctx.params, "user_id", "user_id is empty");
  if (userId === ctx.bot.id) {
    const status = record.chat.type === "private" ? "member" : (record.bots.get(ctx.bot.id) ?? "left");
    return { status, user: ctx.bot.user };
  }
  const person = ctx.state.users.get(userId);
  if (!person) throw badRequest(texts.userNotFound);
  if (record.chat.type === "private") {
    if (record.chat.id !== userId) throw badRequest(texts.userNotFound);
    return { status: "member", user: person.user };
  }
  return { status: record.members.get(userId) ?? "left", user: person.user };
}

const methods: Readonly<Record<string, Handler>> = {
  getme: (ctx) => ({ ...ctx.bot.user, can_join_groups: true, can_read_all_group_messages: !ctx.state.privacyMode, supports_inline_queries: false }),
  getupdates: getUpdates,
  setwebhook: setWebhook,
  deletewebhook: deleteWebhook,
  getwebhookinfo: getWebhookInfo,
  sendmessage: sendMessage,
  senddocument: (ctx) => sendFile(ctx, "document"),
  sendphoto: (ctx) => sendFile(ctx, "photo"),
  editmessagetext: editMessageText,
  editmessagereplymarkup: editMessageReplyMarkup,
  deletemessage: deleteMessage,
  answercallbackquery: answerCallbackQuery,
  getfile: getFile,
  setmycommands: setMyCommands,
  getmycommands: (ctx) => ctx.bot.commands,
  deletemycommands: (ctx) => {
    ctx.bot.commands = [];
    return true;
  },
  sendchataction: sendChatAction,
  getchat: getChat,
  getchatmember: getChatMember,
};

/** Runs one Bot API method; unknown methods get Telegram's 404. */
export async function callMethod(method: string, ctx: CallContext): Promise<unknown> {
  const handler = methods[method.toLowerCase()];
  if (!handler) throw new BotApiError(404, "Not Found");
  return handler(ctx);
}

/** Methods that deliver a message and count against flood limits. */
export const SEND_METHODS: ReadonlySet<string> = new Set(["sendmessage", "senddocument", "sendphoto"]);
