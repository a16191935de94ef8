// Open versus done over the period, one point per day (or per few days for long ranges).
// The database puts each assignment into the bucket of the first point it was handed out
// by, and of the first point it was finished by, and counts the pairs; the running totals
// are summed here. Buckets come from a balanced CASE tree: a handful of comparisons per
// row, however many points there are.
import { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import { addDays, atLocalTime, daysBetween, localDateOf, type LocalDate } from "../time.js";
import type { Period } from "./period.js";
import { count, FINISHED_AT, IS_FINISHED, scopeFrom, scopeWhere, type ReportScope } from "./scope.js";

export interface TrendPoint {
  date: LocalDate;
  /** Handed out by the end of that day and not finished by then. */
  open: number;
  /** Finished by the end of that day. */
  done: number;
}

/** Enough points for a readable line; longer ranges step several days at a time. */
const MAX_POINTS = 31;

/** The days plotted: from the period's first day to its last or today, whichever is earlier. */
export function trendDays(period: Period, now: Date, zone: string): LocalDate[] {
  const today = localDateOf(now, zone);
  const last = daysBetween(period.to, today) < 0 ? today : period.to;
  const span = Math.max(0, daysBetween(period.from, last));
  const step = Math.ceil((span + 1) / MAX_POINTS);
  const days: LocalDate[] = [];
  for (let offset = span; offset >= 0; offset -= step) days.unshift(addDays(period.from, offset));
  return days;
}

/** The index of the first boundary `value` lies before, or boundaries.length if none. */
function bucketOf(value: Prisma.Sql, boundaries: readonly Date[], from = 0, to = boundaries.length): Prisma.Sql {
  if (from === to) return Prisma.raw(String(from));
  const mid = Math.floor((from + to) / 2);
  return Prisma.sql`CASE WHEN ${value} < ${boundaries[mid]} THEN ${bucketOf(value, boundaries, from, mid)} ELSE ${bucketOf(value, boundaries, mid + 1, to)} END`;
}

interface PairRow {
  assignedBucket: number | bigint;
  finishedBucket: number | bigint | null;
  n: unknown;
}

export async function trendOf(db: Db, scope: ReportScope, period: Period, now: Date, zone: string): Promise<TrendPoint[]> {
  const days = trendDays(period, now, zone);
  // The end of each day, or now for today: the last point is the present state.
  const boundaries = days.map((day) => {
    const endOfDay = atLocalTime(addDays(day, 1), "00:00", zone);
    return endOfDay > now ? now : endOfDay;
  });
  const pairs = await db.$queryRaw<PairRow[]>(Prisma.sql`
    SELECT ${bucketOf(Prisma.sql`a."assignedAt"`, boundaries)} AS "assignedBucket",
      CASE WHEN ${IS_FINISHED} THEN ${bucketOf(FINISHED_AT, boundaries)} END AS "finishedBucket",
      COUNT(*) AS "n"
    ${scopeFrom(scope)} ${scopeWhere(scope, period)}
    GROUP BY 1, 2`);
  return days.map((date, i) => {
    let [open, done] = [0, 0];
    for (const pair of pairs) {
      const finishedBy = pair.finishedBucket !== null && Number(pair.finishedBucket) <= i;
      if (finishedBy) done += count(pair.n);
      else if (Number(pair.assignedBucket) <= i) open += count(pair.n);
    }
    return { date, open, done };
  });
}
