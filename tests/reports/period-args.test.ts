import { test } from "node:test";
import assert from "node:assert/strict";
import { isoWeekOf, mondayOf, parsePeriodSpec, periodOf, quarterStartOf } from "../../src/reports/period.js";
import { parseReportArgs } from "../../src/reports/report-args.js";
import { splitMessage } from "../../src/reports/split-message.js";
import { trendDays } from "../../src/reports/trend.js";
import { wallClockAsUtc, wallClockText } from "../../src/reports/wall-clock.js";

const NOW = new Date("2026-11-25T04:00:00Z");

test("ISO weeks, Mondays and quarters on the local calendar", () => {
  assert.equal(isoWeekOf("2026-01-01"), "2026-W01");
  assert.equal(isoWeekOf("2027-01-01"), "2026-W53");
  assert.equal(isoWeekOf("2024-12-30"), "2025-W01");
  assert.equal(isoWeekOf("2026-11-30"), "2026-W49");
  assert.equal(mondayOf("2026-11-29"), "2026-11-23");
  assert.equal(mondayOf("2026-11-30"), "2026-11-30");
  assert.equal(quarterStartOf("2026-11-25"), "2026-10-01");
  assert.equal(quarterStartOf("2026-03-31"), "2026-01-01");
});

test("periods start and end at local midnight", () => {
  const week = periodOf({ kind: "week" }, NOW, "Asia/Shanghai");
  assert.deepEqual([week.from, week.to, week.start.toISOString(), week.end.toISOString()], ["2026-11-23", "2026-11-29", "2026-11-22T16:00:00.000Z", "2026-11-29T16:00:00.000Z"]);
  const month = periodOf({ kind: "month" }, new Date("2026-02-10T00:00:00Z"), "America/New_York");
  assert.deepEqual([month.from, month.to, month.start.toISOString()], ["2026-02-01", "2026-02-28", "2026-02-01T05:00:00.000Z"]);
  // 23:30 on 31 December in Shanghai is still that month there.
  assert.equal(periodOf({ kind: "month" }, new Date("2026-12-31T15:30:00Z"), "Asia/Shanghai").from, "2026-12-01");
});

test("periods as typed", () => {
  assert.deepEqual(parsePeriodSpec("本周"), { kind: "week" });
  assert.deepEqual(parsePeriodSpec("This  Week"), { kind: "week" });
  assert.deepEqual(parsePeriodSpec("本月"), { kind: "month" });
  for (const text of ["2026-11-01..2026-11-20", "2026-11-01 至 2026-11-20", "2026-11-01~2026-11-20", "2026-11-01 2026-11-20"]) {
    assert.deepEqual(parsePeriodSpec(text), { kind: "range", from: "2026-11-01", to: "2026-11-20" }, text);
  }
  for (const text of ["2026-11-20..2026-11-01", "2026-02-30..2026-03-01", "2025-01-01..2026-12-31", "下周"]) assert.equal(parsePeriodSpec(text), null, text);
});

test("report arguments: scope words in three languages, the period at the end, a format anywhere", () => {
  assert.deepEqual(parseReportArgs(""), { ok: true, args: { scope: { kind: "auto" }, period: null, format: "xlsx" } });
  assert.deepEqual(parseReportArgs("县 本周"), { ok: true, args: { scope: { kind: "county", name: "" }, period: { kind: "week" }, format: "xlsx" } });
  assert.deepEqual(parseReportArgs("county 云溪 this month"), { ok: true, args: { scope: { kind: "county", name: "云溪" }, period: { kind: "month" }, format: "xlsx" } });
  assert.deepEqual(parseReportArgs("單位 縣財政局 本週"), { ok: true, args: { scope: { kind: "unit", name: "縣財政局" }, period: { kind: "week" }, format: "xlsx" } });
  assert.deepEqual(parseReportArgs("县财政局"), { ok: true, args: { scope: { kind: "unit", name: "县财政局" }, period: null, format: "xlsx" } });
  assert.deepEqual(parseReportArgs("csv meeting 12 2026-11-01 至 2026-11-20"), {
    ok: true, args: { scope: { kind: "meeting", ref: "12" }, period: { kind: "range", from: "2026-11-01", to: "2026-11-20" }, format: "csv" },
  });
  assert.deepEqual(parseReportArgs("单位"), { ok: false, reason: "bad-scope" });
  assert.deepEqual(parseReportArgs("2026-11-31..2026-12-01"), { ok: false, reason: "bad-period" });
});

test("long texts split between lines within Telegram's limit", () => {
  const lines = Array.from({ length: 300 }, (_, i) => `${i}. ${"很长的一行".repeat(10)}`);
  const parts = splitMessage(lines);
  assert.ok(parts.length > 1 && parts.every((p) => p.length <= 4096));
  assert.deepEqual(parts.join("\n").split("\n"), lines);
  assert.equal(splitMessage(["x".repeat(5000)])[0]?.length, 4096);
});

test("spreadsheet cells show the county's wall clock; the trend stops at today", () => {
  const instant = new Date("2026-11-30T16:30:00Z");
  assert.equal(wallClockAsUtc(instant, "Asia/Shanghai", false).toISOString(), "2026-12-01T00:00:00.000Z");
  assert.equal(wallClockText(instant, "Asia/Shanghai", true), "2026-12-01 00:30");
  assert.equal(wallClockText(instant, "America/Los_Angeles", true), "2026-11-30 08:30");
  const days = trendDays(periodOf({ kind: "month" }, NOW, "Asia/Shanghai"), NOW, "Asia/Shanghai");
  assert.deepEqual([days[0], days.at(-1), days.length], ["2026-11-01", "2026-11-25", 25]);
  const year = trendDays(periodOf({ kind: "range", from: "2026-01-01", to: "2026-12-31" }, NOW, "Asia/Shanghai"), NOW, "Asia/Shanghai");
  assert.ok(year.length <= 31 && year.at(-1) === "2026-11-25");
});
