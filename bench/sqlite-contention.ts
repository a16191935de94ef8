// npm run bench:sqlite — F11: on one SQLite file, the bot (with the dispatcher of its process
// sending a broadcast) takes 200 user updates a second, each redeeming an invite (one
// transaction). Telegram's flood limits are lifted so that the database is what is measured.
// A probe writes every 10 ms through the bot's own connection — a one-row insert like the
// update-id record every update starts with, and a read-then-write transaction like a
// redemption — and times them: the write latency an update meets.
// Prints the figures; the last line: `sqlite: N updates, p99 write X ms, lock errors 0`.
// Options: --users 100 --units 10 --rate 200 --broadcast 600 --latency 50.
import { parseArgs } from "node:util";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { percentile } from "./dispatch-setup.js";
import { broadcastSends, LOCK_ERRORS, queueBroadcast, replyFigures, sendJoinsApart, sentRequests, startBotLoad, type BotLoad } from "./bot-load.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100" },
    units: { type: "string", default: "10" },
    rate: { type: "string", default: "200" },
    broadcast: { type: "string", default: "600" },
    latency: { type: "string", default: "50" },
  },
});
const RATE = Number(values.rate);
const log = (line: string): void => void process.stdout.write(`${line}\n`);

interface ProbeFigures {
  /** Durations (ms) of single-row inserts, like the update-id record every update starts with. */
  inserts: number[];
  /** Durations (ms) of read-then-write transactions, like an invite's redemption. */
  transactions: number[];
}

/** Every `everyMs`, one insert and one transaction through the bot's connection, timed, until stopped. */
function probeWrites(load: BotLoad, everyMs: number): { stop(): Promise<ProbeFigures> } {
  const figures: ProbeFigures = { inserts: [], transactions: [] };
  const { db } = load.app.database;
  let running = true;
  const timed = async (into: number[], write: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await write();
    into.push(performance.now() - started);
  };
  const loop = (async () => {
    for (let i = 1; running; i += 2) {
      const started = performance.now();
      await timed(figures.inserts, () => db.processedUpdate.create({ data: { botId: 1n, updateId: BigInt(i), createdAt: new Date() } }));
      await timed(figures.transactions, () => db.$transaction(async (tx) => {
        await tx.processedUpdate.findUnique({ where: { botId_updateId: { botId: 1n, updateId: BigInt(i) } } });
        await tx.processedUpdate.create({ data: { botId: 1n, updateId: BigInt(i + 1), createdAt: new Date() } });
      }));
      await sleep(Math.max(0, everyMs - (performance.now() - started)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return figures;
    },
  };
}

const ms = (values: number[], p: number): string => percentile(values, p).toFixed(1);

const load = await startBotLoad({
  provider: "sqlite",
  latencyMs: Number(values.latency),
  limits: { perTokenPerSecond: 100_000, privateBurst: 100_000, privatePerSecond: 100_000 },
  users: Number(values.users),
  units: Number(values.units),
  recipients: Number(values.broadcast),
});
try {
  const updates = load.users.length * load.invites.tokens.length;
  log(`workload: ${updates} updates from ${load.users.length} people at ${RATE}/s, a broadcast of ${load.recipients.length}, SQLite, latency ${values.latency} ms, flood limits lifted`);
  await queueBroadcast(load, "f11");
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const probe = probeWrites(load, 10);
  const started = performance.now();
  const sent = await sendJoinsApart(load, RATE);
  const sendingS = (performance.now() - started) / 1000;
  const deadline = Date.now() + 120_000;
  const replied = async () => (await sentRequests(load.client)).filter((r) => r.status === 200 && load.users.includes(Number(r.params["chat_id"]))).length;
  while ((await replied()) < updates && Date.now() < deadline) await sleep(250);
  const writes = await probe.stop();
  const requests = await sentRequests(load.client);
  const replies = replyFigures(load, sent, requests);
  const broadcast = broadcastSends(requests, "f11").length;
  const output = load.botOutput();
  const lockErrors = output.split("\n").filter((line) => LOCK_ERRORS.test(line)).length;
  const failedUpdates = output.split("\n").filter((line) => line.includes("update handling failed")).length;
  log(`updates: ${updates} sent in ${sendingS.toFixed(1)} s (${(updates / sendingS).toFixed(0)}/s), answered ${replies.answered}, missing ${replies.missing}, other replies ${replies.otherReplies}, in order in ${replies.ordered}/${load.users.length} chats`);
  log(`replies: p50 ${replies.p50Ms} ms, p99 ${replies.p99Ms} ms; broadcast sent meanwhile ${broadcast}/${load.recipients.length}`);
  lag.disable();
  log(`probe inserts: ${writes.inserts.length}, p50 ${ms(writes.inserts, 50)} ms, p99 ${ms(writes.inserts, 99)} ms`);
  log(`probe transactions (read, then write): ${writes.transactions.length}, p50 ${ms(writes.transactions, 50)} ms, p99 ${ms(writes.transactions, 99)} ms (target p99 < 200 ms)`);
  log(`the bot's event loop: delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`);
  log(`bot log: ${lockErrors} lock errors, ${failedUpdates} failed updates`);
  log(`sqlite: ${updates} updates, p99 write ${ms(writes.transactions, 99)} ms, lock errors ${lockErrors}`);
} finally {
  await load.stop();
}
