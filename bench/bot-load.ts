// Helpers of bench/sqlite-contention.ts (F11) and bench/interactive.ts (L4): the emulator as a
// child process, the bot (startApp, as `npm start` runs it: long polling and the dispatcher of
// its process) in this one — so that measuring its database goes through its own connection
// and adds no second writer — people who write to it (src/testing/join-invites.ts), a
// broadcast in the outbox, and the figures read back from the emulator's request log.
import { execFile } from "node:child_process";
import { startApp, type RunningApp } from "../src/app.js";
import { systemClock } from "../src/clock.js";
import { loadConfig } from "../src/config.js";
import type { Provider } from "../src/db/client.js";
import { capturedLogger } from "../src/testing/captured-logger.js";
import { EmulatorClient, type LoggedRequest } from "../src/emulator/client.js";
import type { FloodLimits } from "../src/emulator/limits.js";
import { enqueue } from "../src/scheduler/outbox.js";
import { createTestDatabase } from "../src/testing/databases.js";
import { arrangeJoinInvites, broadcastRows, createPeople, JOINED_REPLY, type JoinInvites, type SentJoin } from "../src/testing/join-invites.js";
import { percentile, startChild, stopChild } from "./dispatch-setup.js";

export const BOT_TOKEN = "700000011:BenchBotLoadTokenAAAAAAAAAAAAAAAAAAA";
const BOT_ID = 700000011;

/** What a database lock reaching the application looks like in Prisma's and SQLite's words. */
export const LOCK_ERRORS = /database is locked|SQLITE_BUSY|timed out|P1008|P2034|Transaction API error/i;

export interface BotLoad {
  url: string;
  client: EmulatorClient;
  /** The bot's own connection: the broadcast and the probes go through it. */
  app: RunningApp;
  invites: JoinInvites;
  users: number[];
  /** Chats that receive the broadcast (not the people writing). */
  recipients: number[];
  /** Everything the bot logged (pino lines). */
  botOutput(): string;
  stop(): Promise<void>;
}

export interface BotLoadOptions {
  provider: Provider;
  latencyMs: number;
  /** Flood limits other than Telegram's (the SQLite bench lifts them off the database's way). */
  limits?: Partial<FloodLimits>;
  users: number;
  units: number;
  recipients: number;
}

export async function startBotLoad(options: BotLoadOptions): Promise<BotLoad> {
  const emulator = await startChild("src/emulator/cli.ts", ["--port", "0", "--latency", String(options.latencyMs), "--token", BOT_TOKEN], {}, /listening on (\S+)/);
  const url = emulator.line[1] ?? "";
  const client = new EmulatorClient(url);
  if (options.limits) await client.configure({ limits: options.limits });
  const database = await createTestDatabase(options.provider);
  const invites = await arrangeJoinInvites(database.db, systemClock, { units: options.units, users: options.users });
  const users = await createPeople(client, options.users, "用户");
  const recipients = await createPeople(client, options.recipients, "收件人", true);
  const loaded = loadConfig({ BOT_TOKEN, TELEGRAM_API_ROOT: url, DATABASE_URL: database.url, LOG_LEVEL: "info", SCHEDULER_JOBS: "false" });
  if (!loaded.ok) throw new Error(loaded.error);
  const { logger, text } = capturedLogger([BOT_TOKEN]);
  const app = await startApp(loaded.config, systemClock, logger);
  return {
    url, client, app, invites, users, recipients,
    botOutput: text,
    async stop() {
      await app.stop();
      await stopChild(emulator.child);
      await database.drop();
    },
  };
}

/** Every user redeems every invite, `perSecond` updates in all, sent from a child process (bench/join-sender.ts). */
export function sendJoinsApart(load: BotLoad, perSecond: number): Promise<SentJoin[]> {
  const work = JSON.stringify({ url: load.url, users: load.users, tokens: load.invites.tokens, rate: perSecond });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", "bench/join-sender.ts", work], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as SentJoin[]);
    });
  });
}

/** Queues one message per recipient, due now: the bot's dispatcher sends them at its pace. */
export async function queueBroadcast(load: BotLoad, tag: string): Promise<void> {
  const now = new Date();
  await enqueue(load.app.database, broadcastRows(load.recipients, tag, now), now);
  // What a planner's tick does: the dispatcher looks at the table now.
  load.app.scheduler.dispatcher.trigger();
}

/** The broadcast's successful sends, by the emulator's clock of arrival. */
export function broadcastSends(requests: readonly LoggedRequest[], tag: string): number[] {
  return requests.filter((r) => r.status === 200 && String(r.params["text"]).startsWith(`${tag} `)).map((r) => Date.parse(r.at));
}

export async function sentRequests(client: EmulatorClient): Promise<LoggedRequest[]> {
  return (await client.requests({ method: "sendMessage" })).filter((r) => r.botId === BOT_ID);
}

export interface ReplyFigures {
  answered: number;
  missing: number;
  /** Replies other than "joined": apologies, refusals. */
  otherReplies: number;
  /** Chats whose replies came in the order their messages were sent. */
  ordered: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** 429s Telegram answered to the bot's replies. */
  replies429: number;
}

/** Matches each sent update with its reply (the k-th "joined" reply in that chat names the k-th unit). */
export function replyFigures(load: BotLoad, sent: readonly SentJoin[], requests: readonly LoggedRequest[]): ReplyFigures {
  const latencies: number[] = [];
  let answered = 0;
  let otherReplies = 0;
  let ordered = 0;
  let replies429 = 0;
  for (const user of load.users) {
    const toUser = requests.filter((r) => Number(r.params["chat_id"]) === user);
    replies429 += toUser.filter((r) => r.status === 429).length;
    const delivered = toUser.filter((r) => r.status === 200);
    const joined = delivered.flatMap((r) => {
      const unit = JOINED_REPLY.exec(String(r.params["text"]))?.[1];
      return unit === undefined ? [] : [{ unit: load.invites.units.indexOf(unit), at: Date.parse(r.at) }];
    });
    otherReplies += delivered.length - joined.length;
    if (joined.every((j, i) => i === 0 || j.unit > (joined[i - 1]?.unit ?? -1))) ordered++;
    for (const s of sent.filter((x) => x.user === user)) {
      const reply = joined.find((j) => j.unit === s.unit);
      if (!reply) continue;
      answered++;
      latencies.push(reply.at - s.at);
    }
  }
  return {
    answered, missing: sent.length - answered, otherReplies, ordered, replies429,
    p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), p99Ms: percentile(latencies, 99),
  };
}
