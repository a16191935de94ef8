// Three dispatcher processes (src/cli/dispatcher.ts) on one PostgreSQL database, one of
// them killed with SIGKILL mid-run and restarted (F1, F2, F14): every row ends sent,
// duplicates are at most the sends that were on the wire at the kill.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { createEmulator } from "../../src/emulator/server.js";
import { EmulatorClient } from "../../src/emulator/client.js";
import { enqueue } from "../../src/scheduler/outbox.js";
import { createTestDatabase, postgresAvailable } from "../../src/testing/databases.js";
import { TOKEN } from "./harness.js";

function startDispatcher(databaseUrl: string, apiRoot: string, owner: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/dispatcher.ts", "--owner", owner, "--lease-ms", "12000", "--sending-lease-ms", "8000"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

const started = (child: ChildProcess): Promise<void> =>
  new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`dispatcher exited early with ${code}`)));
  });

const exited = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.once("exit", (code) => resolve(code)));

test("3 dispatcher processes on PostgreSQL, one killed -9 and restarted: 0 lost, duplicates ≤ sends in flight (F1, F2, F14)", { skip: !(await postgresAvailable()) && "PostgreSQL not reachable", timeout: 120_000 }, async () => {
  const database = await createTestDatabase("postgresql");
  const emulator = createEmulator({ tokens: [TOKEN], latencyMs: 50 });
  await emulator.listen();
  const client = new EmulatorClient(emulator.url);
  const children: ChildProcess[] = [];
  try {
    const users = await Promise.all(Array.from({ length: 150 }, (_, i) => client.createUser({ first_name: `u${i}`, startedBot: true })));
    const now = new Date();
    await enqueue(database, users.flatMap((u, i) => [0, 1].map((k) => ({
      address: String(u.id), kind: "test", payload: { text: `m${i}.${k}` }, dueAt: now, dedupeKey: `mp:${i}:${k}`,
    }))), now);
    for (const name of ["d1", "d2", "d3"]) children.push(startDispatcher(database.url, emulator.url, name));
    await Promise.all(children.map(started));
    const sentCount = async () => database.db.outboxMessage.count({ where: { state: "sent" } });
    while ((await sentCount()) < 60) await sleep(50);
    children[0]!.kill("SIGKILL");
    await exited(children[0]!);
    const inFlight = await database.db.outboxMessage.count({ where: { leaseOwner: "d1", state: "sending" } });
    children[0] = startDispatcher(database.url, emulator.url, "d1b");
    await started(children[0]);
    const deadline = Date.now() + 90_000;
    while ((await sentCount()) < 300 && Date.now() < deadline) await sleep(200);
    for (const child of children) child.kill("SIGTERM");
    const codes = await Promise.all(children.map(exited));
    assert.deepEqual(codes, [0, 0, 0], "SIGTERM exits cleanly");
    const rows = await database.db.outboxMessage.groupBy({ by: ["state"], _count: { _all: true } });
    assert.deepEqual(rows.map((r) => [r.state, r._count._all]), [["sent", 300]], "0 lost");
    const texts = (await client.requests({ method: "sendMessage" })).filter((r) => r.status === 200).map((r) => String(r.params["text"]));
    const duplicates = texts.length - new Set(texts).size;
    assert.equal(new Set(texts).size, 300);
    console.log(`multi-process: 300 sent, in flight at the kill ${inFlight}, duplicates ${duplicates}, flagged ${await database.db.outboxMessage.count({ where: { possibleDuplicate: true } })}`);
    assert.ok(duplicates <= inFlight, `duplicates ${duplicates} ≤ in flight ${inFlight}`);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await emulator.close();
    await database.drop();
  }
});
