import "dotenv/config";
import { systemClock } from "./clock.js";
import { configOrExit } from "./cli/startup.js";
import { createLogger } from "./logger.js";
import { startApp } from "./app.js";
import { onShutdown } from "./shutdown.js";

const HELP = `Usage: npm start

Runs the Duban bot with BOT_TOKEN from .env (see .env.example for every variable).
Long polling by default; webhook mode when WEBHOOK_URL is set (WEBHOOK_SECRET required).
Applies database migrations first. To try Duban without a token: npm run demo.`;

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}

const config = configOrExit();
if (!config.BOT_TOKEN) {
  console.error(
    "BOT_TOKEN is not set: create a bot with @BotFather in Telegram and put its token in .env (see .env.example); to try Duban without a token, run npm run demo.",
  );
  process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL, [config.BOT_TOKEN, config.WEBHOOK_SECRET ?? ""]);
const app = await startApp(config, systemClock, logger);
onShutdown(logger, () => app.stop());
// Polling refused for good (another poller, a revoked token): the reason is logged; finish
// what is in flight and exit non-zero so the service manager shows the failure.
void app.stopped.then(async () => {
  await app.stop().catch((err: unknown) => logger.error({ err }, "shutdown failed"));
  process.exit(1);
});
