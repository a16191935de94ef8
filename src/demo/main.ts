import "dotenv/config";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { createOffsetClock } from "../clock.js";
import { configOrExit } from "../cli/startup.js";
import { createLogger } from "../logger.js";
import { startApp } from "../app.js";
import { sqlitePath } from "../db/client.js";
import { createEmulator } from "../emulator/server.js";
import { EmulatorClient } from "../emulator/client.js";
import { onShutdown } from "../shutdown.js";
import { FakeWecom } from "../channels/fakes/wecom-server.js";
import { translatorFor } from "../bot/translator.js";
import { piiKeys } from "../services/pii-crypto.js";
import { DEMO_PEOPLE, seedDemo } from "./seed.js";
import { DEMO_WECOM_GROUP, DEMO_WECOM_KEY, seedDemoWork } from "./seed-work.js";

const HELP = `Usage: npm run demo [-- --port N] [-- --database FILE]

Starts, in one process and with no token or account: the local Telegram Bot API emulator
with its web chat page, the Duban bot (long polling against the emulator), a local WeCom
group robot for the finance bureau, and a fresh demo database (data/demo.db, recreated at
every start) holding a fictional county, its units, five simulated people and one task
handed to the finance bureau. Open the printed URL: each person has a chat pane, the
bureau's WeCom group a pane of what it received; the clock control moves simulated time
forward.

Options:
  --port N         port of the page and emulator (default DEMO_PORT, 8080; 0 picks a free one)
  --database FILE  SQLite file for the demo data (default data/demo.db)

Environment: DEMO_PORT, DEFAULT_LOCALE, LOG_LEVEL (see .env.example).`;

const { values: args } = parseArgs({
  options: { help: { type: "boolean", short: "h" }, port: { type: "string" }, database: { type: "string" } },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

/** A token in Telegram's format that only the local emulator accepts. */
const DEMO_TOKEN = "7000000002:DEMO_token_for_the_local_emulator_0";
const DEMO_DATABASE_URL = `file:${args.database ?? "./data/demo.db"}`;

const base = configOrExit();
const clock = createOffsetClock();
// The finance bureau's WeCom group (企业微信群), local: its robot gets the bureau's reminders.
const wecom = new FakeWecom({}, () => clock.now());
wecom.addRobot(DEMO_WECOM_KEY, DEMO_WECOM_GROUP);
await wecom.server.listen(0);
process.env.WECOM_API_ROOT = wecom.server.url;
// Moving the clock on the page sends whatever became due at once, instead of at the next tick.
let onClockMoved: () => void = () => undefined;
const emulator = createEmulator({
  clock,
  tokens: [DEMO_TOKEN],
  botUsername: "duban_demo_bot",
  botFirstName: "督办",
  onClockChange: () => onClockMoved(),
  sidePanes: () => [{
    id: "wecom",
    title: `企业微信 · ${DEMO_WECOM_GROUP}`,
    subtitle: `本地模拟的企业微信群机器人 · ${wecom.server.url}`,
    messages: wecom.messages.map((m) => ({ text: m.content, at: m.at.toISOString() })),
  }],
});
const port = args.port === undefined ? base.DEMO_PORT : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${args.port}`);
  process.exit(1);
}
const url = await emulator.listen(port, "127.0.0.1");

const demoPath = sqlitePath(DEMO_DATABASE_URL);
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${demoPath}${suffix}`, { force: true });
// The demo database is recreated at every start, so a fresh key for household ID numbers will do.
const config = {
  ...base,
  BOT_TOKEN: DEMO_TOKEN,
  TELEGRAM_API_ROOT: url,
  DATABASE_URL: DEMO_DATABASE_URL,
  WEBHOOK_URL: undefined,
  PII_KEY: base.PII_KEY ?? randomBytes(32).toString("base64"),
};
const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, [DEMO_TOKEN]);
const app = await startApp(config, clock, logger);
const county = await seedDemo(app.database.db, clock);
onClockMoved = () => app.scheduler.trigger();

const client = new EmulatorClient(url);
for (const person of DEMO_PEOPLE) {
  await client.createUser({
    id: person.telegramUserId,
    first_name: person.firstName,
    last_name: person.lastName,
    language_code: "zh-hans",
    label: person.label,
    startedBot: true,
  });
}
await client.createGroup({
  title: "云溪县财政局工作群",
  type: "supergroup",
  memberIds: DEMO_PEOPLE.filter((p) => p.unit === "县财政局" || p.role === "admin").map((p) => p.telegramUserId),
  creatorId: DEMO_PEOPLE[0]?.telegramUserId,
});

// After the people exist in the emulator: the task's cards go out to them at once.
await seedDemoWork({ database: app.database, clock, keys: piiKeys(config.PII_KEY), translate: translatorFor(config.DEFAULT_LOCALE), defaultLocale: config.DEFAULT_LOCALE }, county);
app.scheduler.trigger();

console.log(`Duban demo is running: ${url}`);
console.log("Open it in a browser; press Ctrl+C to stop.");
onShutdown(logger, async () => {
  await app.stop();
  await emulator.close();
  await wecom.server.close();
});
