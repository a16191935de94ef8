import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { Config } from "../config.js";
import { providerOf } from "../db/client.js";
import { TELEGRAM_PER_SECOND, telegramPaceKey } from "../scheduler/telegram-channel.js";
import type { BotContext, BotDeps } from "./context.js";
import { createErrorHandler } from "./error-handler.js";
import { createI18n } from "./i18n.js";
import { splitLongReplies } from "./long-replies.js";
import { sharedTokenPace } from "./shared-pace.js";
import { dedupeUpdates } from "./middlewares/dedupe-updates.js";
import { loadPerson } from "./middlewares/load-person.js";
import { rateLimit } from "./middlewares/rate-limit.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { startFeature } from "./features/start.js";
import { unhandledFeature } from "./features/unhandled.js";
import { adminMenuFeature } from "./features/admin-menu.js";
import { chatStatusFeature } from "./features/chat-status.js";
import { countyFeature } from "./features/county.js";
import { directoryFeature } from "./features/directory.js";
import { invitesFeature } from "./features/invites.js";
import { meFeature } from "./features/me.js";
import { peopleFeature } from "./features/people.js";
import { promptsFeature } from "./features/prompts.js";
import { subscribeFeature } from "./features/subscribe.js";
import { unitsFeature } from "./features/units.js";
import { ingestFeature } from "./features/ingest.js";
import { reviewFeature } from "./features/review.js";
import { reviewFieldsFeature } from "./features/review-fields.js";
import { statusFeature } from "./features/status.js";
import { taskRequestsFeature } from "./features/task-requests.js";
import { tasksFeature } from "./features/tasks.js";
import { remindersFeature } from "./features/reminders.js";
import { contactedFeature } from "./features/contacted.js";
import { householdImportFeature } from "./features/household-import.js";
import { householdNoticesFeature } from "./features/household-notices.js";
import { householdJoinFeature, householdSelfFeature } from "./features/household-self.js";
import { householdsFeature } from "./features/households.js";
import { channelsFeature } from "./features/channels.js";
import { holidaysFeature } from "./features/holidays.js";
import { exportFeature } from "./features/export.js";
import { reportFeature } from "./features/report.js";

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
  // Replies take their send slots from the token's budget shared with the dispatcher (L4),
  // so a broadcast makes room for them instead of both meeting 429s.
  const store = { db: deps.db, provider: providerOf(config.DATABASE_URL) };
  bot.api.config.use(sharedTokenPace(store, telegramPaceKey(config.BOT_TOKEN), TELEGRAM_PER_SECOND));
  // Interactive replies retry briefly; long waits belong to the outbox, not to a user's update.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
  // Replies over Telegram's 4096 characters go out in parts (B1), each part retried on its own.
  bot.api.config.use(splitLongReplies);
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
  // 6. the chat record (first contact, blocked, removed, upgraded) before anything answers;
  guarded.use(chatStatusFeature);
  // 7. features: typed answers to pending questions come before anything else reads text or
  //    files; organisation features check permissions through middlewares/guard.ts;
  //    a household's own invite link (/start hh_…) before the unit invites of /start;
  guarded.use(householdJoinFeature, startFeature, helpFeature, languageFeature);
  guarded.use(promptsFeature);
  guarded.use(meFeature, adminMenuFeature, countyFeature, unitsFeature, directoryFeature, invitesFeature, peopleFeature, subscribeFeature, channelsFeature, holidaysFeature);
  //    outgoing households: a household member's message goes to their helper cadre before
  //    anything else reads text;
  guarded.use(householdsFeature, contactedFeature, householdImportFeature, householdNoticesFeature, householdSelfFeature);
  //    the directive lifecycle: replies to task cards come before reports, so a long reply is an update;
  guarded.use(tasksFeature, taskRequestsFeature, statusFeature, remindersFeature, ingestFeature, reviewFeature, reviewFieldsFeature);
  //    supervision: the numbers (/report) and the ledger (/export);
  guarded.use(reportFeature, exportFeature);
  // 8. last, whatever none of them took.
  guarded.use(unhandledFeature);

  bot.catch(onError);
  return { bot, i18n };
}
