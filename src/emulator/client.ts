// A typed HTTP client for the emulator's test API, for tests and the demo. It talks
// HTTP only, so it works against an emulator in another process too.
import type { FaultRule } from "./faults.js";
import type { Counters, LoggedRequest } from "./journal.js";
import type { FloodLimits } from "./limits.js";
import type { CallbackAnswer } from "./state.js";
import type { MessageView } from "./test-api.js";
import type { MemberStatus, TgChat, TgMessage, TgUser } from "./types.js";

export type { FaultRule } from "./faults.js";
export type { Counters, LoggedRequest } from "./journal.js";
export type { MessageView } from "./test-api.js";

export interface UserInput {
  id?: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  /** Display label on the demo page, e.g. "县管理员 王主任 (admin)". */
  label?: string;
  /** Treat the user as having started every bot, so bots may message them before they write. */
  startedBot?: boolean;
}

export interface GroupInput {
  title: string;
  type?: "group" | "supergroup" | "channel";
  memberIds?: number[];
  creatorId?: number;
  /** Add the (first registered) bot as a member; true by default. */
  withBot?: boolean;
  username?: string;
}

export type ChatView = TgChat & {
  members: Array<{ userId: number; status: MemberStatus }>;
  bots: Array<{ botId: number; status: MemberStatus }>;
  migratedTo?: number;
};

export interface Target {
  chatId?: number;
  botId?: number;
  replyToMessageId?: number;
}

export interface FileInput extends Target {
  caption?: string;
  mimeType?: string;
}

export interface ClockView {
  now: string;
  ms: number;
}

export class EmulatorClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class EmulatorClient {
  private readonly base: string;

  constructor(url: string) {
    this.base = `${url.replace(/\/$/, "")}/__emulator/`;
  }

  private async call<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.base + path, {
      method,
      ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
    const payload = (await response.json()) as unknown;
    if (!response.ok) {
      const message = (payload as { error?: string } | null)?.error ?? response.statusText;
      throw new EmulatorClientError(response.status, `emulator ${method} ${path}: ${message}`);
    }
    return payload as T;
  }

  createUser(user: UserInput): Promise<TgUser> {
    return this.call("POST", "users", user);
  }

  /** Same route as createUser: posting an existing id updates that user. */
  updateUser(user: UserInput & { id: number }): Promise<TgUser> {
    return this.call("POST", "users", user);
  }

  users(): Promise<Array<TgUser & { label?: string; deactivated: boolean; blockedBots: number[] }>> {
    return this.call("GET", "users");
  }

  createGroup(group: GroupInput): Promise<ChatView> {
    return this.call("POST", "groups", group);
  }

  addMember(chatId: number, userId: number): Promise<true> {
    return this.call("POST", `groups/${chatId}/members`, { userId });
  }

  addBotToGroup(chatId: number, byUserId?: number): Promise<true> {
    return this.call("POST", `groups/${chatId}/add-bot`, { byUserId });
  }

  removeBotFromGroup(chatId: number, byUserId?: number): Promise<true> {
    return this.call("POST", `groups/${chatId}/remove-bot`, { byUserId });
  }

  /** Upgrades a basic group to a supergroup; resolves to the new chat id. */
  async upgradeGroup(chatId: number, byUserId?: number): Promise<number> {
    return (await this.call<{ newChatId: number }>("POST", `groups/${chatId}/upgrade`, { byUserId })).newChatId;
  }

  channelPost(chatId: number, text: string): Promise<TgMessage> {
    return this.call("POST", `channels/${chatId}/posts`, { text });
  }

  chats(): Promise<ChatView[]> {
    return this.call("GET", "chats");
  }

  sendText(userId: number, text: string, target: Target = {}): Promise<TgMessage> {
    return this.call("POST", `users/${userId}/messages`, { text, ...target });
  }

  private sendFile(kind: string, userId: number, fileName: string, bytes: Uint8Array, options: FileInput): Promise<TgMessage> {
    return this.call("POST", `users/${userId}/${kind}`, { fileName, base64: Buffer.from(bytes).toString("base64"), ...options });
  }

  sendDocument(userId: number, fileName: string, bytes: Uint8Array, options: FileInput = {}): Promise<TgMessage> {
    return this.sendFile("documents", userId, fileName, bytes, options);
  }

  sendPhoto(userId: number, fileName: string, bytes: Uint8Array, options: FileInput = {}): Promise<TgMessage> {
    return this.sendFile("photos", userId, fileName, bytes, options);
  }

  sendSticker(userId: number, bytes: Uint8Array, options: Target = {}): Promise<TgMessage> {
    return this.sendFile("stickers", userId, "sticker.webp", bytes, options);
  }

  sendVoice(userId: number, bytes: Uint8Array, options: Target = {}): Promise<TgMessage> {
    return this.sendFile("voices", userId, "voice.ogg", bytes, { mimeType: "audio/ogg", ...options });
  }

  editText(userId: number, messageId: number, text: string, target: Target = {}): Promise<TgMessage> {
    return this.call("POST", `users/${userId}/edits`, { messageId, text, ...target });
  }

  pressButton(userId: number, chatId: number, messageId: number, data: string): Promise<{ callbackQueryId: string }> {
    return this.call("POST", `users/${userId}/callbacks`, { chatId, messageId, data });
  }

  callbackAnswer(callbackQueryId: string): Promise<{ id: string; answered: boolean; answer?: CallbackAnswer }> {
    return this.call("GET", `callbacks/${callbackQueryId}`);
  }

  blockBot(userId: number): Promise<true> {
    return this.call("POST", `users/${userId}/block`, {});
  }

  unblockBot(userId: number): Promise<true> {
    return this.call("POST", `users/${userId}/unblock`, {});
  }

  deactivateUser(userId: number): Promise<true> {
    return this.call("POST", `users/${userId}/deactivate`);
  }

  /** A chat's messages as its members see them: edits applied, deletions flagged. */
  messages(chatId: number): Promise<MessageView[]> {
    return this.call("GET", `chats/${chatId}/messages`);
  }

  /** Polls a chat until a message satisfies `predicate`; rejects after `timeoutMs`. */
  async waitForMessage(chatId: number, predicate: (message: MessageView) => boolean, timeoutMs = 5000): Promise<MessageView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.messages(chatId)).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`emulator: no matching message in chat ${chatId} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  requests(options: { since?: number; method?: string } = {}): Promise<LoggedRequest[]> {
    const query = new URLSearchParams();
    if (options.since !== undefined) query.set("since", String(options.since));
    if (options.method !== undefined) query.set("method", options.method);
    return this.call("GET", `requests?${query}`);
  }

  counters(): Promise<Counters> {
    return this.call("GET", "counters");
  }

  async addFault(rule: FaultRule): Promise<number> {
    return (await this.call<{ id: number }>("POST", "faults", rule)).id;
  }

  faults(): Promise<Array<FaultRule & { id: number; hits: number }>> {
    return this.call("GET", "faults");
  }

  clearFaults(): Promise<true> {
    return this.call("DELETE", "faults");
  }

  registerBot(token: string): Promise<TgUser> {
    return this.call("POST", "bots", { token });
  }

  revokeToken(token: string): Promise<boolean> {
    return this.call("POST", "tokens/revoke", { token });
  }

  configure(config: { latencyMs?: number; limits?: Partial<FloodLimits> }): Promise<{ latencyMs: number; limits: FloodLimits }> {
    return this.call("POST", "config", config);
  }

  clock(): Promise<ClockView> {
    return this.call("GET", "clock");
  }

  advanceClock(ms: number): Promise<ClockView> {
    return this.call("POST", "clock/advance", { ms });
  }

  setClock(instant: Date): Promise<ClockView> {
    return this.call("POST", "clock/set", { iso: instant.toISOString() });
  }

  reset(): Promise<true> {
    return this.call("POST", "reset");
  }
}
