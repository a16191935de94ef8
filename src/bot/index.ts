import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { Config } from "../config.js";
import type { BotContext, BotDeps } from "./context.js";
import { createErrorHandler } from "./error-handler.js";
import { createI18n } from "./i18n.js";
import { dedupeUpdates } from "./middlewares/dedupe-updates.js";
import { loadPerson } from "./middlewares/load-person.js";
import { rateLimit } from "./middlewares/rate-limit.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { startFeature } from "./features/start.js";
import { unhandledFeature } from "./features/unhandled.js";

/** The updates Duban asks Telegram for; edits and channel posts are not among them (B8). */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export interface CreateBotOptions {
  /** Skips the getMe call at start (tests and the demo know the bot already). */
  botInfo?: UserFromGetMe;
}

export function createBot(config: Config, deps: BotDeps, options: CreateBotOptions = {}) {
  if (!config.BOT_TOKEN) throw new Error("createBot needs BOT_TOKEN");
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    botInfo: options.botInfo,
  });
  // Interactive replies retry briefly; long waits belong to the outbox, not to a user's update.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const onError = createErrorHandler(i18n, config);

  // Middleware order matters:
  // 1. dependencies on the context, so even the error handler can log;
  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.config = config;
    ctx.person = null;
    await next();
  });
  // 2. the per-user flood guard drops excess updates on arrival (S5);
  bot.use(rateLimit(config.USER_RATE_LIMIT, i18n, config.DEFAULT_LOCALE));
  // 3. one update at a time per chat, so replies keep the order of the messages (L4);
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  // 4. everything below is inside the error boundary: one bad update never stops the bot;
  const guarded = bot.errorBoundary(onError);
  // 5. each update once (F17/F18), then who and which language;
  guarded.use(dedupeUpdates);
  guarded.use(loadPerson);
  guarded.use(i18n);
  // 6. features, and last whatever none of them took.
  guarded.use(startFeature, helpFeature, languageFeature);
  guarded.use(unhandledFeature);

  bot.catch(onError);
  return { bot, i18n };
}
