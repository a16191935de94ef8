// Helpers of bench/dispatch.ts: child processes (the emulator, dispatchers), the
// workload, and the due-query measurement over a million historical outbox rows.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Database } from "../src/db/client.js";
import type { NewOutboxRow } from "../src/scheduler/outbox.js";
import { execute, queryRows, type Store } from "../src/scheduler/raw-sql.js";

/** Starts a child running a TypeScript entry point; resolves once its stdout printed `ready`. */
export function startChild(entry: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; output: () => string; line: RegExpMatchArray }> {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = ready.exec(output);
      if (line) resolve({ child, output: () => output, line });
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
  });
}

/** Peak resident memory of a running child in MB (Linux /proc), or null where unknown. */
export function peakRssMb(child: ChildProcess): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** The counts a dispatcher process prints as JSON when it stops (src/cli/dispatcher.ts). */
export function stoppedStats(output: string): Record<string, unknown> {
  const line = output.split("\n").reverse().find((l) => l.startsWith("{"));
  return line === undefined ? {} : (JSON.parse(line) as Record<string, unknown>);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A deterministic shuffle, so every run (and the baseline) sends in the same order. */
export function shuffled<T>(items: T[], seed = 42): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `count` rows: 95% to the private chats, 5% to the groups, interleaved. */
export function workload(count: number, privateChats: number[], groups: number[], due: Date, tag: string): NewOutboxRow[] {
  const rows = Array.from({ length: count }, (_, i): NewOutboxRow => {
    const toGroup = groups.length > 0 && i % 20 === 19;
    const address = toGroup ? groups[Math.floor(i / 20) % groups.length] : privateChats[i % privateChats.length];
    return { address: String(address), kind: "bench", payload: { text: `${tag} reminder ${i}` }, dueAt: due, dedupeKey: `${tag}:${i}` };
  });
  return shuffled(rows);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const HISTORY_SQLITE = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
INSERT INTO "OutboxMessage" ("channel", "address", "kind", "payload", "dueAt", "nextAttemptAt", "state", "attempts", "possibleDuplicate", "late", "dedupeKey", "sentAt", "createdAt")
SELECT 'telegram', CAST(100000 + i % 5000 AS TEXT), 'history', '{"text":"old"}', $2, $2, 'sent', 1, 0, 0, 'h:' || i, $2, $2 FROM n`;

const HISTORY_POSTGRES = `INSERT INTO "OutboxMessage" ("channel", "address", "kind", "payload", "dueAt", "nextAttemptAt", "state", "attempts", "possibleDuplicate", "late", "dedupeKey", "sentAt", "createdAt")
SELECT 'telegram', (100000 + i % 5000)::text, 'history', '{"text":"old"}'::jsonb, $2, $2, 'sent', 1, false, false, 'h:' || i, $2, $2 FROM generate_series(1, $1) AS i`;

const DUE_QUERY = `SELECT "id" FROM "OutboxMessage" WHERE "state" = 'pending' AND "nextAttemptAt" <= $1 AND "channel" = 'telegram'
  AND "address" NOT IN (SELECT "address" FROM "OutboxMessage" WHERE "state" IN ('claimed', 'sending') AND "leaseOwner" <> 'bench' AND "channel" = 'telegram')
  ORDER BY "nextAttemptAt" LIMIT 60`;

/** L5: 1,000,000 sent rows plus `due` pending ones; resolves to the due query's p99 in ms. */
export async function measureDueQuery(database: Database, historical: number, due: number, now: Date): Promise<number> {
  const store: Store = database;
  const old = new Date(now.getTime() - 30 * 86_400_000);
  await execute(store, store.provider === "postgresql" ? HISTORY_POSTGRES : HISTORY_SQLITE, historical, old);
  const pending = Array.from({ length: due }, (_, i) => i);
  for (let start = 0; start < pending.length; start += 500) {
    const chunk = pending.slice(start, start + 500);
    await execute(store, `INSERT INTO "OutboxMessage" ("channel", "address", "kind", "payload", "dueAt", "nextAttemptAt", "dedupeKey", "state", "attempts", "possibleDuplicate", "late", "createdAt")
      VALUES ${chunk.map((_, k) => `('telegram', $${k * 2 + 1}, 'due', '{"text":"due"}', $${chunk.length * 2 + 1}, $${chunk.length * 2 + 1}, $${k * 2 + 2}, 'pending', 0, $${chunk.length * 2 + 2}, $${chunk.length * 2 + 2}, $${chunk.length * 2 + 1})`).join(", ")}`,
      ...chunk.flatMap((i) => [String(200000 + i), `d:${i}`]), new Date(now.getTime() - 60_000), false);
  }
  await execute(store, store.provider === "postgresql" ? `ANALYZE "OutboxMessage"` : `ANALYZE`);
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await queryRows(store, DUE_QUERY, now);
    if (i >= 10) times.push(performance.now() - started);
  }
  return percentile(times, 99);
}
