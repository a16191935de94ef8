// npm run bench:dispatch — reminders through the emulator at Telegram's limits (50 ms latency):
//   1. 2 dispatcher processes on PostgreSQL, 2. 1 dispatcher process on SQLite,
//   3. the baseline: the same workload through plain grammY api.sendMessage with
//      @grammyjs/auto-retry, one await after another — run at the same time as 1 with a
//      second bot token (Telegram's limits are per token, so they do not share a budget);
//   4. the due query over 1,000,000 historical outbox rows on both databases (L5).
// Options scale it down for a quick look: --reminders 2000 --chats 500 --groups 10.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Api } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { EmulatorClient, type LoggedRequest } from "../src/emulator/client.js";
import { enqueue, type NewOutboxRow } from "../src/scheduler/outbox.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/databases.js";
import { measureDueQuery, percentile, startChild, stopChild, workload } from "./dispatch-setup.js";

const { values } = parseArgs({
  options: {
    reminders: { type: "string", default: "20000" },
    chats: { type: "string", default: "5000" },
    groups: { type: "string", default: "100" },
    latency: { type: "string", default: "50" },
    history: { type: "string", default: "1000000" },
  },
});
const REMINDERS = Number(values.reminders);
const TOKEN = "700000001:BenchDispatchTokenAAAAAAAAAAAAAAAAAA";
const BASELINE_TOKEN = "700000002:BenchBaselineTokenAAAAAAAAAAAAAAAAAA";
const LATENESS_ROWS = 300;

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

async function botRequests(token: string): Promise<LoggedRequest[]> {
  const botId = Number(token.split(":")[0]);
  return (await client.requests({ method: "sendMessage" })).filter((r) => r.botId === botId);
}

interface RunFigures {
  sent: number;
  msgPerSecond: number;
  lost: number;
  duplicates: number;
  status429: number;
  p99LatenessS: number;
}

function figures(requests: LoggedRequest[], tag: string, expected: number): Omit<RunFigures, "p99LatenessS"> {
  const mine = requests.filter((r) => String(r.params["text"]).startsWith(`${tag} `));
  const ok = mine.filter((r) => r.status === 200);
  const times = mine.map((r) => Date.parse(r.at));
  const seconds = (Math.max(...times) - Math.min(...times)) / 1000 || 1;
  const texts = ok.map((r) => String(r.params["text"]));
  const unique = new Set(texts).size;
  const limited = mine.filter((r) => r.status === 429);
  if (limited.length > 0) log(`  429s of ${tag}: ${limited.filter((r) => String(r.params["chat_id"]).startsWith("-")).length} to groups, ${limited.filter((r) => !String(r.params["chat_id"]).startsWith("-")).length} to private chats`);
  return { sent: unique, msgPerSecond: ok.length / seconds, lost: expected - unique, duplicates: texts.length - unique, status429: limited.length };
}

async function waitUntilSent(database: TestDatabase, kind: string, count: number): Promise<void> {
  for (;;) {
    const sent = await database.db.outboxMessage.count({ where: { kind, state: { in: ["sent", "failed", "dead", "skipped"] } } });
    if (sent >= count) return;
    await sleep(500);
  }
}

async function dispatchRun(name: string, database: TestDatabase, processes: number, tag: string): Promise<RunFigures> {
  const rows = workload(REMINDERS, privateIds, groups, new Date(), tag);
  const enqueueStarted = performance.now();
  await enqueue(database, rows, new Date());
  const enqueueRate = REMINDERS / ((performance.now() - enqueueStarted) / 1000);
  const dispatchers = await Promise.all(Array.from({ length: processes }, (_, i) =>
    startChild("src/cli/dispatcher.ts", ["--owner", `${tag}-${i}`], { DATABASE_URL: database.url, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: url, LOG_LEVEL: "warn" }, /started/)));
  await waitUntilSent(database, "bench", REMINDERS);
  // L6: rows that fall due while the dispatchers run, spread over 30 s.
  const start = Date.now() + 3000;
  const late: NewOutboxRow[] = Array.from({ length: LATENESS_ROWS }, (_, i) => ({
    address: String(privateIds[i % privateIds.length]), kind: "lateness", payload: { text: `${tag}-late ${i}` },
    dueAt: new Date(start + (i * 30_000) / LATENESS_ROWS), dedupeKey: `${tag}-late:${i}`,
  }));
  await enqueue(database, late, new Date());
  await waitUntilSent(database, "lateness", LATENESS_ROWS);
  await Promise.all(dispatchers.map((d) => stopChild(d.child)));
  const sentLate = await database.db.outboxMessage.findMany({ where: { kind: "lateness" } });
  const lateness = sentLate.map((r) => ((r.sentAt?.getTime() ?? Date.now()) - r.dueAt.getTime()) / 1000);
  const result = { ...figures(await botRequests(TOKEN), tag, REMINDERS), p99LatenessS: percentile(lateness, 99) };
  const flagged = await database.db.outboxMessage.count({ where: { possibleDuplicate: true } });
  log(`${name}: ${result.sent} sent, ${result.msgPerSecond.toFixed(1)} msg/s, lost ${result.lost}, duplicates ${result.duplicates} (flagged ${flagged}), 429s ${result.status429} (${((100 * result.status429) / REMINDERS).toFixed(2)}%), p99 lateness ${result.p99LatenessS.toFixed(1)} s, enqueue ${Math.round(enqueueRate)} rows/s`);
  return result;
}

async function baselineRun(): Promise<RunFigures> {
  const api = new Api(BASELINE_TOKEN, { apiRoot: url });
  api.config.use(autoRetry());
  for (const row of workload(REMINDERS, privateIds, groups, new Date(), "base")) {
    await api.sendMessage(Number(row.address), row.payload.text).catch(() => undefined);
  }
  const result = { ...figures(await botRequests(BASELINE_TOKEN), "base", REMINDERS), p99LatenessS: 0 };
  log(`baseline (grammY + auto-retry): ${result.sent} sent, ${result.msgPerSecond.toFixed(1)} msg/s, lost ${result.lost}, duplicates ${result.duplicates}, 429s ${result.status429}`);
  return result;
}

try {
  const baseline = baselineRun();
  const pg = await createTestDatabase("postgresql");
  const primary = await dispatchRun("PostgreSQL, 2 dispatchers", pg, 2, "pg").finally(() => pg.drop());
  const sqlite = await createTestDatabase("sqlite");
  await dispatchRun("SQLite, 1 dispatcher", sqlite, 1, "lite").finally(() => sqlite.drop());
  const base = await baseline;
  for (const provider of ["postgresql", "sqlite"] as const) {
    const database = await createTestDatabase(provider);
    try {
      const p99 = await measureDueQuery(database, Number(values.history), 10_000, new Date());
      log(`due query over ${Number(values.history).toLocaleString("en")} historical + 10,000 due rows on ${provider}: p99 ${p99.toFixed(1)} ms (target < ${provider === "postgresql" ? 50 : 100} ms)`);
    } finally {
      await database.drop();
    }
  }
  log(`dispatch: ${primary.sent} sent, ${primary.msgPerSecond.toFixed(1)} msg/s, baseline ${base.msgPerSecond.toFixed(1)} msg/s, lost ${primary.lost}, duplicates ${primary.duplicates}, 429s ${primary.status429}, p99 lateness ${primary.p99LatenessS.toFixed(1)} s`);
} finally {
  await stopChild(emulatorProcess.child);
}
