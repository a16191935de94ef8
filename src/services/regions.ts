import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { cleanName } from "../domain/names.js";
import { isTimeZone, parseWallTime } from "../time.js";
import { audit } from "./audit.js";

export interface CountyPatch {
  name?: string;
  timeZone?: string;
  quietStart?: string;
  quietEnd?: string;
  workingCalendar?: boolean;
}

export type CountyRefusal = "bad-name" | "bad-time-zone" | "bad-time";

/** Checks a change of county settings; returns the cleaned patch or what is wrong with it. */
export function validateCountyPatch(patch: CountyPatch): { ok: true; patch: CountyPatch } | { ok: false; reason: CountyRefusal } {
  const clean: CountyPatch = { ...patch };
  if (patch.name !== undefined) {
    const name = cleanName(patch.name);
    if (name === null) return { ok: false, reason: "bad-name" };
    clean.name = name;
  }
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone.trim())) return { ok: false, reason: "bad-time-zone" };
  if (patch.timeZone !== undefined) clean.timeZone = patch.timeZone.trim();
  for (const key of ["quietStart", "quietEnd"] as const) {
    const value = patch[key];
    if (value !== undefined && parseWallTime(value) === null) return { ok: false, reason: "bad-time" };
  }
  return { ok: true, patch: clean };
}

export async function createCounty(db: Db, clock: Clock, input: { name: string; timeZone: string; actorId: number | null }) {
  const name = cleanName(input.name);
  if (name === null) return { ok: false, reason: "bad-name" } as const;
  const region = await db.$transaction(async (tx) => {
    const row = await tx.region.create({ data: { name, level: "county", timeZone: input.timeZone, createdAt: clock.now() } });
    await audit(tx, clock, { actorId: input.actorId, regionId: row.id, action: "county.create", subject: `region:${row.id}`, details: { name } });
    return row;
  });
  return { ok: true, region } as const;
}

export async function updateCounty(db: Db, clock: Clock, regionId: number, patch: CountyPatch, actorId: number | null) {
  const checked = validateCountyPatch(patch);
  if (!checked.ok) return checked;
  const region = await db.$transaction(async (tx) => {
    const row = await tx.region.update({ where: { id: regionId }, data: checked.patch });
    await audit(tx, clock, { actorId, regionId, action: "county.update", subject: `region:${regionId}`, details: { ...checked.patch } });
    return row;
  });
  return { ok: true, region } as const;
}

export async function countiesByIds(db: Pick<Db, "region">, ids: number[]) {
  return db.region.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}
