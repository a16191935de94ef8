import { createServer, type Server } from "node:http";
import { webhookCallback } from "grammy";
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import type { Logger } from "./logger.js";
import { ALLOWED_UPDATES, createBot } from "./bot/index.js";
import { setDefaultCommands } from "./bot/commands.js";
import { startScheduler, type RunningScheduler } from "./scheduler/scheduler.js";

export interface RunningApp {
  database: Database;
  /** The outbox dispatcher and the cron ticks of this process. */
  scheduler: RunningScheduler;
  /** Stops receiving, lets in-flight updates finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts Duban: migrations, database, bot, then long polling (default) or a webhook
 * server when WEBHOOK_URL is set. Used by `npm start` and by the demo.
 */
export async function startApp(config: Config, clock: Clock, logger: Logger): Promise<RunningApp> {
  const report = await migrate(config.DATABASE_URL);
  if (report.applied.length > 0) logger.info({ applied: report.applied }, "database migrated");
  const database = await openDatabase(config.DATABASE_URL);
  const { bot, i18n } = createBot(config, { db: database.db, clock, logger });
  await bot.init();
  await setDefaultCommands(bot.api, i18n, config.DEFAULT_LOCALE);
  const scheduler = startScheduler({
    store: database,
    clock,
    logger,
    translate: (locale, key, variables) => i18n.t(locale, key, variables),
    token: config.BOT_TOKEN ?? "",
    apiRoot: config.TELEGRAM_API_ROOT,
    defaultLocale: config.DEFAULT_LOCALE,
    timeZone: config.DEFAULT_TIME_ZONE,
    retentionDays: config.OUTBOX_RETENTION_DAYS,
    jobs: config.SCHEDULER_JOBS,
  });

  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const server = await listenForWebhook(config, webhookCallback(bot, "http", { secretToken: config.WEBHOOK_SECRET }));
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ bot: bot.botInfo.username, port: config.WEBHOOK_PORT }, "webhook mode");
    return {
      database,
      scheduler,
      stop: async () => {
        await new Promise<void>((done) => server.close(() => done()));
        await scheduler.stop();
        await database.close();
      },
    };
  }

  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ bot: bot.botInfo.username }, "long polling");
  return {
    database,
    scheduler,
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      await scheduler.stop();
      await database.close();
    },
  };
}

async function listenForWebhook(
  config: Config,
  handler: ReturnType<typeof webhookCallback<never, "http">>,
): Promise<Server> {
  const path = new URL(config.WEBHOOK_URL ?? "/", "http://localhost").pathname;
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    void handler(req, res);
  });
  await new Promise<void>((done) => server.listen(config.WEBHOOK_PORT, config.WEBHOOK_HOST, () => done()));
  return server;
}
