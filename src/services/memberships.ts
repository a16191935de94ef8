import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import type { Actor, Grant } from "../domain/permissions.js";
import { isRole, roleNeedsUnit, type Role } from "../domain/roles.js";
import { audit } from "./audit.js";

/**
 * What a Telegram user may do: their memberships, plus the units they head (a head set
 * on the unit counts as the unit-head role there), plus whether they operate the deployment.
 */
export async function loadActor(db: Pick<Db, "person">, telegramUserId: number, ownerIds: readonly number[]): Promise<Actor & { personId: number | null }> {
  const owner = ownerIds.includes(telegramUserId);
  const person = await db.person.findUnique({
    where: { telegramUserId: BigInt(telegramUserId) },
    include: { memberships: true, headOf: { select: { id: true, regionId: true } } },
  });
  if (!person) return { personId: null, owner, grants: [] };
  const grants: Grant[] = person.memberships
    .filter((m) => isRole(m.role))
    .map((m) => ({ regionId: m.regionId, unitId: m.unitId, role: m.role as Role }));
  for (const unit of person.headOf) grants.push({ regionId: unit.regionId, unitId: unit.id, role: "unit_head" });
  return { personId: person.id, owner, grants };
}

/** Members of one unit (or, with null, the county-level admins), a page at a time. */
export async function listMembers(db: Pick<Db, "membership">, regionId: number, unitId: number | null, page: { skip: number; take: number }) {
  const where = { regionId, unitId };
  const [rows, total] = await Promise.all([
    db.membership.findMany({ where, include: { person: { select: { name: true, username: true } } }, orderBy: { id: "asc" }, skip: page.skip, take: page.take }),
    db.membership.count({ where }),
  ]);
  return { rows, total };
}

export async function membershipDetails(db: Pick<Db, "membership">, membershipId: number) {
  return db.membership.findUnique({
    where: { id: membershipId },
    include: { person: { select: { name: true, username: true, active: true } }, unit: { select: { name: true } }, region: { select: { name: true } } },
  });
}

export type MembershipRefusal = "last-admin" | "unit-required";

async function isLastAdmin(db: Pick<Db, "membership">, regionId: number, personId: number): Promise<boolean> {
  const admins = await db.membership.findMany({ where: { regionId, role: "admin" }, select: { personId: true } });
  const others = admins.filter((a) => a.personId !== personId);
  return admins.length > 0 && others.length === 0;
}

/** Changes the role of one membership; a county never loses its last admin. */
export async function changeRole(db: Db, clock: Clock, membershipId: number, role: Role, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findUniqueOrThrow({ where: { id: membershipId } });
    if (m.role === role) return { ok: true } as const;
    if (roleNeedsUnit(role) && m.unitId === null) return { ok: false, reason: "unit-required" } as const;
    if (m.role === "admin" && (await isLastAdmin(tx, m.regionId, m.personId))) return { ok: false, reason: "last-admin" } as const;
    const twin = await tx.membership.findFirst({ where: { personId: m.personId, regionId: m.regionId, unitId: m.unitId, role } });
    if (twin) await tx.membership.delete({ where: { id: m.id } });
    else await tx.membership.update({ where: { id: m.id }, data: { role } });
    if (m.role === "unit_head" && m.unitId !== null) {
      await tx.unit.updateMany({ where: { id: m.unitId, headPersonId: m.personId }, data: { headPersonId: null } });
    }
    await audit(tx, clock, { actorId, regionId: m.regionId, action: "membership.role", subject: `person:${m.personId}`, details: { from: m.role, to: role, unitId: m.unitId } });
    return { ok: true } as const;
  });
}

/**
 * Removes a person from a county: all their memberships there, and their place as unit head.
 * Tasks belong to units, not people, so nothing else needs a new owner.
 */
export async function removeFromCounty(db: Db, clock: Clock, regionId: number, personId: number, actorId: number | null) {
  return db.$transaction(async (tx) => {
    if (await isLastAdmin(tx, regionId, personId)) return { ok: false, reason: "last-admin" } as const;
    const removed = await tx.membership.deleteMany({ where: { regionId, personId } });
    await tx.unit.updateMany({ where: { regionId, headPersonId: personId }, data: { headPersonId: null } });
    await audit(tx, clock, { actorId, regionId, action: "membership.remove", subject: `person:${personId}`, details: { memberships: removed.count } });
    return { ok: true, removed: removed.count } as const;
  });
}
