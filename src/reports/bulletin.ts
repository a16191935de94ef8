// The weekly bulletin (督查通报) of one county: last week's completion ranking, the red and
// yellow items, the units that have not signed for their tasks, and the households nobody
// contacted this quarter. Gathered once, then written in each reader's language.
import { escapeHtml } from "../bot/html.js";
import type { Db } from "../db/client.js";
import type { CountySettings } from "../domain/county-settings.js";
import type { T } from "../messages/translate.js";
import { addDays, localDateOf } from "../time.js";
import { coverageWindow, uncontactedByTownship, type UncontactedTownship } from "./households.js";
import { worstOverdue, type OverdueItem } from "./overdue-items.js";
import { isoWeekOf, mondayOf, periodOf, type Period } from "./period.js";
import { overdueLine, rankingLines } from "./report-text.js";
import type { ReportScope } from "./scope.js";
import { splitMessage } from "./split-message.js";
import { rankUnits, statsMoment, totalOf, unitStats, type UnitStats } from "./unit-stats.js";

/** Red and yellow items named each; beyond these they are counted. */
const LISTED_ITEMS = 10;

export interface BulletinData {
  week: string;
  /** Last week, whose work the ranking shows. */
  ranked: Period;
  units: UnitStats[];
  red: OverdueItem[];
  redCount: number;
  yellow: OverdueItem[];
  yellowCount: number;
  unsigned: Array<{ unitName: string; count: number }>;
  uncontacted: UncontactedTownship[];
}

export async function bulletinData(db: Db, regionId: number, settings: Pick<CountySettings, "timeZone" | "redAfterDays">, now: Date): Promise<BulletinData> {
  const zone = settings.timeZone;
  const scope: ReportScope = { kind: "county", regionId };
  const monday = mondayOf(localDateOf(now, zone));
  const ranked = periodOf({ kind: "range", from: addDays(monday, -7), to: addDays(monday, -1) }, now, zone);
  const moment = statsMoment(now, settings.redAfterDays);
  const [lastWeek, current, red, yellow, uncontacted] = await Promise.all([
    unitStats(db, scope, ranked, moment),
    unitStats(db, scope, null, moment),
    worstOverdue(db, scope, null, moment, zone, LISTED_ITEMS),
    worstOverdue(db, scope, null, moment, zone, LISTED_ITEMS, moment.redBefore),
    uncontactedByTownship(db, regionId, coverageWindow(now, zone).quarterStart),
  ]);
  const total = totalOf(current);
  return {
    week: isoWeekOf(monday),
    ranked,
    units: rankUnits(lastWeek),
    red: red.filter((item) => item.red),
    redCount: total.red,
    yellow,
    yellowCount: total.overdue - total.red,
    unsigned: rankUnits(current)
      .map((s) => ({ unitName: s.unitName, count: s.assigned - s.signed }))
      .filter((u) => u.count > 0)
      .sort((a, b) => b.count - a.count),
    uncontacted,
  };
}

function itemLines(t: T, items: readonly OverdueItem[], total: number, zone: string): string[] {
  const lines = items.map((item) => overdueLine(t, item, zone));
  return total > items.length ? [...lines, t("bulletin-more-items", { count: total - items.length })] : lines;
}

/** The messages of one bulletin, each within Telegram's limit. */
export function bulletinMessages(t: T, regionName: string, data: BulletinData, zone: string): string[] {
  const households = data.uncontacted.reduce((n, u) => n + u.households, 0);
  const lines = [
    t("bulletin-title", { region: escapeHtml(regionName), title: data.week }),
    "",
    t("bulletin-ranking", { title: `${data.ranked.from} – ${data.ranked.to}` }),
    ...(data.units.length === 0 ? [t("report-empty")] : rankingLines(t, data.units)),
    "",
    t("bulletin-red-yellow", { count: data.redCount, value: data.yellowCount }),
    ...itemLines(t, data.red, data.redCount, zone),
    ...itemLines(t, data.yellow, data.yellowCount, zone),
    "",
    t("bulletin-unsigned", { count: data.unsigned.length }),
    ...data.unsigned.map((u) => t("bulletin-unsigned-unit", { unit: escapeHtml(u.unitName), count: u.count })),
    "",
    t("bulletin-uncontacted", { count: households }),
    ...data.uncontacted.map((u) => t("bulletin-uncontacted-township", { name: escapeHtml(u.township ?? t("bulletin-no-township")), count: u.households })),
  ];
  return splitMessage(lines);
}
