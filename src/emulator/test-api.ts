// The test API under /__emulator/: tests, the demo and the web page act as people,
// read what chats received, inspect the request log and counters, inject faults and
// move the simulated clock.
import { z } from "zod";
import { faultRuleSchema } from "./faults.js";
import type { EmulatorCore } from "./core.js";
import type { FileKind } from "./files.js";
import type { ChatRecord, StoredMessage } from "./state.js";
import type { TgMessage } from "./types.js";

export type MessageView = TgMessage & { deleted: boolean };

export class NotFoundError extends Error {}

const id = z.coerce.number().int();
const userSchema = z.object({
  id: id.optional(),
  first_name: z.string().min(1),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
  label: z.string().optional(),
  startedBot: z.boolean().optional(),
});
const targetSchema = z.object({ chatId: id.optional(), botId: id.optional(), replyToMessageId: id.optional() });
const textSchema = targetSchema.extend({ text: z.string() });
const fileSchema = targetSchema.extend({
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
  caption: z.string().optional(),
  base64: z.string(),
});
const groupSchema = z.object({
  title: z.string().min(1),
  type: z.enum(["group", "supergroup", "channel"]).default("group"),
  memberIds: z.array(id).default([]),
  creatorId: id.optional(),
  withBot: z.boolean().default(true),
  username: z.string().optional(),
});
const botSchema = z.object({ byUserId: id.optional(), botId: id.optional() });

const FILE_ROUTES: Readonly<Record<string, FileKind>> = { documents: "document", photos: "photo", stickers: "sticker", voices: "voice" };

const messageView = (stored: StoredMessage): MessageView => ({ ...stored.message, deleted: stored.deleted });

function chatView(record: ChatRecord): Record<string, unknown> {
  return {
    ...record.chat,
    members: [...record.members].map(([userId, status]) => ({ userId, status })),
    bots: [...record.bots].map(([botId, status]) => ({ botId, status })),
    ...(record.migratedTo !== undefined ? { migratedTo: record.migratedTo } : {}),
  };
}

type Route = (core: EmulatorCore, match: string[], body: unknown, query: URLSearchParams) => unknown;

const routes: Array<[string, RegExp, Route]> = [
  ["GET", /^users$/, (core) => [...core.state.users.values()].map((u) => ({ ...u.user, label: u.label, deactivated: u.deactivated, blockedBots: [...u.blocked] }))],
  ["POST", /^users$/, (core, _m, body) => core.state.upsertUser(userSchema.parse(body)).user],
  ["POST", /^users\/(-?\d+)\/messages$/, (core, [userId], body) => {
    const { text, ...target } = textSchema.parse(body);
    return core.actions.sendText(Number(userId), text, target);
  }],
  ["POST", /^users\/(-?\d+)\/(documents|photos|stickers|voices)$/, (core, [userId, kind], body) => {
    const { base64, fileName, mimeType, caption, ...target } = fileSchema.parse(body);
    const fileKind = FILE_ROUTES[kind ?? ""];
    if (fileKind === undefined) throw new NotFoundError(`no upload route for ${kind}`);
    const meta = { ...(fileName !== undefined ? { fileName } : {}), ...(mimeType !== undefined ? { mimeType } : {}), ...(caption !== undefined ? { caption } : {}) };
    return core.actions.sendFile(Number(userId), fileKind, Buffer.from(base64, "base64"), meta, target);
  }],
  ["POST", /^users\/(-?\d+)\/edits$/, (core, [userId], body) => {
    const { text, messageId, ...target } = textSchema.extend({ messageId: id }).parse(body);
    return core.actions.editText(Number(userId), messageId, text, target);
  }],
  ["POST", /^users\/(-?\d+)\/callbacks$/, (core, [userId], body) => {
    const { chatId, messageId, data } = z.object({ chatId: id.optional(), messageId: id, data: z.string() }).parse(body);
    return { callbackQueryId: core.actions.pressButton(Number(userId), chatId ?? Number(userId), messageId, data) };
  }],
  ["POST", /^users\/(-?\d+)\/(block|unblock)$/, (core, [userId, action], body) => {
    core.actions.setBlocked(Number(userId), action === "block", botSchema.parse(body ?? {}).botId);
    return true;
  }],
  ["POST", /^users\/(-?\d+)\/deactivate$/, (core, [userId]) => {
    core.actions.deactivate(Number(userId));
    return true;
  }],
  ["GET", /^callbacks\/(\d+)$/, (core, [queryId]) => {
    const record = core.state.callbacks.get(queryId ?? "");
    if (!record) throw new NotFoundError(`no callback query ${queryId}`);
    return { id: queryId, answered: record.answer !== undefined, ...(record.answer ? { answer: record.answer } : {}) };
  }],
  ["GET", /^chats$/, (core) => [...core.state.chats.values()].map(chatView)],
  ["GET", /^chats\/(-?\d+)\/messages$/, (core, [chatId]) => core.state.chat(Number(chatId)).messages.map(messageView)],
  ["POST", /^groups$/, (core, _m, body) => chatView(core.actions.createGroup(groupSchema.parse(body)))],
  ["POST", /^groups\/(-?\d+)\/members$/, (core, [chatId], body) => {
    core.actions.addMember(Number(chatId), z.object({ userId: id }).parse(body).userId);
    return true;
  }],
  ["POST", /^groups\/(-?\d+)\/(add-bot|remove-bot)$/, (core, [chatId, action], body) => {
    const { byUserId, botId } = botSchema.parse(body ?? {});
    core.actions.setBotMembership(Number(chatId), action === "add-bot", byUserId, botId);
    return true;
  }],
  ["POST", /^groups\/(-?\d+)\/upgrade$/, (core, [chatId], body) => ({
    newChatId: core.actions.upgradeGroup(Number(chatId), botSchema.parse(body ?? {}).byUserId),
  })],
  ["POST", /^channels\/(-?\d+)\/posts$/, (core, [chatId], body) => core.actions.channelPost(Number(chatId), z.object({ text: z.string().min(1) }).parse(body).text)],
  ["POST", /^bots$/, (core, _m, body) => {
    const bot = core.state.botForToken(z.object({ token: z.string() }).parse(body).token);
    if (!bot) throw new Error("malformed or revoked token");
    return bot.user;
  }],
  ["POST", /^tokens\/revoke$/, (core, _m, body) => core.state.revoke(z.object({ token: z.string() }).parse(body).token)],
  ["GET", /^requests$/, (core, _m, _b, query) => core.journal.list(Number(query.get("since") ?? 0), query.get("method") ?? undefined)],
  ["GET", /^counters$/, (core) => core.journal.counters],
  ["GET", /^faults$/, (core) => core.faults.list()],
  ["POST", /^faults$/, (core, _m, body) => ({ id: core.faults.add(faultRuleSchema.parse(body)) })],
  ["DELETE", /^faults$/, (core) => {
    core.faults.clear();
    return true;
  }],
  ["POST", /^config$/, (core, _m, body) => {
    const { latencyMs, limits } = z.object({
      latencyMs: z.number().nonnegative().optional(),
      limits: z.object({
        perTokenPerSecond: z.number().positive(),
        privateBurst: z.number().positive(),
        privatePerSecond: z.number().positive(),
        groupPerWindow: z.number().positive(),
        groupWindowMs: z.number().positive(),
      }).partial().optional(),
    }).parse(body);
    if (latencyMs !== undefined) core.latencyMs = latencyMs;
    if (limits) core.flood.limits = { ...core.flood.limits, ...limits };
    return { latencyMs: core.latencyMs, limits: core.flood.limits };
  }],
  ["POST", /^reset$/, (core) => {
    core.reset();
    return true;
  }],
  ["GET", /^clock$/, (core) => core.clockView()],
  ["POST", /^clock\/advance$/, (core, _m, body) => core.moveClock({ advanceMs: z.object({ ms: z.number() }).parse(body).ms })],
  ["POST", /^clock\/set$/, (core, _m, body) => core.moveClock({ to: new Date(z.object({ iso: z.iso.datetime({ offset: true }) }).parse(body).iso) })],
  ["GET", /^side-panes$/, (core) => core.sidePanes()],
  ["GET", /^snapshot$/, (core, _m, _b, query) => {
    const since = Number(query.get("since") ?? -1);
    const base = { version: core.state.version, ...core.clockView() };
    if (since === core.state.version) return { ...base, unchanged: true };
    const bots = [...core.state.bots.values()].map((b) => b.user);
    const users = [...core.state.users.values()].map((u) => ({ ...u.user, label: u.label, deactivated: u.deactivated, blocked: u.blocked.size > 0 }));
    const chats = [...core.state.chats.values()].map((c) => ({ ...chatView(c), messages: c.messages.map(messageView) }));
    return { ...base, bots, users, chats };
  }],
];

/** Runs the test-API route for `method path`; null when no route matches. */
export function findRoute(method: string, path: string): ((core: EmulatorCore, body: unknown, query: URLSearchParams) => unknown) | null {
  for (const [verb, pattern, route] of routes) {
    const match = verb === method ? pattern.exec(path) : null;
    if (match) return (core, body, query) => route(core, match.slice(1), body, query);
  }
  return null;
}
