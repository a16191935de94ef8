// Everything /report shows for one scope and period, gathered from the database.
import type { Db } from "../db/client.js";
import type { CountySettings } from "../domain/county-settings.js";
import { worstOverdue, type OverdueItem } from "./overdue-items.js";
import type { Period } from "./period.js";
import type { ReportScope } from "./scope.js";
import { trendOf, type TrendPoint } from "./trend.js";
import { rankUnits, statsMoment, totalOf, unitStats, type UnitCounts, type UnitStats } from "./unit-stats.js";

/** How many overdue items the report names. */
export const WORST_ITEMS = 5;

export interface ReportData {
  period: Period;
  /** Best first (see rankUnits). */
  units: UnitStats[];
  total: UnitCounts;
  worst: OverdueItem[];
  trend: TrendPoint[];
}

export async function buildReport(db: Db, scope: ReportScope, period: Period, now: Date, settings: Pick<CountySettings, "timeZone" | "redAfterDays">): Promise<ReportData> {
  const moment = statsMoment(now, settings.redAfterDays);
  const [stats, worst, trend] = await Promise.all([
    unitStats(db, scope, period, moment),
    worstOverdue(db, scope, period, moment, settings.timeZone, WORST_ITEMS),
    trendOf(db, scope, period, now, settings.timeZone),
  ]);
  const units = rankUnits(stats);
  return { period, units, total: totalOf(units), worst, trend };
}
