// A process that only dispatches the outbox (and, with --jobs, plans and purges): run one
// beside the bot, or several against one PostgreSQL database. Configuration comes from the
// environment like the bot's (DATABASE_URL, BOT_TOKEN, TELEGRAM_API_ROOT, PII_KEY …).
import "dotenv/config";
import { parseArgs } from "node:util";
import { Api } from "grammy";
import { processChannelDispatchers } from "../channels/start-channels.js";
import { createI18n } from "../bot/i18n.js";
import { systemClock } from "../clock.js";
import { configOrExit } from "./startup.js";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { createLogger } from "../logger.js";
import type { Translate } from "../messages/translate.js";
import { startScheduler } from "../scheduler/scheduler.js";
import { onShutdown } from "../shutdown.js";

const HELP = `Usage: tsx src/cli/dispatcher.ts [options]

Sends due outbox rows through BOT_TOKEN at Telegram's limits and, when PII_KEY is set,
through the WeCom, DingTalk and SMS endpoints registered with /channels. Any number of
these processes may share one PostgreSQL database (SQLite: one writer, so one process).
On SIGTERM it stops claiming at once and exits within 10 s, printing its counts as JSON.

Options:
  --jobs                also run the hourly re-planning and the nightly retention job
  --owner <name>        lease owner name (default host:pid:random)
  --lease-ms <n>        lease of claimed rows (default 60000)
  --sending-lease-ms <n> lease of rows on the wire (default 45000)
  --retention-days <n>  keep sent rows this many days (default 30)
  --help                show this help
`;

const { values } = parseArgs({
  options: {
    jobs: { type: "boolean", default: false },
    owner: { type: "string" },
    "lease-ms": { type: "string", default: "60000" },
    "sending-lease-ms": { type: "string", default: "45000" },
    "retention-days": { type: "string", default: "30" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const config = configOrExit();
if (!config.BOT_TOKEN) {
  console.error("BOT_TOKEN is not set: the dispatcher sends with the bot's token (see .env.example).");
  process.exit(1);
}
const logger = createLogger(config.LOG_LEVEL, [config.BOT_TOKEN]);
await migrate(config.DATABASE_URL);
const database = await openDatabase(config.DATABASE_URL);
const i18n = createI18n(config.DEFAULT_LOCALE);
const translate: Translate = (locale, key, vars) => i18n.t(locale, key, vars);
// Messages to the other channels link back to the bot by its username.
const channels = config.PII_KEY === undefined ? [] : processChannelDispatchers({
  piiKey: config.PII_KEY,
  store: database,
  clock: systemClock,
  logger,
  translate,
  defaultLocale: config.DEFAULT_LOCALE,
  botUsername: (await new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }).getMe()).username,
});
const scheduler = startScheduler({
  store: database,
  clock: systemClock,
  logger,
  translate,
  token: config.BOT_TOKEN,
  apiRoot: config.TELEGRAM_API_ROOT,
  defaultLocale: config.DEFAULT_LOCALE,
  timeZone: config.DEFAULT_TIME_ZONE,
  retentionDays: Number(values["retention-days"]),
  jobs: values.jobs,
  extraDispatchers: channels,
  dispatcher: {
    leaseMs: Number(values["lease-ms"]),
    sendingLeaseMs: Number(values["sending-lease-ms"]),
    ...(values.owner !== undefined ? { owner: values.owner } : {}),
  },
});
process.stdout.write(`dispatcher ${scheduler.dispatcher.owner} started\n`);
onShutdown(logger, async () => {
  await scheduler.stop();
  await database.close();
  process.stdout.write(`${JSON.stringify({ owner: scheduler.dispatcher.owner, ...scheduler.dispatcher.stats })}\n`);
});
