// Bot API failures with Telegram's own wording: clients (and Duban's dispatcher)
// classify errors by these exact texts, so they must not drift.

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class BotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

export const badRequest = (text: string): BotApiError => new BotApiError(400, `Bad Request: ${text}`);
export const forbidden = (text: string): BotApiError => new BotApiError(403, `Forbidden: ${text}`);

export const unauthorized = (): BotApiError => new BotApiError(401, "Unauthorized");

export const tooManyRequests = (retryAfter: number): BotApiError =>
  new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

export const migrated = (newChatId: number): BotApiError =>
  new BotApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
    migrate_to_chat_id: newChatId,
  });

export const pollingConflict = (): BotApiError =>
  new BotApiError(
    409,
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  );

export const webhookConflict = (): BotApiError =>
  new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

export const texts = {
  chatNotFound: "chat not found",
  messageTooLong: "message is too long",
  captionTooLong: "message caption is too long",
  textEmpty: "message text is empty",
  buttonDataInvalid: "BUTTON_DATA_INVALID",
  markupTooLong: "reply markup is too long",
  notModified:
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  editNotFound: "message to edit not found",
  deleteNotFound: "message to delete not found",
  cantEdit: "message can't be edited",
  queryTooOld: "query is too old and response timeout expired or query ID is invalid",
  fileTooBig: "file is too big",
  wrongFileId: "wrong file identifier/HTTP URL specified",
  userNotFound: "user not found",
  blocked: "bot was blocked by the user",
  deactivated: "user is deactivated",
  cantInitiate: "bot can't initiate conversation with a user",
} as const;
