// The worst overdue assignments of a scope, named: which unit (and its head), what, how late.
import { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import { daysBetween, localDateOf } from "../time.js";
import type { Period } from "./period.js";
import { OPEN_STATES, scopeFrom, scopeWhere, type ReportScope } from "./scope.js";
import type { StatsMoment } from "./unit-stats.js";

export interface OverdueItem {
  assignmentId: number;
  unitName: string;
  headName: string | null;
  directive: string;
  dueAt: Date;
  /** Whole local days past the deadline (0 = due earlier today). */
  daysLate: number;
  red: boolean;
}

interface Row {
  id: number | bigint;
  unitName: string;
  headName: string | null;
  directive: string;
  dueAt: Date | string;
}

/**
 * Longest overdue first; `limit` rows at most, due on or after `dueFrom` if given (the
 * yellow ones: from the red line on). One sub-query per open state, so each walks
 * the (state, dueAt) index in deadline order and stops after `limit` matches instead of
 * sorting every overdue assignment of the county.
 */
export async function worstOverdue(db: Db, scope: ReportScope, period: Period | null, moment: StatsMoment, zone: string, limit: number, dueFrom?: Date): Promise<OverdueItem[]> {
  const from = dueFrom ? Prisma.sql`AND a."dueAt" >= ${dueFrom}` : Prisma.empty;
  const perState = OPEN_STATES.map((state, i) => Prisma.sql`SELECT * FROM (
      SELECT a."id" AS "id", u."name" AS "unitName", p."name" AS "headName", d."text" AS "directive", a."dueAt" AS "dueAt"
      ${scopeFrom(scope, true)} LEFT JOIN "Person" p ON p."id" = u."headPersonId"
      ${scopeWhere(scope, period)} AND a."state" = ${state} AND a."dueAt" < ${moment.now} ${from}
      ORDER BY a."dueAt", a."id" LIMIT ${limit}) ${Prisma.raw(`s${i}`)}`);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`${Prisma.join(perState, " UNION ALL ")} ORDER BY "dueAt", "id" LIMIT ${limit}`);
  const today = localDateOf(moment.now, zone);
  return rows.map((r) => {
    const dueAt = new Date(r.dueAt);
    return {
      assignmentId: Number(r.id),
      unitName: r.unitName,
      headName: r.headName,
      directive: r.directive,
      dueAt,
      daysLate: daysBetween(localDateOf(dueAt, zone), today),
      red: dueAt < moment.redBefore,
    };
  });
}
