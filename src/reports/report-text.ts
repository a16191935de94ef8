// The chat text of /report: totals, the units ranked, and the worst overdue items named.
// HTML: every name and directive text is escaped here.
import { escapeHtml } from "../bot/html.js";
import type { T } from "../messages/translate.js";
import { localDateOf } from "../time.js";
import type { OverdueItem } from "./overdue-items.js";
import type { Period } from "./period.js";
import type { ReportData } from "./report-data.js";
import { splitMessage } from "./split-message.js";
import { completionRate, onTimeRate, type UnitCounts, type UnitStats } from "./unit-stats.js";

/** Up to this many units are listed; beyond it the best and the worst halves. */
const LISTED_UNITS = 30;
const DIRECTIVE_CHARS = 40;

const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

export function clipText(text: string, max = DIRECTIVE_CHARS): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/** "本月 2026-11-01 – 2026-11-30" in the reader's language. */
export function periodLabel(t: T, period: Period): string {
  return `${t(`report-period-${period.kind}`)} ${period.from} – ${period.to}`;
}

export function statsLine(t: T, s: UnitCounts): string {
  return [
    `${t("report-col-assigned")} ${s.assigned}`,
    `${t("report-col-signed")} ${s.signed}`,
    `${t("report-col-in-progress")} ${s.inProgress}`,
    `${t("report-col-done")} ${s.done} (${pct(completionRate(s))})`,
    `${t("report-col-blocked")} ${s.blocked}`,
    `${t("report-col-overdue")} ${s.overdue}`,
    `${t("report-col-on-time")} ${pct(onTimeRate(s))}`,
    `${t("report-col-extensions")} ${s.extensions}`,
  ].join(" · ");
}

export function rankingLines(t: T, units: readonly UnitStats[]): string[] {
  const line = (s: UnitStats, i: number) => `${i + 1}. <b>${escapeHtml(s.unitName)}</b> ${statsLine(t, s)}`;
  if (units.length <= LISTED_UNITS) return units.map(line);
  const half = LISTED_UNITS / 2;
  return [
    ...units.slice(0, half).map(line),
    t("report-more-units", { count: units.length - LISTED_UNITS }),
    ...units.slice(-half).map((s, i) => line(s, units.length - half + i)),
  ];
}

export function overdueLine(t: T, item: OverdueItem, zone: string): string {
  return t("report-overdue-item", {
    colour: item.red ? "red" : "yellow",
    unit: escapeHtml(item.unitName),
    head: item.headName ? t("report-head", { name: escapeHtml(item.headName) }) : "",
    title: escapeHtml(clipText(item.directive)),
    days: item.daysLate,
    due: localDateOf(item.dueAt, zone),
  });
}

/** The messages of one report, each within Telegram's limit. */
export function reportMessages(t: T, heading: { region: string; scope: string }, data: ReportData, zone: string): string[] {
  const lines = [
    t("report-title", { region: escapeHtml(heading.region), title: escapeHtml(`${heading.scope} · ${periodLabel(t, data.period)}`) }),
  ];
  if (data.units.length === 0) return [...lines, t("report-empty")];
  lines.push(statsLine(t, data.total), "", t("report-ranking"), ...rankingLines(t, data.units), "", t("report-worst"));
  lines.push(...(data.worst.length === 0 ? [t("report-no-overdue")] : data.worst.map((item) => overdueLine(t, item, zone))));
  return splitMessage(lines);
}
