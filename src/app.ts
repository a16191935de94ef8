import { createServer, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { webhookCallback } from "grammy";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import type { Logger } from "./logger.js";
import type { Translate } from "./messages/translate.js";
import { ALLOWED_UPDATES, createBot } from "./bot/index.js";
import { startPolling } from "./bot/polling.js";
import { setDefaultCommands } from "./bot/commands.js";
import { startScheduler, type RunningScheduler } from "./scheduler/scheduler.js";
import { processChannelDispatchers, type ChannelTuning } from "./channels/start-channels.js";

export interface AppOptions {
  /** Provider windows, pacing and backoff of the WeCom, DingTalk and SMS dispatchers (tests scale them down). */
  channels?: ChannelTuning;
}

export interface RunningApp {
  database: Database;
  /** The outbox dispatchers (Telegram's, and with PII_KEY the other channels') and the cron ticks of this process. */
  scheduler: RunningScheduler;
  /** Resolves with the reason when receiving ended on its own (polling got 409 or 401); never in webhook mode. */
  stopped: Promise<string>;
  /** Stops receiving, lets in-flight updates finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts Duban: migrations, database, bot, then long polling (default) or a webhook
 * server when WEBHOOK_URL is set. Used by `npm start` and by the demo.
 */
export async function startApp(config: Config, clock: Clock, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const report = await migrate(config.DATABASE_URL);
  if (report.applied.length > 0) logger.info({ applied: report.applied }, "database migrated");
  const database = await openDatabase(config.DATABASE_URL);
  const { bot, i18n } = createBot(config, { db: database.db, clock, logger });
  await bot.init();
  await setDefaultCommands(bot.api, i18n, config.DEFAULT_LOCALE);
  const translate: Translate = (locale, key, variables) => i18n.t(locale, key, variables);
  const channels = processChannelDispatchers({
    piiKey: config.PII_KEY,
    store: database,
    clock,
    logger,
    translate,
    defaultLocale: config.DEFAULT_LOCALE,
    botUsername: bot.botInfo.username,
    tuning: options.channels,
  });
  const scheduler = startScheduler({
    store: database,
    clock,
    logger,
    translate,
    token: config.BOT_TOKEN ?? "",
    apiRoot: config.TELEGRAM_API_ROOT,
    defaultLocale: config.DEFAULT_LOCALE,
    timeZone: config.DEFAULT_TIME_ZONE,
    retentionDays: config.OUTBOX_RETENTION_DAYS,
    jobs: config.SCHEDULER_JOBS,
    extraDispatchers: channels,
  });

  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const server = await listenForWebhook(config, logger, webhookCallback(bot, "http", {
    secretToken: config.WEBHOOK_SECRET,
    // A slow handler answers Telegram in time and finishes on its own; a re-delivery is
    // skipped by update_id (F17). grammY's default would reject and crash the process.
    onTimeout: "return",
    timeoutMilliseconds: WEBHOOK_ANSWER_MS,
  }));
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ bot: bot.botInfo.username, port: config.WEBHOOK_PORT }, "webhook mode");
    return {
      database,
      scheduler,
      stopped: new Promise<string>(() => undefined),
      stop: async () => {
        await new Promise<void>((done) => server.close(() => done()));
        await scheduler.stop();
        await database.close();
      },
    };
  }

  await bot.api.deleteWebhook();
  const polling = startPolling(bot, logger);
  logger.info({ bot: bot.botInfo.username }, "long polling");
  return {
    database,
    scheduler,
    stopped: polling.stopped,
    stop: async () => {
      if (polling.handle.isRunning()) await polling.handle.stop();
      await drained(polling.handle, DRAIN_MS);
      await scheduler.stop();
      await database.close();
    },
  };
}

/** Telegram waits about 10 s for a webhook answer before it delivers the update again. */
const WEBHOOK_ANSWER_MS = 9_000;
/** How long a stop waits for updates already being handled (F20); the shutdown grace is 10 s. */
const DRAIN_MS = 8_000;

/** Resolves once the runner's updates in flight are handled, or after `ms`: closing the database under them would lose them. */
async function drained(runner: { size(): number }, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (runner.size() > 0 && Date.now() < deadline) await sleep(20);
}

async function listenForWebhook(
  config: Config,
  logger: Logger,
  handler: ReturnType<typeof webhookCallback<never, "http">>,
): Promise<Server> {
  const path = new URL(config.WEBHOOK_URL ?? "/", "http://localhost").pathname;
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res).catch((err: unknown) => {
      logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((done) => server.listen(config.WEBHOOK_PORT, config.WEBHOOK_HOST, () => done()));
  return server;
}
