// /report over a county of 100,000 assignments (BENCH_ASSIGNMENTS): the per-unit numbers,
// the worst overdue items, the trend, the text and both PNG charts, on a fresh SQLite file
// (or PostgreSQL with BENCH_PROVIDER=postgresql). The fastest of three rounds counts, since
// other work on a shared machine only ever slows a round down.
// Last line: `report: N assignments, X ms`.
import { createI18n } from "../src/bot/i18n.js";
import type { Db, Provider } from "../src/db/client.js";
import { bind } from "../src/messages/translate.js";
import { periodOf } from "../src/reports/period.js";
import { completionChart, trendChart } from "../src/reports/report-charts.js";
import { buildReport } from "../src/reports/report-data.js";
import { reportMessages } from "../src/reports/report-text.js";
import { createTestDatabase } from "../src/testing/databases.js";

const COUNT = Number(process.env.BENCH_ASSIGNMENTS ?? 100_000);
const UNITS = 60;
const PROVIDER: Provider = process.env.BENCH_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const NOW = new Date("2026-11-25T04:00:00Z");
const ZONE = "Asia/Shanghai";
const DAY = 86_400_000;
const STATES = ["assigned", "acknowledged", "in_progress", "done", "closed", "blocked"];
const CHUNK = 2000;

async function seed(db: Db): Promise<number> {
  const region = await db.region.create({ data: { name: "基准县" } });
  await db.unit.createMany({ data: Array.from({ length: UNITS }, (_, i) => ({ regionId: region.id, name: `第${i + 1}单位` })) });
  const units = await db.unit.findMany({ where: { regionId: region.id }, select: { id: true } });
  const meeting = await db.meeting.create({ data: { regionId: region.id, title: "基准会议", sourceText: "-", cleanedText: "-", contentHash: "bench", metadata: {}, state: "published" } });
  const directiveCount = Math.ceil(COUNT / UNITS);
  for (let start = 0; start < directiveCount; start += CHUNK) {
    const size = Math.min(CHUNK, directiveCount - start);
    await db.directive.createMany({ data: Array.from({ length: size }, (_, i) => ({ meetingId: meeting.id, position: start + i, text: `第${start + i + 1}项部署` })) });
  }
  const directives = await db.directive.findMany({ where: { meetingId: meeting.id }, select: { id: true }, orderBy: { id: "asc" } });
  for (let start = 0; start < COUNT; start += CHUNK) {
    const data = Array.from({ length: Math.min(CHUNK, COUNT - start) }, (_, k) => {
      const n = start + k;
      const assignedAt = new Date(NOW.getTime() - ((n * 7919) % 300) * DAY);
      const state = STATES[n % STATES.length] ?? "assigned";
      const finished = state === "done" || state === "closed";
      return {
        directiveId: directives[Math.floor(n / UNITS)]?.id ?? 0,
        unitId: units[n % UNITS]?.id ?? 0,
        state,
        assignedAt,
        dueAt: n % 10 === 0 ? null : new Date(assignedAt.getTime() + ((n * 31) % 60) * DAY),
        doneAt: finished ? new Date(assignedAt.getTime() + ((n * 17) % 70) * DAY) : null,
      };
    });
    await db.assignment.createMany({ data });
  }
  // One assignment in twenty asked for more time.
  const asked = await db.assignment.findMany({ where: { id: { gt: 0 } }, select: { id: true, assignedAt: true }, orderBy: { id: "asc" } });
  const extensions = asked.filter((_, i) => i % 20 === 0).map((a) => ({ assignmentId: a.id, requestedById: 1, requestedDueAt: NOW, reason: "-", createdAt: new Date(a.assignedAt.getTime() + DAY) }));
  for (let start = 0; start < extensions.length; start += CHUNK) await db.extensionRequest.createMany({ data: extensions.slice(start, start + CHUNK) });
  return region.id;
}

const database = await createTestDatabase(PROVIDER);
try {
  const regionId = await seed(database.db);
  // A live database has its statistics (autovacuum, SQLite's optimize); a freshly filled one needs them gathered.
  await database.db.$executeRawUnsafe(PROVIDER === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  const i18n = createI18n("zh-CN");
  const t = bind((locale, key, vars) => i18n.t(locale, key, vars), "zh-CN");
  // The whole year: every one of the assignments is in the report.
  const period = periodOf({ kind: "range", from: "2026-01-01", to: "2026-12-31" }, NOW, ZONE);
  const round = async (): Promise<{ ms: number; assigned: number }> => {
    const started = performance.now();
    const data = await buildReport(database.db, { kind: "county", regionId }, period, NOW, { timeZone: ZONE, redAfterDays: 3 });
    reportMessages(t, { region: "基准县", scope: t("report-scope-county") }, data, ZONE);
    await Promise.all([completionChart(t, "基准县", data), trendChart(t, "基准县", data)]);
    return { ms: performance.now() - started, assigned: data.total.assigned };
  };
  const rounds = [await round(), await round(), await round()];
  const best = rounds.reduce((a, b) => (b.ms < a.ms ? b : a));
  if (best.assigned !== COUNT) throw new Error(`the report counted ${best.assigned} assignments, expected ${COUNT}`);
  console.log(`${PROVIDER}; ${UNITS} units; rounds ${rounds.map((r) => Math.round(r.ms)).join(", ")} ms`);
  console.log(`report: ${COUNT} assignments, ${Math.round(best.ms)} ms`);
} finally {
  if (process.env.BENCH_KEEP) console.log(database.url); else await database.drop();
}
