// What a report or ledger is about, and the SQL that selects its assignments. Statements
// are composed with Prisma.sql, which numbers placeholders per database, so one text serves
// SQLite and PostgreSQL. Aliases: a = Assignment, u = Unit, d = Directive (when joined).
import { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Period } from "./period.js";

export type ReportScope =
  | { kind: "county"; regionId: number }
  | { kind: "unit"; regionId: number; unitId: number }
  | { kind: "meeting"; regionId: number; meetingId: number };

export const OPEN_STATES: readonly string[] = ["assigned", "acknowledged", "in_progress", "blocked"];
export const FINISHED_STATES: readonly string[] = ["done", "closed"];

/** `a."state" IN ('done', 'closed')`: constants, inlined so the query planner sees them. */
export const IS_FINISHED = Prisma.sql`a."state" IN (${Prisma.raw(FINISHED_STATES.map((v) => `'${v}'`).join(", "))})`;

/** When a finished assignment finished; the hand-out time stands in for a missing stamp so the value is never null. */
export const FINISHED_AT = Prisma.sql`COALESCE(a."doneAt", a."closedAt", a."assignedAt")`;

/** The tables a scope needs; the directive is joined only when asked for or to filter by meeting. */
export function scopeFrom(scope: ReportScope, withDirective = false): Prisma.Sql {
  const units = Prisma.sql`FROM "Assignment" a JOIN "Unit" u ON u."id" = a."unitId"`;
  return withDirective || scope.kind === "meeting" ? Prisma.sql`${units} JOIN "Directive" d ON d."id" = a."directiveId"` : units;
}

/**
 * The assignments of the scope that were open at some time in the period: handed out
 * before it ended and not finished before it began. Without a period: all of the scope.
 */
export function scopeWhere(scope: ReportScope, period: Period | null): Prisma.Sql {
  const parts = [Prisma.sql`u."regionId" = ${scope.regionId}`];
  if (scope.kind === "unit") parts.push(Prisma.sql`a."unitId" = ${scope.unitId}`);
  if (scope.kind === "meeting") parts.push(Prisma.sql`d."meetingId" = ${scope.meetingId}`);
  if (period) {
    parts.push(Prisma.sql`a."assignedAt" < ${period.end}`);
    parts.push(Prisma.sql`NOT (${IS_FINISHED} AND ${FINISHED_AT} < ${period.start})`);
  }
  return Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`;
}

/** Counts come back as bigint from both databases (and null from an empty SUM). */
export function count(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
