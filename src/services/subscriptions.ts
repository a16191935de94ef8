import type { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { audit } from "./audit.js";

export const SUBSCRIPTION_KINDS = ["notices", "reminders", "digests"] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export function isSubscriptionKind(value: string): value is SubscriptionKind {
  return (SUBSCRIPTION_KINDS as readonly string[]).includes(value);
}

/** The county's group chats still reachable that follow its digests and bulletins. */
export function digestGroupsOf(regionId: number): Prisma.SubscriptionWhereInput {
  return { regionId, digests: true, chat: { active: true, type: { in: ["group", "supergroup", "channel"] } } };
}

/** Subscribes a chat to a county (everything, all units); subscribing again changes nothing. */
export async function subscribe(db: Db, clock: Clock, chatId: number, regionId: number, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const existing = await tx.subscription.findUnique({ where: { chatId_regionId: { chatId, regionId } } });
    if (existing) return existing;
    const sub = await tx.subscription.create({ data: { chatId, regionId, createdBy: actorId, createdAt: clock.now() } });
    await audit(tx, clock, { actorId, regionId, action: "subscription.create", subject: `subscription:${sub.id}`, details: { chatId } });
    return sub;
  });
}

export async function subscriptionDetails(db: Pick<Db, "subscription">, subscriptionId: number) {
  return db.subscription.findUnique({
    where: { id: subscriptionId },
    include: { chat: true, region: { select: { name: true } }, units: { include: { unit: { select: { name: true } } } } },
  });
}

export async function subscriptionsOfChat(db: Pick<Db, "subscription">, telegramChatId: number) {
  return db.subscription.findMany({
    where: { chat: { telegramChatId: BigInt(telegramChatId) } },
    include: { region: { select: { name: true } }, units: { include: { unit: { select: { name: true } } } } },
    orderBy: { id: "asc" },
  });
}

export async function toggleKind(db: Db, clock: Clock, subscriptionId: number, kind: SubscriptionKind, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    const value = !sub[kind];
    await tx.subscription.update({ where: { id: subscriptionId }, data: { [kind]: value } });
    await audit(tx, clock, { actorId, regionId: sub.regionId, action: "subscription.update", subject: `subscription:${sub.id}`, details: { [kind]: value } });
  });
}

/** Adds or removes one unit of the subscription's county; no units means the whole county. */
export async function toggleUnit(db: Db, clock: Clock, subscriptionId: number, unitId: number, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const sub = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    if (unit.regionId !== sub.regionId) throw new Error(`unit ${unitId} is not in the county of subscription ${subscriptionId}`);
    const key = { subscriptionId_unitId: { subscriptionId, unitId } };
    const present = await tx.subscriptionUnit.findUnique({ where: key });
    if (present) await tx.subscriptionUnit.delete({ where: key });
    else await tx.subscriptionUnit.create({ data: { subscriptionId, unitId } });
    await audit(tx, clock, { actorId, regionId: sub.regionId, action: "subscription.unit", subject: `subscription:${sub.id}`, details: { unitId, included: !present } });
  });
}

export async function unsubscribe(db: Db, clock: Clock, subscriptionId: number, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const sub = await tx.subscription.delete({ where: { id: subscriptionId } });
    await audit(tx, clock, { actorId, regionId: sub.regionId, action: "subscription.delete", subject: `subscription:${sub.id}`, details: { chatId: sub.chatId } });
  });
}
