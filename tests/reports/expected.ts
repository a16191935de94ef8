// The report's numbers counted row by row from plainly loaded rows: what the SQL is checked against.
import type { Db } from "../../src/db/client.js";
import type { Period } from "../../src/reports/period.js";
import type { ReportScope } from "../../src/reports/scope.js";
import { NOW } from "./fixture.js";

export const RED_AFTER_DAYS = 3;
export const OPEN = ["assigned", "acknowledged", "in_progress", "blocked"];
export const FINISHED = ["done", "closed"];

/** The same numbers, counted row by row in the test from plainly loaded rows. */
export async function expectedStats(db: Db, scope: ReportScope, period: Period) {
  const rows = await db.assignment.findMany({ include: { unit: true, directive: true, extensions: true } });
  const redBefore = NOW.getTime() - RED_AFTER_DAYS * 86_400_000;
  const inScope = rows.filter((a) => {
    if (a.unit.regionId !== scope.regionId) return false;
    if (scope.kind === "unit" && a.unitId !== scope.unitId) return false;
    if (scope.kind === "meeting" && a.directive.meetingId !== scope.meetingId) return false;
    const finishedAt = a.doneAt ?? a.closedAt ?? a.assignedAt;
    return a.assignedAt < period.end && !(FINISHED.includes(a.state) && finishedAt < period.start);
  });
  const byUnit = new Map<number, typeof inScope>();
  for (const a of inScope) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
  return [...byUnit.entries()].map(([unitId, list]) => {
    const overdue = (a: (typeof list)[number], before: number) => OPEN.includes(a.state) && a.dueAt !== null && a.dueAt.getTime() < before;
    return {
      unitId,
      unitName: list[0]?.unit.name ?? "",
      assigned: list.length,
      signed: list.filter((a) => a.state !== "assigned").length,
      inProgress: list.filter((a) => a.state === "in_progress").length,
      done: list.filter((a) => FINISHED.includes(a.state)).length,
      blocked: list.filter((a) => a.state === "blocked").length,
      overdue: list.filter((a) => overdue(a, NOW.getTime())).length,
      red: list.filter((a) => overdue(a, redBefore)).length,
      finishedWithDeadline: list.filter((a) => FINISHED.includes(a.state) && a.dueAt !== null).length,
      onTime: list.filter((a) => FINISHED.includes(a.state) && a.dueAt !== null && a.doneAt !== null && a.doneAt <= a.dueAt).length,
      extensions: list.flatMap((a) => a.extensions).filter((e) => e.createdAt >= period.start && e.createdAt < period.end).length,
    };
  }).sort((a, b) => a.unitId - b.unitId);
}
