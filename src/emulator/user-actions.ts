// What simulated people do: write to the bot, upload files, press buttons, block the
// bot, manage groups. Each action stores what Telegram would store and emits the
// updates Telegram would send to the bots concerned. Refusals are plain Errors: the
// test API answers them with 400 and their message.
import { randomBytes } from "node:crypto";
import { callbackDataOf } from "./content.js";
import { mediaFields, replyCopy } from "./bot-send.js";
import type { FileKind } from "./files.js";
import type { BotRecord, ChatRecord, EmulatorState } from "./state.js";
import type { MemberStatus, MessageEntity, TgChatMemberUpdated, TgMessage, TgUser } from "./types.js";

export interface Target {
  /** The chat to act in; the user's private chat with the bot when absent. */
  chatId?: number;
  /** The bot a private chat is with; the first registered bot when absent. */
  botId?: number;
  replyToMessageId?: number;
}

/** bot_command entities, which grammY's command filters rely on. */
function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/(?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/g)].map((m) => ({
    type: "bot_command",
    offset: m.index,
    length: m[0].length,
  }));
}

/**
 * Whether a bot in privacy mode hears a group message: commands (for it or for no one
 * in particular), replies to its own messages and mentions of it. Admins hear everything.
 */
function hears(bot: BotRecord, record: ChatRecord, message: TgMessage, privacyMode: boolean): boolean {
  const status = record.bots.get(bot.id);
  if (!privacyMode || status === "administrator" || status === "creator") return true;
  if (message.reply_to_message?.from?.id === bot.id) return true;
  const text = message.text ?? message.caption ?? "";
  const username = bot.user.username ?? "";
  const command = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (command) {
    const target = text.slice(0, command.length).split("@")[1];
    if (target === undefined || target.toLowerCase() === username.toLowerCase()) return true;
  }
  return username !== "" && text.toLowerCase().includes(`@${username.toLowerCase()}`);
}

const active = (status: MemberStatus | undefined): boolean => status === "creator" || status === "administrator" || status === "member";

export class UserActions {
  constructor(private readonly state: EmulatorState) {}

  /** The chat a user speaks in and the bots that will hear it. */
  private resolve(userId: number, target: Target): { record: ChatRecord; bots: BotRecord[]; user: TgUser } {
    const person = this.state.users.get(userId);
    if (!person) throw new Error(`user ${userId} does not exist`);
    if (person.deactivated) throw new Error(`user ${userId} is deactivated`);
    if (target.chatId === undefined || target.chatId === userId) {
      const bot = this.state.defaultBot(target.botId);
      if (person.blocked.has(bot.id)) throw new Error(`user ${userId} has blocked the bot: unblock it first`);
      person.started.add(bot.id);
      return { record: this.state.privateChat(userId), bots: [bot], user: person.user };
    }
    const record = this.state.chats.get(target.chatId);
    if (!record) throw new Error(`chat ${target.chatId} does not exist`);
    if (record.migratedTo !== undefined) throw new Error(`chat ${target.chatId} was upgraded to ${record.migratedTo}`);
    if (record.chat.type === "channel") throw new Error(`chat ${target.chatId} is a channel: use channel posts`);
    if (!active(record.members.get(userId))) throw new Error(`user ${userId} is not a member of chat ${target.chatId}`);
    return { record, bots: this.state.botsIn(record), user: person.user };
  }

  private post(userId: number, target: Target, content: Omit<TgMessage, "message_id" | "date" | "chat" | "from">): TgMessage {
    const { record, bots, user } = this.resolve(userId, target);
    let reply: TgMessage | undefined;
    if (target.replyToMessageId !== undefined) {
      const stored = this.state.findMessage(record.chat.id, target.replyToMessageId);
      if (!stored) throw new Error(`message ${target.replyToMessageId} does not exist in chat ${record.chat.id}`);
      reply = replyCopy(stored.message);
    }
    const message = this.state.addMessage(record, { from: user, ...content, ...(reply ? { reply_to_message: reply } : {}) });
    const hearing = record.chat.type === "private" ? bots : bots.filter((bot) => hears(bot, record, message, this.state.privacyMode));
    this.state.deliver(hearing, { message });
    return message;
  }

  sendText(userId: number, text: string, target: Target = {}): TgMessage {
    if (text.trim() === "") throw new Error("text is empty");
    const entities = commandEntities(text);
    return this.post(userId, target, { text, ...(entities.length > 0 ? { entities } : {}) });
  }

  sendFile(userId: number, kind: FileKind, bytes: Buffer, meta: { fileName?: string; mimeType?: string; caption?: string }, target: Target = {}): TgMessage {
    if (bytes.length === 0) throw new Error("file is empty");
    const file = this.state.files.put(bytes, kind, meta);
    return this.post(userId, target, { ...mediaFields(file), ...(meta.caption ? { caption: meta.caption } : {}) });
  }

  editText(userId: number, messageId: number, text: string, target: Target = {}): TgMessage {
    const { record, bots } = this.resolve(userId, target);
    const stored = this.state.findMessage(record.chat.id, messageId);
    if (!stored || stored.message.from?.id !== userId || stored.message.text === undefined) {
      throw new Error(`user ${userId} has no text message ${messageId} in chat ${record.chat.id}`);
    }
    const entities = commandEntities(text);
    const { entities: _old, ...rest } = stored.message;
    stored.message = { ...rest, text, ...(entities.length > 0 ? { entities } : {}), edit_date: this.state.nowSeconds() };
    this.state.touch();
    this.state.deliver(bots, { edited_message: stored.message });
    return stored.message;
  }

  /** Presses an inline button; returns the callback query id the bot must answer. */
  pressButton(userId: number, chatId: number, messageId: number, data: string): string {
    const { user } = this.resolve(userId, { chatId });
    const stored = this.state.findMessage(chatId, messageId);
    if (!stored) throw new Error(`message ${messageId} does not exist in chat ${chatId}`);
    if (!callbackDataOf(stored.message.reply_markup).includes(data)) {
      throw new Error(`message ${messageId} has no button with callback_data ${JSON.stringify(data)}`);
    }
    const bot = stored.botId !== undefined ? this.state.bots.get(stored.botId) : undefined;
    if (!bot) throw new Error(`message ${messageId} was not sent by a bot`);
    const id = BigInt(`0x${randomBytes(8).toString("hex")}`).toString();
    const query = { id, from: user, message: stored.message, chat_instance: String(BigInt(chatId) * 7919n), data };
    this.state.callbacks.set(id, { query, botId: bot.id, pressedAtMs: this.state.clock.now().getTime() });
    this.state.deliver([bot], { callback_query: query });
    return id;
  }

  private memberUpdate(record: ChatRecord, from: TgUser, member: TgUser, before: MemberStatus, after: MemberStatus): TgChatMemberUpdated {
    return {
      chat: record.chat,
      from,
      date: this.state.nowSeconds(),
      old_chat_member: { status: before, user: member },
      new_chat_member: { status: after, user: member, ...(after === "kicked" ? { until_date: 0 } : {}) },
    };
  }

  setBlocked(userId: number, blocked: boolean, botId?: number): void {
    const person = this.state.user(userId);
    const bot = this.state.defaultBot(botId);
    if (person.blocked.has(bot.id) === blocked) return;
    if (blocked) person.blocked.add(bot.id);
    else person.blocked.delete(bot.id);
    const update = this.memberUpdate(this.state.privateChat(userId), person.user, bot.user, blocked ? "member" : "kicked", blocked ? "kicked" : "member");
    this.state.touch();
    this.state.deliver([bot], { my_chat_member: update });
  }

  deactivate(userId: number): void {
    this.state.user(userId).deactivated = true;
    this.state.touch();
  }

  createGroup(input: { title: string; type: "group" | "supergroup" | "channel"; memberIds: number[]; creatorId?: number; withBot: boolean; username?: string }): ChatRecord {
    const record = this.state.createGroup(input.title, input.type, input.username);
    const creatorId = input.creatorId ?? input.memberIds[0];
    for (const id of input.memberIds) record.members.set(this.state.user(id).user.id, id === creatorId ? "creator" : "member");
    if (creatorId !== undefined) {
      record.members.set(creatorId, "creator");
      if (input.type !== "channel") this.state.addMessage(record, { from: this.state.user(creatorId).user, group_chat_created: true });
    }
    if (input.withBot) this.setBotMembership(record.chat.id, true, creatorId);
    return record;
  }

  addMember(chatId: number, userId: number): void {
    const record = this.state.chat(chatId);
    const { user } = this.state.user(userId);
    if (active(record.members.get(userId))) return;
    record.members.set(userId, "member");
    if (record.chat.type === "channel") return this.state.touch();
    const message = this.state.addMessage(record, { from: user, new_chat_members: [user] });
    this.state.deliver(this.state.botsIn(record), { message });
    for (const bot of this.state.botsIn(record)) bot.updates.push({ chat_member: this.memberUpdate(record, user, user, "left", "member") });
  }

  /** Adds the bot to a group (or removes it, as a kick) on behalf of `byUserId`. */
  setBotMembership(chatId: number, present: boolean, byUserId?: number, botId?: number): void {
    const record = this.state.chat(chatId);
    const bot = this.state.defaultBot(botId);
    const before = record.bots.get(bot.id) ?? "left";
    if (active(before) === present) return;
    const actorId = byUserId ?? [...record.members.keys()][0];
    const actor = actorId !== undefined ? this.state.user(actorId).user : bot.user;
    const after: MemberStatus = present ? (record.chat.type === "channel" ? "administrator" : "member") : "kicked";
    record.bots.set(bot.id, after);
    this.state.touch();
    bot.updates.push({ my_chat_member: this.memberUpdate(record, actor, bot.user, before, after) });
    if (present && record.chat.type !== "channel") {
      const message = this.state.addMessage(record, { from: actor, new_chat_members: [bot.user] });
      this.state.deliver(this.state.botsIn(record), { message });
    }
  }

  /** Upgrades a basic group to a supergroup; returns the new chat id. */
  upgradeGroup(chatId: number, byUserId?: number): number {
    const old = this.state.chat(chatId);
    if (old.chat.type !== "group" || old.migratedTo !== undefined) throw new Error(`chat ${chatId} is not a basic group`);
    const actorId = byUserId ?? [...old.members.keys()][0];
    if (actorId === undefined) throw new Error(`chat ${chatId} has no members to upgrade it`);
    const actor = this.state.user(actorId).user;
    const next = this.state.createGroup(old.chat.title ?? "", "supergroup");
    old.members.forEach((status, id) => next.members.set(id, status));
    old.bots.forEach((status, id) => next.bots.set(id, status));
    const bots = this.state.botsIn(old);
    const toMessage = this.state.addMessage(old, { from: actor, migrate_to_chat_id: next.chat.id });
    old.migratedTo = next.chat.id;
    const fromMessage = this.state.addMessage(next, { from: actor, migrate_from_chat_id: old.chat.id });
    this.state.deliver(bots, { message: toMessage });
    this.state.deliver(bots, { message: fromMessage });
    return next.chat.id;
  }

  channelPost(chatId: number, text: string): TgMessage {
    const record = this.state.chat(chatId);
    if (record.chat.type !== "channel") throw new Error(`chat ${chatId} is not a channel`);
    const message = this.state.addMessage(record, { sender_chat: record.chat, text });
    this.state.deliver(this.state.botsIn(record), { channel_post: message });
    return message;
  }
}
