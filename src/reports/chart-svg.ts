// The two report charts as SVG text, drawn by hand: a 100 % stacked bar per unit (done,
// open, overdue) and a line chart of open against done over time. Text uses the CJK
// font that render-png.ts loads, so Chinese labels render as glyphs, not boxes.

export const CHART_FONT_FAMILY = "WenQuanYi Micro Hei";

const COLOURS = { done: "#2e7d32", open: "#1e88e5", overdue: "#d32f2f", grid: "#e0e0e0", axis: "#616161", text: "#212121" } as const;

export interface CompletionBar {
  label: string;
  done: number;
  /** Open and not yet overdue. */
  open: number;
  overdue: number;
}

export interface CompletionChart {
  title: string;
  legend: { done: string; open: string; overdue: string };
  bars: readonly CompletionBar[];
  /** A line under the bars, e.g. "and 12 more units". */
  footnote?: string;
}

export interface TrendChart {
  title: string;
  legend: { open: string; done: string };
  points: ReadonlyArray<{ label: string; open: number; done: number }>;
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function clip(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;
}

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
}

/** A title longer than this (a meeting's full name) would run off the image. */
const TITLE_CHARS = 36;

function heading(title: string): string {
  return text(24, 36, clip(title, TITLE_CHARS), `font-size="22" font-weight="bold"`);
}

function svgDocument(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}" fill="${COLOURS.text}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    `</svg>`,
  ].join("\n");
}

function legend(x: number, y: number, entries: ReadonlyArray<[string, string]>): string[] {
  let cursor = x;
  return entries.flatMap(([colour, label]) => {
    const parts = [`<rect x="${cursor}" y="${y - 12}" width="14" height="14" fill="${colour}"/>`, text(cursor + 20, y, label, `font-size="14"`)];
    cursor += 40 + [...label].length * 15;
    return parts;
  });
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function completionChartSvg(chart: CompletionChart): string {
  const [width, labelWidth, barWidth, rowHeight, top] = [860, 230, 540, 30, 84];
  const height = top + chart.bars.length * rowHeight + (chart.footnote ? 50 : 24);
  const body = [
    heading(chart.title),
    ...legend(24, 66, [[COLOURS.done, chart.legend.done], [COLOURS.open, chart.legend.open], [COLOURS.overdue, chart.legend.overdue]]),
  ];
  chart.bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const total = bar.done + bar.open + bar.overdue;
    body.push(text(labelWidth - 10, y + 19, clip(bar.label, 12), `font-size="15" text-anchor="end"`));
    let x = labelWidth;
    for (const [value, colour] of [[bar.done, COLOURS.done], [bar.open, COLOURS.open], [bar.overdue, COLOURS.overdue]] as const) {
      const w = total === 0 ? 0 : (value / total) * barWidth;
      if (w > 0) body.push(`<rect x="${x.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowHeight - 10}" fill="${colour}"/>`);
      x += w;
    }
    if (total === 0) body.push(`<rect x="${labelWidth}" y="${y + 5}" width="${barWidth}" height="${rowHeight - 10}" fill="${COLOURS.grid}"/>`);
    body.push(text(labelWidth + barWidth + 12, y + 19, `${percent(bar.done, total)}%`, `font-size="14"`));
  });
  if (chart.footnote) body.push(text(24, height - 18, chart.footnote, `font-size="14" fill="${COLOURS.axis}"`));
  return svgDocument(width, height, body);
}

/** 1, 2, 5 × 10ⁿ: the smallest such step that splits `max` into at most `ticks` parts. */
function niceStep(max: number, ticks: number): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
}

export function trendChartSvg(chart: TrendChart): string {
  const [width, height, left, right, top, bottom] = [960, 440, 80, 30, 84, 60];
  const [plotW, plotH] = [width - left - right, height - top - bottom];
  const max = Math.max(1, ...chart.points.flatMap((p) => [p.open, p.done]));
  const step = niceStep(max, 5);
  const yMax = Math.ceil(max / step) * step;
  const xOf = (i: number) => left + (chart.points.length <= 1 ? plotW / 2 : (i / (chart.points.length - 1)) * plotW);
  const yOf = (v: number) => top + plotH - (v / yMax) * plotH;
  const body = [
    heading(chart.title),
    ...legend(24, 66, [[COLOURS.open, chart.legend.open], [COLOURS.done, chart.legend.done]]),
  ];
  for (let v = 0; v <= yMax; v += step) {
    body.push(`<line x1="${left}" y1="${yOf(v)}" x2="${left + plotW}" y2="${yOf(v)}" stroke="${COLOURS.grid}"/>`);
    body.push(text(left - 10, yOf(v) + 5, String(v), `font-size="13" text-anchor="end" fill="${COLOURS.axis}"`));
  }
  body.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="${COLOURS.axis}"/>`);
  const labelEvery = Math.ceil(chart.points.length / 10);
  chart.points.forEach((p, i) => {
    if (i % labelEvery === 0 || i === chart.points.length - 1) body.push(text(xOf(i), top + plotH + 24, p.label, `font-size="13" text-anchor="middle" fill="${COLOURS.axis}"`));
  });
  for (const [key, colour] of [["open", COLOURS.open], ["done", COLOURS.done]] as const) {
    const coords = chart.points.map((p, i) => `${xOf(i).toFixed(1)},${yOf(p[key]).toFixed(1)}`);
    body.push(`<polyline points="${coords.join(" ")}" fill="none" stroke="${colour}" stroke-width="3"/>`);
    chart.points.forEach((p, i) => body.push(`<circle cx="${xOf(i).toFixed(1)}" cy="${yOf(p[key]).toFixed(1)}" r="4" fill="${colour}"/>`));
  }
  return svgDocument(width, height, body);
}
