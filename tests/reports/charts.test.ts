import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { createI18n } from "../../src/bot/i18n.js";
import { bind } from "../../src/messages/translate.js";
import { completionChartSvg } from "../../src/reports/chart-svg.js";
import { periodOf } from "../../src/reports/period.js";
import { completionChart, trendChart } from "../../src/reports/report-charts.js";
import { buildReport } from "../../src/reports/report-data.js";
import { ChartFontMissingError, renderPng } from "../../src/reports/render-png.js";
import { createTestDatabase } from "../../src/testing/databases.js";
import { NOW, seedReports } from "./fixture.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const widthOf = (png: Buffer) => png.readUInt32BE(16);
const heightOf = (png: Buffer) => png.readUInt32BE(20);

test("both charts render to PNG with Chinese labels and are saved for a look (artifacts/)", async () => {
  const database = await createTestDatabase("sqlite");
  try {
    const f = await seedReports(database.db);
    const data = await buildReport(database.db, { kind: "county", regionId: f.regionId }, periodOf({ kind: "month" }, NOW, "Asia/Shanghai"), NOW, { timeZone: "Asia/Shanghai", redAfterDays: 3 });
    const i18n = createI18n("zh-CN");
    const t = bind((locale, key, vars) => i18n.t(locale, key, vars), "zh-CN");
    const [completion, trend] = await Promise.all([completionChart(t, "云溪县 · 本月", data), trendChart(t, "云溪县 · 本月", data)]);
    mkdirSync("artifacts", { recursive: true });
    writeFileSync("artifacts/report-completion.png", completion);
    writeFileSync("artifacts/report-trend.png", trend);
    for (const png of [completion, trend]) assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(widthOf(completion), 860);
    assert.equal(heightOf(completion), 84 + data.units.length * 30 + 24, "one 30 px row per unit");
    assert.equal(heightOf(trend), 440);
  } finally {
    await database.drop();
  }
});

test("labels are escaped for SVG, and a missing font is a clear error rather than boxes", async () => {
  const svg = completionChartSvg({ title: "<甲&乙>", legend: { done: "a", open: "b", overdue: "c" }, bars: [{ label: "\"局\"", done: 1, open: 0, overdue: 0 }] });
  assert.match(svg, /&lt;甲&amp;乙&gt;/);
  assert.match(svg, /&quot;局&quot;/);
  await assert.rejects(renderPng(svg, ["/nonexistent/font.ttc"]), (err: unknown) => err instanceof ChartFontMissingError && /fonts-wqy-microhei/.test(err.message));
});
