// Everything the emulated Telegram knows, in memory: bots, people, chats and their
// messages. Mutations bump `version` so the web page can poll cheaply.
import type { AdjustableClock } from "../clock.js";
import { FileStore } from "./files.js";
import { UpdateQueue } from "./updates.js";
import type { MemberStatus, TgCallbackQuery, TgChat, TgMessage, TgUser, UpdatePayload } from "./types.js";

export interface BotRecord {
  id: number;
  token: string;
  user: TgUser;
  revoked: boolean;
  commands: unknown[];
  updates: UpdateQueue;
}

export interface UserRecord {
  user: TgUser;
  /** Display label for the demo page, e.g. "县管理员 王主任 (admin)". */
  label?: string;
  deactivated: boolean;
  /** Bots this user has blocked. */
  blocked: Set<number>;
  /** Bots this user has ever written to: only those may message them. */
  started: Set<number>;
  /** Set by tests that want the user to count as having started every bot. */
  startedAll: boolean;
}

export interface StoredMessage {
  message: TgMessage;
  deleted: boolean;
  /** The bot that sent it, when a bot did. */
  botId?: number;
}

export interface ChatRecord {
  chat: TgChat;
  /** Status of each person in a group; empty for private chats. */
  members: Map<number, MemberStatus>;
  /** Status of each bot in a group or channel. */
  bots: Map<number, MemberStatus>;
  migratedTo?: number;
  messages: StoredMessage[];
  nextMessageId: number;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface CallbackRecord {
  query: TgCallbackQuery;
  botId: number;
  /** Simulated time of the press: answers come too late after the callback timeout. */
  pressedAtMs: number;
  answer?: CallbackAnswer;
}

export interface StateOptions {
  clock: AdjustableClock;
  botUsername: string;
  botFirstName: string;
  webhookRetryMs: number;
  webhookTimeoutMs: number;
  /** Telegram's group privacy mode (on by default): bots hear only commands, replies and mentions. */
  privacyMode: boolean;
}

function privateChatNames(user: TgUser): Pick<TgChat, "first_name" | "last_name" | "username"> {
  return {
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
  };
}

function mustGet<T>(map: ReadonlyMap<number, T>, id: number, what: string): T {
  const record = map.get(id);
  if (record === undefined) throw new Error(`${what} ${id} does not exist`);
  return record;
}

const TOKEN_PATTERN = /^(\d{1,20}):[A-Za-z0-9_-]{30,}$/;

export class EmulatorState {
  readonly bots = new Map<number, BotRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly chats = new Map<number, ChatRecord>();
  readonly files = new FileStore();
  readonly callbacks = new Map<string, CallbackRecord>();
  version = 0;
  private primaryBotId: number | null = null;
  private nextUserId = 100_000_001;
  private nextGroupId = 4_000_000_001;
  private nextUpdateId = 1;

  constructor(private readonly options: StateOptions) {}

  get privacyMode(): boolean {
    return this.options.privacyMode;
  }

  get clock(): AdjustableClock {
    return this.options.clock;
  }

  /** Seconds since the epoch on the simulated clock, as Telegram dates are. */
  nowSeconds(): number {
    return Math.floor(this.options.clock.now().getTime() / 1000);
  }

  touch(): void {
    this.version++;
  }

  /** The bot for a token, registering it on first sight; null for malformed or revoked tokens. */
  botForToken(token: string): BotRecord | null {
    const digits = TOKEN_PATTERN.exec(token)?.[1];
    if (digits === undefined) return null;
    const id = Number(digits);
    const existing = this.bots.get(id);
    if (existing) return existing.token === token && !existing.revoked ? existing : null;
    const bot: BotRecord = {
      id,
      token,
      user: { id, is_bot: true, first_name: this.options.botFirstName, username: this.options.botUsername },
      revoked: false,
      commands: [],
      updates: new UpdateQueue({
        retryMs: this.options.webhookRetryMs,
        timeoutMs: this.options.webhookTimeoutMs,
        nowSeconds: () => this.nowSeconds(),
        nextUpdateId: () => this.nextUpdateId++,
      }),
    };
    this.bots.set(id, bot);
    this.primaryBotId ??= id;
    return bot;
  }

  /** The bot simulated users talk to when a test does not name one: the first registered. */
  defaultBot(botId?: number): BotRecord {
    const bot = this.bots.get(botId ?? this.primaryBotId ?? Number.NaN);
    if (!bot) throw new Error("no bot is registered: pass a token to the emulator or let the bot call getMe first");
    return bot;
  }

  revoke(token: string): boolean {
    const bot = [...this.bots.values()].find((b) => b.token === token);
    if (!bot) return false;
    bot.revoked = true;
    bot.updates.close();
    return true;
  }

  upsertUser(fields: Partial<Omit<TgUser, "is_bot">> & { first_name: string; label?: string; startedBot?: boolean }): UserRecord {
    const id = fields.id ?? this.nextUserId++;
    const record = this.users.get(id) ?? {
      user: { id, is_bot: false, first_name: fields.first_name },
      deactivated: false,
      blocked: new Set<number>(),
      started: new Set<number>(),
      startedAll: false,
    };
    const { label, startedBot, ...user } = fields;
    record.user = { ...record.user, ...user, id, is_bot: false };
    if (label !== undefined) record.label = label;
    if (startedBot !== undefined) record.startedAll = startedBot;
    this.users.set(id, record);
    // Telegram shows a private chat under the person's current name.
    Object.assign(this.privateChat(id).chat, privateChatNames(record.user));
    this.touch();
    return record;
  }

  user(id: number): UserRecord {
    return mustGet(this.users, id, "user");
  }

  /** The private chat between user `userId` and the bots, created on demand. */
  privateChat(userId: number): ChatRecord {
    const existing = this.chats.get(userId);
    if (existing) return existing;
    return this.addChat({ id: userId, type: "private", ...privateChatNames(this.user(userId).user) });
  }

  createGroup(title: string, type: "group" | "supergroup" | "channel", username?: string): ChatRecord {
    const serial = this.nextGroupId++;
    // Telegram's ids: basic groups are small negatives, supergroups and channels −100…
    const id = type === "group" ? -serial : -(1_000_000_000_000 + serial);
    return this.addChat({ id, type, title, ...(username !== undefined ? { username } : {}) });
  }

  addChat(chat: TgChat): ChatRecord {
    const record: ChatRecord = { chat, members: new Map(), bots: new Map(), messages: [], nextMessageId: 1 };
    this.chats.set(chat.id, record);
    this.touch();
    return record;
  }

  chat(id: number): ChatRecord {
    return mustGet(this.chats, id, "chat");
  }

  chatByUsername(username: string): ChatRecord | undefined {
    return [...this.chats.values()].find((c) => c.chat.type !== "private" && c.chat.username === username);
  }

  /** Stores a new message in a chat, stamped with the simulated time. */
  addMessage(record: ChatRecord, content: Omit<TgMessage, "message_id" | "date" | "chat">, botId?: number): TgMessage {
    const message: TgMessage = { message_id: record.nextMessageId++, date: this.nowSeconds(), chat: record.chat, ...content };
    record.messages.push({ message, deleted: false, ...(botId !== undefined ? { botId } : {}) });
    this.touch();
    return message;
  }

  findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.find((m) => m.message.message_id === messageId && !m.deleted);
  }

  /** Bots that receive updates from a chat: members of groups, every bot for a private chat. */
  botsIn(record: ChatRecord): BotRecord[] {
    return [...this.bots.values()].filter((bot) => {
      const status = record.bots.get(bot.id);
      return status === "member" || status === "administrator" || status === "creator";
    });
  }

  deliver(bots: readonly BotRecord[], payload: UpdatePayload): void {
    for (const bot of bots) bot.updates.push(payload);
  }

  /** Forgets all people, chats, files and bots; the clock is the host's and stays. */
  reset(): void {
    for (const bot of this.bots.values()) bot.updates.close();
    this.bots.clear();
    this.users.clear();
    this.chats.clear();
    this.files.clear();
    this.callbacks.clear();
    this.primaryBotId = null;
    this.touch();
  }
}
