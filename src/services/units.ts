import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { cleanName } from "../domain/names.js";
import { STARTER_DIRECTORY, type DirectoryEntry } from "../domain/starter-directory.js";
import { audit } from "./audit.js";
import { grantMembership } from "./people.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface NamedUnit {
  name: string;
  aliases: unknown;
}

export function aliasesOf(unit: { aliases: unknown }): string[] {
  return Array.isArray(unit.aliases) ? unit.aliases.filter((a): a is string => typeof a === "string") : [];
}

/** Every name a unit answers to. */
function namesOf(unit: NamedUnit): string[] {
  return [unit.name, ...aliasesOf(unit)];
}

async function unitsOf(db: Pick<Db, "unit">, regionId: number) {
  return db.unit.findMany({ where: { regionId, archivedAt: null }, orderBy: { id: "asc" } });
}

/** The unit of a county called `text`, by its name or one of its aliases. */
export async function findUnitByName(db: Pick<Db, "unit">, regionId: number, text: string) {
  const name = cleanName(text);
  if (name === null) return null;
  return (await unitsOf(db, regionId)).find((u) => namesOf(u).includes(name)) ?? null;
}

export async function listUnits(db: Pick<Db, "unit">, regionId: number, page: { skip: number; take: number }) {
  const where = { regionId, archivedAt: null };
  const [rows, total] = await Promise.all([
    db.unit.findMany({ where, orderBy: { id: "asc" }, skip: page.skip, take: page.take }),
    db.unit.count({ where }),
  ]);
  return { rows, total };
}

export async function unitDetails(db: Db, unitId: number) {
  return db.unit.findUnique({
    where: { id: unitId },
    include: { parent: { select: { name: true } }, head: { select: { name: true } }, _count: { select: { memberships: true } } },
  });
}

export type UnitRefusal = "bad-name" | "name-taken" | "same-unit" | "cycle" | "not-a-member";

/** Adds units by name, one per line; names already in the directory (as names or aliases) are skipped. */
export async function addUnits(db: Db, clock: Clock, regionId: number, lines: string[], actorId: number | null) {
  return db.$transaction(async (tx) => {
    const taken = new Set((await unitsOf(tx, regionId)).flatMap(namesOf));
    const created: string[] = [];
    const skipped: string[] = [];
    for (const line of lines) {
      const name = cleanName(line);
      if (name === null) continue;
      if (taken.has(name)) {
        skipped.push(name);
        continue;
      }
      taken.add(name);
      const unit = await tx.unit.create({ data: { regionId, name, createdAt: clock.now() } });
      await audit(tx, clock, { actorId, regionId, action: "unit.create", subject: `unit:${unit.id}`, details: { name } });
      created.push(name);
    }
    return { created, skipped };
  });
}

/** Renames a unit; the old name stays as an alias so reports using it still find the unit. */
export async function renameUnit(db: Db, clock: Clock, unitId: number, text: string, actorId: number | null) {
  const name = cleanName(text);
  if (name === null) return { ok: false, reason: "bad-name" } as const;
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    const others = (await unitsOf(tx, unit.regionId)).filter((u) => u.id !== unitId);
    if (others.some((u) => namesOf(u).includes(name))) return { ok: false, reason: "name-taken" } as const;
    const aliases = [...new Set([...aliasesOf(unit), unit.name])].filter((a) => a !== name);
    await tx.unit.update({ where: { id: unitId }, data: { name, aliases } });
    await audit(tx, clock, { actorId, regionId: unit.regionId, action: "unit.rename", subject: `unit:${unitId}`, details: { from: unit.name, to: name } });
    return { ok: true, name } as const;
  });
}

export async function addAlias(db: Db, clock: Clock, unitId: number, text: string, actorId: number | null) {
  const alias = cleanName(text);
  if (alias === null) return { ok: false, reason: "bad-name" } as const;
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    if (namesOf(unit).includes(alias)) return { ok: true, alias } as const;
    const others = (await unitsOf(tx, unit.regionId)).filter((u) => u.id !== unitId);
    if (others.some((u) => namesOf(u).includes(alias))) return { ok: false, reason: "name-taken" } as const;
    await tx.unit.update({ where: { id: unitId }, data: { aliases: [...aliasesOf(unit), alias] } });
    await audit(tx, clock, { actorId, regionId: unit.regionId, action: "unit.alias", subject: `unit:${unitId}`, details: { alias } });
    return { ok: true, alias } as const;
  });
}

/** Puts a unit under another of the same county (a village under its township); null detaches it. */
export async function setParent(db: Db, clock: Clock, unitId: number, parentId: number | null, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    if (parentId !== null) {
      if (parentId === unitId) return { ok: false, reason: "same-unit" } as const;
      const parents = new Map((await unitsOf(tx, unit.regionId)).map((u) => [u.id, u]));
      if (!parents.has(parentId)) throw new Error(`unit ${parentId} is not in county ${unit.regionId}`);
      for (let up: number | null = parentId; up !== null; up = parents.get(up)?.parentId ?? null) {
        if (up === unitId) return { ok: false, reason: "cycle" } as const;
      }
    }
    await tx.unit.update({ where: { id: unitId }, data: { parentId } });
    await audit(tx, clock, { actorId, regionId: unit.regionId, action: "unit.parent", subject: `unit:${unitId}`, details: { parentId } });
    return { ok: true } as const;
  });
}

/** Makes a member of the unit its head, which also gives them the unit-head role there. */
export async function setHead(db: Db, clock: Clock, unitId: number, personId: number, actorId: number | null) {
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    const member = await tx.membership.findFirst({ where: { unitId, personId } });
    if (!member) return { ok: false, reason: "not-a-member" } as const;
    await tx.unit.update({ where: { id: unitId }, data: { headPersonId: personId } });
    await grantMembership(tx, clock, { personId, regionId: unit.regionId, unitId, role: "unit_head", actorId, reason: "unit.head" });
    await audit(tx, clock, { actorId, regionId: unit.regionId, action: "unit.head", subject: `unit:${unitId}`, details: { personId } });
    return { ok: true } as const;
  });
}

/**
 * Folds a duplicate unit into another of the same county: its members, tasks, group
 * subscriptions, invites and sub-units move over, and its names become aliases.
 */
export async function mergeUnits(db: Db, clock: Clock, sourceId: number, targetId: number, actorId: number | null) {
  if (sourceId === targetId) return { ok: false, reason: "same-unit" } as const;
  return db.$transaction(async (tx) => {
    const source = await tx.unit.findUniqueOrThrow({ where: { id: sourceId } });
    const target = await tx.unit.findUniqueOrThrow({ where: { id: targetId } });
    if (source.regionId !== target.regionId) throw new Error("units of different counties cannot be merged");
    await moveMemberships(tx, sourceId, targetId);
    await moveAssignments(tx, sourceId, targetId);
    await moveSubscriptionUnits(tx, sourceId, targetId);
    await tx.inviteToken.updateMany({ where: { unitId: sourceId }, data: { unitId: targetId } });
    await tx.unit.updateMany({ where: { parentId: sourceId, id: { not: targetId } }, data: { parentId: targetId } });
    const aliases = [...new Set([...aliasesOf(target), ...namesOf(source)])].filter((a) => a !== target.name);
    await tx.unit.update({
      where: { id: targetId },
      data: { aliases, headPersonId: target.headPersonId ?? source.headPersonId, parentId: target.parentId === sourceId ? source.parentId : target.parentId },
    });
    await tx.unit.delete({ where: { id: sourceId } });
    await audit(tx, clock, {
      actorId,
      regionId: target.regionId,
      action: "unit.merge",
      subject: `unit:${targetId}`,
      details: { mergedId: sourceId, mergedName: source.name },
    });
    return { ok: true, targetName: target.name } as const;
  });
}

async function moveMemberships(tx: Tx, sourceId: number, targetId: number): Promise<void> {
  const held = await tx.membership.findMany({ where: { unitId: targetId } });
  for (const m of await tx.membership.findMany({ where: { unitId: sourceId } })) {
    const duplicate = held.some((h) => h.personId === m.personId && h.role === m.role);
    if (duplicate) await tx.membership.delete({ where: { id: m.id } });
    else await tx.membership.update({ where: { id: m.id }, data: { unitId: targetId } });
  }
}

async function moveAssignments(tx: Tx, sourceId: number, targetId: number): Promise<void> {
  const directives = new Set((await tx.assignment.findMany({ where: { unitId: targetId }, select: { directiveId: true } })).map((a) => a.directiveId));
  // A directive assigned to both duplicates keeps the target's assignment, which has the history of the surviving unit.
  await tx.assignment.updateMany({ where: { unitId: sourceId, directiveId: { notIn: [...directives] } }, data: { unitId: targetId } });
}

async function moveSubscriptionUnits(tx: Tx, sourceId: number, targetId: number): Promise<void> {
  const rows = await tx.subscriptionUnit.findMany({ where: { unitId: sourceId } });
  for (const row of rows) {
    await tx.subscriptionUnit.upsert({
      where: { subscriptionId_unitId: { subscriptionId: row.subscriptionId, unitId: targetId } },
      update: {},
      create: { subscriptionId: row.subscriptionId, unitId: targetId },
    });
  }
}

/**
 * Writes directory entries into a county inside the caller's transaction: new names are
 * created, known ones get the new aliases, kind and parent. Entries must be validated.
 */
export async function applyDirectory(tx: Tx, clock: Clock, regionId: number, entries: readonly DirectoryEntry[], actorId: number | null, source: string) {
  const existing = await unitsOf(tx, regionId);
  const idByName = new Map(existing.flatMap((u) => namesOf(u).map((n) => [n, u.id] as const)));
  const idOfEntry = new Map<string, number>();
  let created = 0;
  let updated = 0;
  for (const entry of entries) {
    // A unit the county has under one of the entry's names is that unit, not a new one.
    const id = [entry.name, ...entry.aliases].map((n) => idByName.get(n)).find((found) => found !== undefined);
    if (id === undefined) {
      const row = await tx.unit.create({ data: { regionId, name: entry.name, kind: entry.kind, aliases: entry.aliases, createdAt: clock.now() } });
      for (const n of [entry.name, ...entry.aliases]) idByName.set(n, row.id);
      idOfEntry.set(entry.name, row.id);
      created++;
      continue;
    }
    const unit = existing.find((u) => u.id === id);
    const aliases = [...new Set([...(unit ? aliasesOf(unit) : []), ...entry.aliases])].filter((a) => a !== unit?.name && (idByName.get(a) ?? id) === id);
    await tx.unit.update({ where: { id }, data: { kind: entry.kind, aliases } });
    idOfEntry.set(entry.name, id);
    updated++;
  }
  for (const entry of entries) {
    const id = idOfEntry.get(entry.name);
    if (entry.parent === undefined || id === undefined) continue;
    await tx.unit.update({ where: { id }, data: { parentId: idOfEntry.get(entry.parent) ?? idByName.get(entry.parent) ?? null } });
  }
  await audit(tx, clock, { actorId, regionId, action: "directory.load", subject: `region:${regionId}`, details: { source, created, updated } });
  return { created, updated };
}

/** Loads the starter directory; units the county already has keep their names and gain the aliases. */
export async function loadStarterDirectory(db: Db, clock: Clock, regionId: number, actorId: number | null) {
  return db.$transaction((tx) => applyDirectory(tx, clock, regionId, STARTER_DIRECTORY, actorId, "starter"));
}
