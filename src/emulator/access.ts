// Who a bot may reach: the 400/403 answers Telegram gives before anything is sent.
import { badRequest, forbidden, migrated, texts } from "./errors.js";
import type { BotRecord, ChatRecord, EmulatorState } from "./state.js";

/** The chat a chat_id names, as any method sees it: unknown → 400, upgraded group → 400 with the new id. */
export function existingChat(state: EmulatorState, chatId: number | string): ChatRecord {
  const record = typeof chatId === "number" ? state.chats.get(chatId) : state.chatByUsername(chatId.replace(/^@/, ""));
  if (!record) throw badRequest(texts.chatNotFound);
  if (record.migratedTo !== undefined) throw migrated(record.migratedTo);
  return record;
}

/** The chat, if `bot` may post in it now; otherwise Telegram's refusal. */
export function writableChat(state: EmulatorState, bot: BotRecord, chatId: number | string): ChatRecord {
  const record = existingChat(state, chatId);
  if (record.chat.type === "private") {
    const person = state.users.get(record.chat.id);
    if (!person) throw badRequest(texts.chatNotFound);
    if (person.deactivated) throw forbidden(texts.deactivated);
    if (person.blocked.has(bot.id)) throw forbidden(texts.blocked);
    if (!person.startedAll && !person.started.has(bot.id)) throw forbidden(texts.cantInitiate);
    return record;
  }
  const status = record.bots.get(bot.id);
  const kind = record.chat.type === "channel" ? "channel chat" : `${record.chat.type} chat`;
  if (status === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
  if (status !== "member" && status !== "administrator" && status !== "creator") {
    throw forbidden(`bot is not a member of the ${kind}`);
  }
  return record;
}
