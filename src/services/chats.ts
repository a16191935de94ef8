// The chats Duban writes to and whether it still can: a group that removed the bot or a
// person who blocked it is marked inactive (F7) and reported in the county's next digest;
// a group upgraded to a supergroup keeps its record under the new id (F8).
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { audit } from "./audit.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ChatFacts {
  telegramChatId: number;
  type: string;
  title?: string;
  /** The person of a private chat. */
  personId?: number | null;
}

/** Records a chat on first contact; a chat that writes to the bot again is active again. */
export async function touchChat(db: Db, clock: Clock, facts: ChatFacts) {
  const id = BigInt(facts.telegramChatId);
  const existing = await db.chat.findUnique({ where: { telegramChatId: id } });
  if (!existing) {
    return db.chat.upsert({
      where: { telegramChatId: id },
      update: {},
      create: { telegramChatId: id, type: facts.type, title: facts.title ?? null, personId: facts.personId ?? null, createdAt: clock.now() },
    });
  }
  const personChanged = facts.personId != null && existing.personId !== facts.personId;
  if (existing.active && !personChanged) return existing;
  if (!existing.active) return setChatActive(db, clock, facts.telegramChatId, true, null);
  return db.chat.update({ where: { id: existing.id }, data: { personId: facts.personId ?? null } });
}

/** Marks a chat reachable or not; each change of state is audited once. */
export async function setChatActive(db: Db, clock: Clock, telegramChatId: number, active: boolean, reason: string | null, facts?: Omit<ChatFacts, "telegramChatId">) {
  return db.$transaction((tx) => setChatActiveIn(tx, clock, telegramChatId, active, reason, facts));
}

/** `setChatActive` inside the caller's transaction (the dispatcher drops the chat's queued rows in the same one). */
export async function setChatActiveIn(tx: Tx, clock: Clock, telegramChatId: number, active: boolean, reason: string | null, facts?: Omit<ChatFacts, "telegramChatId">) {
  const id = BigInt(telegramChatId);
  const before = await tx.chat.findUnique({ where: { telegramChatId: id }, include: { subscriptions: { select: { regionId: true } } } });
  const chat = await tx.chat.upsert({
    where: { telegramChatId: id },
    update: active ? { active, inactiveReason: null, inactiveSince: null } : before?.active === false ? {} : { active, inactiveReason: reason, inactiveSince: clock.now() },
    create: {
      telegramChatId: id, type: facts?.type ?? "private", title: facts?.title ?? null, personId: facts?.personId ?? null,
      active, inactiveReason: active ? null : reason, inactiveSince: active ? null : clock.now(), createdAt: clock.now(),
    },
  });
  // A private chat is its person: the dispatcher marks both when a send is refused (F7).
  if (chat.type === "private" && chat.personId !== null) {
    await tx.person.update({ where: { id: chat.personId }, data: { active, inactiveReason: active ? null : reason } });
  }
  if ((before?.active ?? true) !== active) {
    const regionIds = before?.subscriptions.map((s) => s.regionId) ?? [];
    for (const regionId of regionIds.length > 0 ? regionIds : [null]) {
      await audit(tx, clock, { regionId, action: active ? "chat.active" : "chat.inactive", subject: `chat:${chat.id}`, details: { reason } });
    }
  }
  return chat;
}

/**
 * Moves a chat's record to the id Telegram gave it on upgrade, subscriptions included, in one
 * transaction. Both migration messages call it, so it is idempotent and merges a record that
 * the new id already got.
 */
export async function migrateChat(db: Db, clock: Clock, fromChatId: number, toChatId: number): Promise<void> {
  await db.$transaction((tx) => migrateChatIn(tx, clock, fromChatId, toChatId));
}

/** `migrateChat` inside the caller's transaction (the dispatcher rewrites the queued rows in the same one). */
export async function migrateChatIn(tx: Tx, clock: Clock, fromChatId: number, toChatId: number): Promise<void> {
  const from = BigInt(fromChatId);
  const to = BigInt(toChatId);
  const old = await tx.chat.findUnique({ where: { telegramChatId: from }, include: { subscriptions: true } });
  if (!old) return;
  const current = await tx.chat.findUnique({ where: { telegramChatId: to } });
  if (current) {
    for (const sub of old.subscriptions) {
      const clash = await tx.subscription.findUnique({ where: { chatId_regionId: { chatId: current.id, regionId: sub.regionId } } });
      if (!clash) await tx.subscription.update({ where: { id: sub.id }, data: { chatId: current.id } });
    }
    await tx.chat.delete({ where: { id: old.id } });
  } else {
    await tx.chat.update({ where: { id: old.id }, data: { telegramChatId: to, type: "supergroup" } });
  }
  for (const regionId of new Set(old.subscriptions.map((s) => s.regionId))) {
    await audit(tx, clock, { regionId, action: "chat.migrate", subject: `chat:${current?.id ?? old.id}`, details: { from: fromChatId, to: toChatId } });
  }
}

export interface InactiveRecipient {
  kind: "group" | "person";
  name: string;
  /** The Telegram chat id the outbox addressed them by (to count what was dropped for them); null for a person never reached. */
  address: string | null;
  reason: string | null;
  since: Date | null;
}

/** Groups subscribed to a county and its members that Duban can no longer reach: for the digest. */
export async function inactiveRecipients(db: Db, regionId: number): Promise<InactiveRecipient[]> {
  const groups = await db.chat.findMany({ where: { active: false, subscriptions: { some: { regionId } } }, orderBy: { id: "asc" } });
  const people = await db.person.findMany({
    where: { memberships: { some: { regionId } }, OR: [{ active: false }, { chats: { some: { type: "private", active: false } } }] },
    include: { chats: { where: { type: "private" } } },
    orderBy: { id: "asc" },
  });
  return [
    ...groups.map((g) => ({ kind: "group" as const, name: g.title ?? String(g.telegramChatId), address: String(g.telegramChatId), reason: g.inactiveReason, since: g.inactiveSince })),
    ...people.map((p) => {
      const chat = p.chats.find((c) => !c.active);
      const id = chat?.telegramChatId ?? p.telegramUserId;
      return { kind: "person" as const, name: p.name, address: id === null ? null : String(id), reason: chat?.inactiveReason ?? p.inactiveReason, since: chat?.inactiveSince ?? null };
    }),
  ];
}
