import assert from "node:assert/strict";
import { periodOf, type Period } from "../../src/reports/period.js";
import { buildReport } from "../../src/reports/report-data.js";
import type { ReportScope } from "../../src/reports/scope.js";
import { statsMoment, unitStats } from "../../src/reports/unit-stats.js";
import { onBothDatabases } from "../org/helpers.js";
import { expectedStats, FINISHED, OPEN, RED_AFTER_DAYS } from "./expected.js";
import { NOW, seedReports } from "./fixture.js";

const ZONE = "Asia/Shanghai";

onBothDatabases("report numbers", {
  "per-unit counts equal counts made independently from the rows": async (database) => {
    const { db } = database;
    const f = await seedReports(db);
    const cases: Array<[ReportScope, Period]> = [
      [{ kind: "county", regionId: f.regionId }, periodOf({ kind: "month" }, NOW, ZONE)],
      [{ kind: "county", regionId: f.regionId }, periodOf({ kind: "week" }, NOW, ZONE)],
      [{ kind: "county", regionId: f.regionId }, periodOf({ kind: "range", from: "2026-10-01", to: "2026-10-31" }, NOW, ZONE)],
      [{ kind: "unit", regionId: f.regionId, unitId: f.unitIds[0] ?? 0 }, periodOf({ kind: "month" }, NOW, ZONE)],
      [{ kind: "meeting", regionId: f.regionId, meetingId: f.meetingIds[1] ?? 0 }, periodOf({ kind: "range", from: "2026-09-01", to: "2026-12-31" }, NOW, ZONE)],
    ];
    for (const [scope, period] of cases) {
      const actual = (await unitStats(db, scope, period, statsMoment(NOW, RED_AFTER_DAYS)))
        .sort((a, b) => a.unitId - b.unitId);
      const want = await expectedStats(db, scope, period);
      assert.ok(want.length > 0, "the case has data");
      assert.deepEqual(actual, want, `${scope.kind} ${period.from}..${period.to}`);
    }
  },

  "the report ranks units, names the longest overdue first and ends the trend at the present": async (database) => {
    const { db } = database;
    const f = await seedReports(db);
    const report = await buildReport(db, { kind: "county", regionId: f.regionId }, periodOf({ kind: "month" }, NOW, ZONE), NOW, { timeZone: ZONE, redAfterDays: RED_AFTER_DAYS });
    const rates = report.units.map((u) => u.done / u.assigned);
    assert.deepEqual(rates, [...rates].sort((a, b) => b - a));
    const rows = await db.assignment.findMany({ orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
    const inPeriod = rows.filter((a) => a.assignedAt < report.period.end && !(FINISHED.includes(a.state) && (a.doneAt ?? a.closedAt ?? a.assignedAt) < report.period.start));
    const overdue = inPeriod.filter((a) => OPEN.includes(a.state) && a.dueAt !== null && a.dueAt < NOW);
    assert.deepEqual(report.worst.map((w) => w.assignmentId), overdue.slice(0, 5).map((a) => a.id));
    assert.ok(report.worst.every((w) => w.daysLate >= 0 && w.red === w.dueAt.getTime() < NOW.getTime() - RED_AFTER_DAYS * 86_400_000));
    assert.equal(report.worst[0]?.headName ?? null, (await db.unit.findFirst({ where: { name: report.worst[0]?.unitName ?? "" }, include: { head: true } }))?.head?.name ?? null);

    assert.equal(report.trend.length, 25, "November 1st to today");
    assert.equal(report.trend.at(-1)?.date, "2026-11-25");
    for (const point of report.trend) {
      const endOfDay = Math.min(NOW.getTime(), Date.parse(`${point.date}T16:00:00Z`));
      const finishedBy = (a: (typeof rows)[number]) => FINISHED.includes(a.state) && (a.doneAt ?? a.closedAt ?? a.assignedAt).getTime() < endOfDay;
      assert.equal(point.done, inPeriod.filter(finishedBy).length, `done ${point.date}`);
      assert.equal(point.open, inPeriod.filter((a) => a.assignedAt.getTime() < endOfDay && !finishedBy(a)).length, `open ${point.date}`);
    }
  },
});
