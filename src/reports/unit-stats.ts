// The per-unit numbers behind /report, the weekly bulletin and the daily digests, counted
// by the database in one pass over the scope's assignments (never loaded into memory).
import { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import type { Period } from "./period.js";
import { count, FINISHED_STATES, OPEN_STATES, scopeFrom, scopeWhere, type ReportScope } from "./scope.js";

export interface UnitStats extends UnitCounts {
  unitId: number;
  unitName: string;
}

export interface UnitCounts {
  /** Assignments in the report (open at some time in the period). */
  assigned: number;
  /** Signed for (签收): every state but `assigned`. */
  signed: number;
  inProgress: number;
  /** Done or closed off. */
  done: number;
  blocked: number;
  /** Open with the deadline passed (yellow slips and worse). */
  overdue: number;
  /** Overdue by more than the county's redAfterDays (red slips). */
  red: number;
  /** Done or closed with a deadline: the denominator of the on-time rate. */
  finishedWithDeadline: number;
  /** … of which finished by the deadline. */
  onTime: number;
  /** Extension requests made in the period. */
  extensions: number;
}

export interface StatsMoment {
  now: Date;
  /** Open with a deadline before this is red. */
  redBefore: Date;
}

/** One group of assignments alike in everything the numbers depend on. */
interface GroupRow {
  unitId: number | bigint;
  state: string;
  /** 0 no deadline, 1 not yet due, 2 overdue, 3 overdue past the red line. */
  due: number | bigint;
  /** Done (or closed) by the deadline. */
  onTime: number | bigint;
  n: unknown;
}

function zeroCounts(): UnitCounts {
  return { assigned: 0, signed: 0, inProgress: 0, done: 0, blocked: 0, overdue: 0, red: 0, finishedWithDeadline: 0, onTime: 0, extensions: 0 };
}

function addGroup(s: UnitStats, g: GroupRow): void {
  const n = count(g.n);
  const [due, finished, open] = [Number(g.due), FINISHED_STATES.includes(g.state), OPEN_STATES.includes(g.state)];
  s.assigned += n;
  if (g.state !== "assigned") s.signed += n;
  if (g.state === "in_progress") s.inProgress += n;
  if (g.state === "blocked") s.blocked += n;
  if (finished) s.done += n;
  if (open && due >= 2) s.overdue += n;
  if (open && due === 3) s.red += n;
  if (finished && due > 0) s.finishedWithDeadline += n;
  if (finished && Number(g.onTime) === 1) s.onTime += n;
}

/**
 * Per unit of the scope with any assignment in the period; unsorted. The database groups
 * the assignments by unit, state and deadline status (a few hundred groups at most) and
 * the groups are summed here: cheaper for the database than a dozen conditional sums.
 */
export async function unitStats(db: Db, scope: ReportScope, period: Period | null, moment: StatsMoment): Promise<UnitStats[]> {
  const where = scopeWhere(scope, period);
  const groups = await db.$queryRaw<GroupRow[]>(Prisma.sql`
    SELECT a."unitId" AS "unitId", a."state" AS "state",
      CASE WHEN a."dueAt" IS NULL THEN 0 WHEN a."dueAt" < ${moment.redBefore} THEN 3 WHEN a."dueAt" < ${moment.now} THEN 2 ELSE 1 END AS "due",
      CASE WHEN a."doneAt" <= a."dueAt" THEN 1 ELSE 0 END AS "onTime",
      COUNT(*) AS "n"
    ${scopeFrom(scope)} ${where}
    GROUP BY a."unitId", a."state", 3, 4`);
  const unitIds = [...new Set(groups.map((g) => Number(g.unitId)))];
  const [units, extensions] = await Promise.all([
    db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    extensionCounts(db, scope, where, period),
  ]);
  const byUnit = new Map(units.map((u): [number, UnitStats] => [u.id, { unitId: u.id, unitName: u.name, ...zeroCounts() }]));
  for (const g of groups) {
    const s = byUnit.get(Number(g.unitId));
    if (s) addGroup(s, g);
  }
  return [...byUnit.values()].map((s) => ({ ...s, extensions: extensions.get(s.unitId) ?? 0 }));
}

async function extensionCounts(db: Db, scope: ReportScope, where: Prisma.Sql, period: Period | null): Promise<Map<number, number>> {
  const made = period ? Prisma.sql`AND e."createdAt" >= ${period.start} AND e."createdAt" < ${period.end}` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ unitId: number | bigint; n: unknown }>>(Prisma.sql`
    SELECT a."unitId" AS "unitId", COUNT(*) AS "n"
    ${scopeFrom(scope)} JOIN "ExtensionRequest" e ON e."assignmentId" = a."id"
    ${where} ${made}
    GROUP BY a."unitId"`);
  return new Map(rows.map((r) => [Number(r.unitId), count(r.n)]));
}

/** Done over assigned, 0…1 (0 for an empty unit). */
export function completionRate(s: Pick<UnitStats, "done" | "assigned">): number {
  return s.assigned === 0 ? 0 : s.done / s.assigned;
}

/** On time over finished with a deadline; null when nothing with a deadline is finished. */
export function onTimeRate(s: Pick<UnitStats, "onTime" | "finishedWithDeadline">): number | null {
  return s.finishedWithDeadline === 0 ? null : s.onTime / s.finishedWithDeadline;
}

/** Best first: completion, then fewer overdue, then on-time rate, then name (stable across runs). */
export function rankUnits(stats: readonly UnitStats[]): UnitStats[] {
  return [...stats].sort(
    (a, b) =>
      completionRate(b) - completionRate(a) ||
      a.overdue - b.overdue ||
      (onTimeRate(b) ?? -1) - (onTimeRate(a) ?? -1) ||
      a.unitName.localeCompare(b.unitName, "zh-CN"),
  );
}

/** The county-wide (or scope-wide) sum of the per-unit rows. */
export function totalOf(stats: readonly UnitStats[]): UnitCounts {
  return stats.reduce((acc, s) => {
    for (const key of Object.keys(acc) as Array<keyof UnitCounts>) acc[key] += s[key];
    return acc;
  }, zeroCounts());
}

const DAY_MS = 86_400_000;

/** The moment of a report: red means overdue by more than the county's redAfterDays. */
export function statsMoment(now: Date, redAfterDays: number): StatsMoment {
  return { now, redBefore: new Date(now.getTime() - redAfterDays * DAY_MS) };
}
