// The two PNG charts of /report, labelled in the reader's language.
import type { T } from "../messages/translate.js";
import { completionChartSvg, trendChartSvg } from "./chart-svg.js";
import type { ReportData } from "./report-data.js";
import { renderPng } from "./render-png.js";

/**
 * More bars than this would make a tall image and a slow one (render-png.ts): beyond it
 * the best and the worst halves are drawn, and the text lists every unit.
 */
const CHARTED_UNITS = 20;

function chartedUnits(units: ReportData["units"]): ReportData["units"] {
  return units.length <= CHARTED_UNITS ? units : [...units.slice(0, CHARTED_UNITS / 2), ...units.slice(-CHARTED_UNITS / 2)];
}

export function completionChart(t: T, title: string, data: ReportData): Promise<Buffer> {
  const bars = chartedUnits(data.units).map((s) => ({
    label: s.unitName,
    done: s.done,
    open: s.assigned - s.done - s.overdue,
    overdue: s.overdue,
  }));
  const hidden = data.units.length - bars.length;
  return renderPng(completionChartSvg({
    title: `${title} · ${t("report-chart-completion")}`,
    legend: { done: t("report-legend-done"), open: t("report-legend-open"), overdue: t("report-legend-overdue") },
    bars,
    ...(hidden > 0 ? { footnote: t("report-chart-hidden", { count: hidden }) } : {}),
  }));
}

export function trendChart(t: T, title: string, data: ReportData): Promise<Buffer> {
  return renderPng(trendChartSvg({
    title: `${title} · ${t("report-chart-trend")}`,
    legend: { open: t("report-legend-unfinished"), done: t("report-legend-done") },
    points: data.trend.map((p) => ({ label: p.date.slice(5), open: p.open, done: p.done })),
  }));
}
