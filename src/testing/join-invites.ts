// Work for the update-handling fault and load tests (F11, F17, F18, F20, L4): each update
// redeems an invite, which writes in one transaction (the use, the person, the membership,
// audit rows) and answers with the unit's name. A side effect done twice uses up an invite
// early, a lost update leaves a use over, and replies out of order show by their unit.
import { setTimeout as sleep } from "node:timers/promises";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { createInvite } from "../services/invites.js";
import type { EmulatorClient, MessageView } from "../emulator/client.js";
import type { NewOutboxRow } from "../scheduler/outbox.js";

export interface JoinInvites {
  regionId: number;
  /** Unit names, in the order each user redeems their invites. */
  units: string[];
  /** One invite per unit, with a use for every user. */
  tokens: string[];
}

export async function arrangeJoinInvites(db: Db, clock: Clock, options: { units: number; users: number }): Promise<JoinInvites> {
  const region = await db.region.create({ data: { name: "云溪县" } });
  const units = Array.from({ length: options.units }, (_, i) => `第${i + 1}办`);
  const tokens: string[] = [];
  for (const name of units) {
    const unit = await db.unit.create({ data: { regionId: region.id, name } });
    tokens.push((await createInvite(db, clock, { regionId: region.id, unitId: unit.id, role: "official", validForHours: 24, uses: options.users, createdById: null })).token);
  }
  return { regionId: region.id, units, tokens };
}

/** A "joined" reply, as sent (HTML) or as shown; group 1 is the unit. */
export const JOINED_REPLY = /✅.*· (第\d+办)/;

/** The unit a "joined" reply names, or null for any other reply. */
export function joinedUnit(message: MessageView): string | null {
  return JOINED_REPLY.exec(message.text ?? "")?.[1] ?? null;
}

/** `count` people at the emulator, created 50 at a time; `startedBot` lets the bot write to them first. */
export async function createPeople(client: EmulatorClient, count: number, name: string, startedBot = false): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) => client.createUser({ first_name: `${name}${i + k}`, language_code: "zh-hans", startedBot }));
    ids.push(...(await Promise.all(batch)).map((u) => u.id));
  }
  return ids;
}

/** One broadcast message per recipient, due `now`; texts start with `tag`. */
export function broadcastRows(recipients: readonly number[], tag: string, now: Date): NewOutboxRow[] {
  return recipients.map((id, i) => ({ address: String(id), kind: "broadcast", payload: { text: `${tag} 通知 ${i}` }, dueAt: now, dedupeKey: `${tag}:${i}` }));
}

/** How many messages the bot has sent to these people in all. */
export async function answeredCount(client: EmulatorClient, users: readonly number[], botId: number): Promise<number> {
  return (await Promise.all(users.map((u) => botMessages(client, u, botId)))).reduce((n, m) => n + m.length, 0);
}

/** The bot's messages in a private chat, oldest first. */
export async function botMessages(client: EmulatorClient, chatId: number, botId: number): Promise<MessageView[]> {
  return (await client.messages(chatId)).filter((m) => m.from?.id === botId);
}

export interface SentJoin {
  user: number;
  /** Index of the unit (and token) the update redeems. */
  unit: number;
  /** Real epoch ms when the emulator had taken the message. */
  at: number;
}

/**
 * Every user redeems every token, in token order, `perSecond` updates in all, spread evenly
 * over the users. A user's next message waits for the previous one, so each chat keeps its order.
 */
export async function sendJoins(client: EmulatorClient, users: readonly number[], tokens: readonly string[], perSecond: number): Promise<SentJoin[]> {
  const sent: SentJoin[] = [];
  const chains = new Map<number, Promise<void>>();
  const start = Date.now();
  for (let i = 0; i < users.length * tokens.length; i++) {
    const user = users[i % users.length] ?? 0;
    const unit = Math.floor(i / users.length);
    const wait = start + (i * 1000) / perSecond - Date.now();
    if (wait > 5) await sleep(wait);
    const previous = chains.get(user) ?? Promise.resolve();
    chains.set(user, previous.then(async () => {
      await client.sendText(user, `/start ${tokens[unit]}`);
      sent.push({ user, unit, at: Date.now() });
    }));
  }
  await Promise.all(chains.values());
  return sent;
}
