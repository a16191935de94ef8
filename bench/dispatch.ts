// npm run bench:dispatch — reminders through the emulator at Telegram's limits (50 ms latency):
//   1. 2 dispatcher processes on PostgreSQL, 2. 1 dispatcher process on SQLite,
//   3. the crash test: 2 processes on PostgreSQL, one killed -9 mid-run and restarted (F1),
//   4. the baseline: the same workload through plain grammY api.sendMessage with
//      @grammyjs/auto-retry, one await after another, with a second bot token — after the
//      dispatch runs, so that they do not share the machine's cores,
//   5. the due query over 1,000,000 historical outbox rows on both databases (L5).
// The last line sums both dispatch runs (PostgreSQL and SQLite): the lower rate, the
// higher lateness. Options scale it down for a quick look:
//   --reminders 2000 --chats 500 --groups 10 --history 20000 --runs pg,baseline
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Api } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { EmulatorClient, type LoggedRequest } from "../src/emulator/client.js";
import { enqueue, type NewOutboxRow } from "../src/scheduler/outbox.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/databases.js";
import { describe, percent, runFigures, type RunFigures } from "./dispatch-figures.js";
import { measureDueQuery, peakRssMb, percentile, startChild, stopChild, stoppedStats, workload } from "./dispatch-setup.js";

const RUNS = ["pg", "sqlite", "crash", "baseline", "due"] as const;
const { values } = parseArgs({
  options: {
    reminders: { type: "string", default: "20000" },
    chats: { type: "string", default: "5000" },
    groups: { type: "string", default: "100" },
    latency: { type: "string", default: "50" },
    history: { type: "string", default: "1000000" },
    "crash-reminders": { type: "string", default: "3000" },
    runs: { type: "string", default: RUNS.join(",") },
  },
});
const REMINDERS = Number(values.reminders);
const runs = new Set(values.runs.split(","));
const TOKEN = "700000001:BenchDispatchTokenAAAAAAAAAAAAAAAAAA";
const BASELINE_TOKEN = "700000002:BenchBaselineTokenAAAAAAAAAAAAAAAAAA";
const LATENESS_ROWS = 300;
const FINAL = ["sent", "failed", "dead", "skipped"];

const log = (line: string): void => void process.stdout.write(`${line}\n`);

const emulatorProcess = await startChild("src/emulator/cli.ts", ["--port", "0", "--latency", values.latency, "--token", TOKEN, "--token", BASELINE_TOKEN], {}, /listening on (\S+)/);
const url = emulatorProcess.line[1] ?? "";
const client = new EmulatorClient(url);

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

const people = await inBatches(Array.from({ length: Number(values.chats) }, (_, i) => i), 50, (i) => client.createUser({ first_name: `干部${i}`, startedBot: true }));
const groups = await inBatches(Array.from({ length: Number(values.groups) }, (_, i) => i), 20, async (i) => {
  const group = await client.createGroup({ title: `督办群${i}`, memberIds: [people[i % people.length]?.id ?? 0] });
  // The baseline's bot joins too; the client's helper adds only the first bot, so the route is called directly.
  await fetch(`${url}/__emulator/groups/${group.id}/add-bot`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ botId: Number(BASELINE_TOKEN.split(":")[0]) }) });
  return group.id;
});
const privateIds = people.map((p) => p.id);
log(`workload: ${REMINDERS} reminders to ${privateIds.length} private chats and ${groups.length} groups, latency ${values.latency} ms`);

/** sendMessage calls of `token` logged since the previous call of this function. */
let journalSeen = 0;
async function newRequests(token: string): Promise<LoggedRequest[]> {
  const all = await client.requests({ method: "sendMessage", since: journalSeen });
  journalSeen = all.reduce((seen, r) => Math.max(seen, r.seq), journalSeen);
  const botId = Number(token.split(":")[0]);
  return all.filter((r) => r.botId === botId);
}

/** Waits until `count` rows of `kind` reached a final state; a bench that stalls fails instead of hanging. */
async function waitUntilFinal(database: TestDatabase, kind: string, count: number, atLeast = count): Promise<void> {
  const deadline = Date.now() + 120_000 + (count / 10) * 1000;
  for (;;) {
    const done = await database.db.outboxMessage.count({ where: { kind, state: { in: FINAL } } });
    if (done >= atLeast) return;
    if (Date.now() > deadline) throw new Error(`${kind}: only ${done} of ${count} rows final before the deadline`);
    await sleep(250);
  }
}

type Dispatchers = Awaited<ReturnType<typeof startDispatcher>>[];

function startDispatcher(database: TestDatabase, owner: string) {
  return startChild("src/cli/dispatcher.ts", ["--owner", owner], { DATABASE_URL: database.url, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: url, LOG_LEVEL: "warn" }, /started/);
}

/** Stops the dispatchers; resolves to their summed counts and their highest peak RSS. */
async function stopDispatchers(dispatchers: Dispatchers): Promise<{ stats: Record<string, number>; rssMb: number | null }> {
  const rss = dispatchers.map((d) => peakRssMb(d.child)).filter((mb): mb is number => mb !== null);
  await Promise.all(dispatchers.map((d) => stopChild(d.child)));
  const stats: Record<string, number> = {};
  for (const d of dispatchers) for (const [key, value] of Object.entries(stoppedStats(d.output()))) if (typeof value === "number") stats[key] = (stats[key] ?? 0) + value;
  return { stats, rssMb: rss.length > 0 ? Math.max(...rss) : null };
}

type DispatchFigures = RunFigures & { p99LatenessS: number };

async function dispatchRun(name: string, provider: "postgresql" | "sqlite", processes: number, tag: string): Promise<DispatchFigures> {
  const database = await createTestDatabase(provider);
  try {
    const rows = workload(REMINDERS, privateIds, groups, new Date(), tag);
    const enqueueStarted = performance.now();
    await enqueue(database, rows, new Date());
    const enqueueRate = REMINDERS / ((performance.now() - enqueueStarted) / 1000);
    const dispatchers = await Promise.all(Array.from({ length: processes }, (_, i) => startDispatcher(database, `${tag}-${i}`)));
    await waitUntilFinal(database, "bench", REMINDERS);
    // L6: rows that fall due while the dispatchers run, spread over 30 s.
    const start = Date.now() + 3000;
    const late: NewOutboxRow[] = Array.from({ length: LATENESS_ROWS }, (_, i) => ({
      address: String(privateIds[i % privateIds.length]), kind: "lateness", payload: { text: `${tag}-late ${i}` },
      dueAt: new Date(start + (i * 30_000) / LATENESS_ROWS), dedupeKey: `${tag}-late:${i}`,
    }));
    await enqueue(database, late, new Date());
    await waitUntilFinal(database, "lateness", LATENESS_ROWS);
    const { stats, rssMb } = await stopDispatchers(dispatchers);
    const sentLate = await database.db.outboxMessage.findMany({ where: { kind: "lateness" } });
    const lateness = sentLate.map((r) => ((r.sentAt?.getTime() ?? Date.now()) - r.dueAt.getTime()) / 1000);
    const result = { ...runFigures(await newRequests(TOKEN), tag, REMINDERS), p99LatenessS: percentile(lateness, 99) };
    const flagged = await database.db.outboxMessage.count({ where: { possibleDuplicate: true } });
    log(`${name}: ${describe(result, REMINDERS)}, flagged ${flagged}, late sends re-slotted ${stats["reslotted"] ?? 0}, `
      + `p99 lateness ${result.p99LatenessS.toFixed(1)} s, enqueue ${Math.round(enqueueRate)} rows/s${rssMb === null ? "" : `, peak RSS ${Math.round(rssMb)} MB per process`}`);
    return result;
  } finally {
    await database.drop();
  }
}

/** F1: one of two dispatchers on PostgreSQL killed -9 a third of the way, then restarted. */
async function crashRun(count: number): Promise<void> {
  const database = await createTestDatabase("postgresql");
  try {
    await enqueue(database, workload(count, privateIds, groups, new Date(), "crash"), new Date());
    const dispatchers = await Promise.all([0, 1].map((i) => startDispatcher(database, `crash-${i}`)));
    const killAfter = Math.floor(count / 3);
    await waitUntilFinal(database, "bench", count, killAfter);
    const victim = dispatchers[0];
    if (!victim) throw new Error("no dispatcher to kill");
    const exited = new Promise((resolve) => victim.child.once("exit", resolve));
    victim.child.kill("SIGKILL");
    await exited;
    const inFlight = await database.db.outboxMessage.count({ where: { leaseOwner: "crash-0", state: "sending" } });
    dispatchers[0] = await startDispatcher(database, "crash-0-restarted");
    await waitUntilFinal(database, "bench", count);
    await stopDispatchers(dispatchers);
    const figures = runFigures(await newRequests(TOKEN), "crash", count);
    const states = await database.db.outboxMessage.groupBy({ by: ["state"], _count: { _all: true } });
    const flagged = await database.db.outboxMessage.count({ where: { possibleDuplicate: true } });
    const failed = await database.db.outboxMessage.count({ where: { state: "failed", lastError: null } });
    log(`crash test (PostgreSQL, 2 dispatchers, one killed -9 after ${killAfter} sent, then restarted): ${figures.sent} sent, lost ${figures.lost}, `
      + `duplicates ${figures.duplicates} (≤ ${inFlight} sends in flight at the kill: ${figures.duplicates <= inFlight ? "yes" : "NO"}), flagged ${flagged}, `
      + `rows ${states.map((s) => `${s.state} ${s._count._all}`).join(", ")}${failed > 0 ? `, ${failed} failed without a reason` : ""}`);
  } finally {
    await database.drop();
  }
}

async function baselineRun(): Promise<RunFigures> {
  const api = new Api(BASELINE_TOKEN, { apiRoot: url });
  api.config.use(autoRetry());
  for (const row of workload(REMINDERS, privateIds, groups, new Date(), "base")) {
    await api.sendMessage(Number(row.address), row.payload.text).catch(() => undefined);
  }
  const result = runFigures(await newRequests(BASELINE_TOKEN), "base", REMINDERS);
  log(`baseline (grammY + auto-retry, one await after another): ${describe(result, REMINDERS)}`);
  return result;
}

try {
  const dispatched: DispatchFigures[] = [];
  if (runs.has("pg")) dispatched.push(await dispatchRun("PostgreSQL, 2 dispatchers", "postgresql", 2, "pg"));
  if (runs.has("sqlite")) dispatched.push(await dispatchRun("SQLite, 1 dispatcher", "sqlite", 1, "lite"));
  if (runs.has("crash")) await crashRun(Number(values["crash-reminders"]));
  const base = runs.has("baseline") ? await baselineRun() : null;
  if (runs.has("due")) {
    for (const provider of ["postgresql", "sqlite"] as const) {
      const database = await createTestDatabase(provider);
      try {
        const p99 = await measureDueQuery(database, Number(values.history), 10_000, new Date());
        log(`due query over ${Number(values.history).toLocaleString("en")} historical + 10,000 due rows on ${provider}: p99 ${p99.toFixed(1)} ms (target < ${provider === "postgresql" ? 50 : 100} ms)`);
      } finally {
        await database.drop();
      }
    }
  }
  if (dispatched.length > 0 && base !== null) {
    const sum = (pick: (f: DispatchFigures) => number): number => dispatched.reduce((total, f) => total + pick(f), 0);
    const rate = Math.min(...dispatched.map((f) => f.msgPerSecond));
    const limited = sum((f) => f.status429);
    log(`ratio to the baseline ${(rate / base.msgPerSecond).toFixed(2)}×, 429s ${percent(limited, sum((f) => f.sent))} of the sends`);
    log(`dispatch: ${sum((f) => f.sent)} sent, ${rate.toFixed(1)} msg/s, baseline ${base.msgPerSecond.toFixed(1)} msg/s, lost ${sum((f) => f.lost)}, duplicates ${sum((f) => f.duplicates)}, 429s ${limited}, p99 lateness ${Math.max(...dispatched.map((f) => f.p99LatenessS)).toFixed(1)} s`);
  }
} finally {
  await stopChild(emulatorProcess.child);
}
