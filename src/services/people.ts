import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import type { Role } from "../domain/roles.js";
import { audit } from "./audit.js";

type PeopleDb = Pick<Db, "person" | "membership" | "auditLog">;

/** The Telegram facts about a user that Duban keeps. */
export interface TelegramIdentity {
  telegramUserId: number;
  firstName: string;
  lastName?: string;
  username?: string;
}

export function displayName(who: TelegramIdentity): string {
  return [who.firstName, who.lastName].filter(Boolean).join(" ").trim() || who.username || String(who.telegramUserId);
}

export async function findPersonByTelegramId(db: Pick<Db, "person">, telegramUserId: number) {
  return db.person.findUnique({ where: { telegramUserId: BigInt(telegramUserId) } });
}

/** Finds the person behind a Telegram user, creating them on first contact. */
export async function ensurePerson(db: Pick<Db, "person">, who: TelegramIdentity) {
  return db.person.upsert({
    where: { telegramUserId: BigInt(who.telegramUserId) },
    update: { username: who.username ?? null, active: true, inactiveReason: null },
    create: { telegramUserId: BigInt(who.telegramUserId), name: displayName(who), username: who.username ?? null },
  });
}

export interface MembershipSummary {
  regionId: number;
  regionName: string;
  unitId: number | null;
  unitName: string | null;
  role: Role;
}

export async function membershipsOf(db: Pick<Db, "membership">, personId: number): Promise<MembershipSummary[]> {
  const rows = await db.membership.findMany({
    where: { personId },
    include: { region: { select: { name: true } }, unit: { select: { name: true } } },
    orderBy: [{ regionId: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({
    regionId: m.regionId,
    regionName: m.region.name,
    unitId: m.unitId,
    unitName: m.unit?.name ?? null,
    role: m.role as Role,
  }));
}

/** Gives a person a role in a county (and unit) unless they already hold it. */
export async function grantMembership(
  db: PeopleDb,
  clock: Clock,
  grant: { personId: number; regionId: number; unitId: number | null; role: Role; actorId: number | null; reason: string },
): Promise<boolean> {
  const existing = await db.membership.findFirst({
    where: { personId: grant.personId, regionId: grant.regionId, unitId: grant.unitId, role: grant.role },
  });
  if (existing) return false;
  await db.membership.create({
    data: { personId: grant.personId, regionId: grant.regionId, unitId: grant.unitId, role: grant.role, createdAt: clock.now() },
  });
  await audit(db, clock, {
    actorId: grant.actorId,
    regionId: grant.regionId,
    action: "membership.grant",
    subject: `person:${grant.personId}`,
    details: { role: grant.role, unitId: grant.unitId, reason: grant.reason },
  });
  return true;
}

export async function setPersonLocale(db: PeopleDb, clock: Clock, personId: number, locale: string): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { locale } });
  await audit(db, clock, { actorId: personId, action: "person.locale", subject: `person:${personId}`, details: { locale } });
}
