// Which county, unit or meeting a /report or /export names, looked up among the counties
// the person belongs to. Finding is not permitting: the feature hands the result to the
// guard, which decides.
import type { Db } from "../db/client.js";
import type { ScopeRequest } from "./report-args.js";
import type { ReportScope } from "./scope.js";

export interface Target {
  scope: ReportScope;
  /** Names the scope in headings and file names: a unit or meeting, or null for the county. */
  label: string | null;
}

export type Resolution = { found: true; target: Target } | { found: false; reason: "none" | "unit-unknown" | "meeting-unknown" | "county-unknown" };

const notFound = (reason: "none" | "unit-unknown" | "meeting-unknown" | "county-unknown"): Resolution => ({ found: false, reason });

async function membershipsOf(db: Db, telegramUserId: number) {
  const person = await db.person.findUnique({
    where: { telegramUserId: BigInt(telegramUserId) },
    include: { memberships: { orderBy: { id: "asc" } }, headOf: { where: { archivedAt: null }, select: { id: true, regionId: true, name: true } } },
  });
  return person ? { memberships: person.memberships, headOf: person.headOf } : null;
}

/** The person's own scope: the first county they administer, else the first unit they head. */
async function ownScope(db: Db, m: NonNullable<Awaited<ReturnType<typeof membershipsOf>>>): Promise<Resolution> {
  const admin = m.memberships.find((x) => x.role === "admin");
  if (admin) return { found: true, target: { scope: { kind: "county", regionId: admin.regionId }, label: null } };
  const headed = m.memberships.find((x) => x.role === "unit_head" && x.unitId !== null);
  const unit = headed?.unitId ? await db.unit.findFirst({ where: { id: headed.unitId, archivedAt: null } }) : (m.headOf[0] ?? null);
  return unit ? { found: true, target: { scope: { kind: "unit", regionId: unit.regionId, unitId: unit.id }, label: unit.name } } : notFound("none");
}

async function findUnit(db: Db, regionIds: number[], name: string): Promise<Resolution> {
  const units = await db.unit.findMany({ where: { regionId: { in: regionIds }, archivedAt: null }, select: { id: true, regionId: true, name: true, aliases: true } });
  const aliasOf = (aliases: unknown) => (Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : []);
  const exact = units.filter((u) => u.name === name || aliasOf(u.aliases).includes(name));
  const partial = units.filter((u) => u.name.includes(name));
  const unit = exact.length === 1 ? exact[0] : exact.length === 0 && partial.length === 1 ? partial[0] : undefined;
  return unit ? { found: true, target: { scope: { kind: "unit", regionId: unit.regionId, unitId: unit.id }, label: unit.name } } : notFound("unit-unknown");
}

async function findMeeting(db: Db, regionIds: number[], ref: string): Promise<Resolution> {
  const id = /^#?(\d{1,9})$/.exec(ref)?.[1];
  const meeting = await db.meeting.findFirst({
    where: { regionId: { in: regionIds }, state: "published", ...(id ? { id: Number(id) } : { title: { contains: ref } }) },
    orderBy: { id: "desc" },
  });
  return meeting ? { found: true, target: { scope: { kind: "meeting", regionId: meeting.regionId, meetingId: meeting.id }, label: meeting.title } } : notFound("meeting-unknown");
}

async function findCounty(db: Db, regionIds: number[], adminRegionIds: number[], name: string): Promise<Resolution> {
  if (name === "") {
    const regionId = adminRegionIds[0] ?? regionIds[0];
    return regionId === undefined ? notFound("none") : { found: true, target: { scope: { kind: "county", regionId }, label: null } };
  }
  const region = await db.region.findFirst({ where: { id: { in: regionIds }, name: { contains: name } }, orderBy: { id: "asc" } });
  return region ? { found: true, target: { scope: { kind: "county", regionId: region.id }, label: null } } : notFound("county-unknown");
}

export async function resolveTarget(db: Db, telegramUserId: number, request: ScopeRequest): Promise<Resolution> {
  const m = await membershipsOf(db, telegramUserId);
  if (!m) return notFound("none");
  const regionIds = [...new Set([...m.memberships.map((x) => x.regionId), ...m.headOf.map((u) => u.regionId)])];
  const adminRegionIds = m.memberships.filter((x) => x.role === "admin").map((x) => x.regionId);
  switch (request.kind) {
    case "auto":
      return ownScope(db, m);
    case "county":
      return findCounty(db, regionIds, adminRegionIds, request.name);
    case "unit":
      return findUnit(db, regionIds, request.name);
    case "meeting":
      return findMeeting(db, regionIds, request.ref);
  }
}
