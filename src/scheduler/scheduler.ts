// Everything that sends on its own, wired for one process: the dispatcher for the bot's
// token, those of the other channels (WeCom, DingTalk, SMS: src/channels) and the cron
// ticks. Every process may run one (they share the database safely); `startApp` or the
// standalone src/cli/dispatcher.ts call this.
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Translate } from "../messages/translate.js";
import { startReportJobs } from "../reports/report-jobs.js";
import { extendHouseholdPlans } from "../services/household-duties.js";
import { purgeDeactivatedHouseholds } from "../services/households.js";
import { Dispatcher, type DispatcherOptions } from "./dispatcher.js";
import type { Store } from "./raw-sql.js";
import { extendReminderPlans } from "./reminder-planner.js";
import { purgeOldOutbox } from "./retention.js";
import { createTelegramChannel } from "./telegram-channel.js";
import { telegramRecipients } from "./telegram-recipients.js";
import { startTicks } from "./ticks.js";

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  translate: Translate;
  token: string;
  apiRoot: string;
  defaultLocale: string;
  timeZone: string;
  retentionDays: number;
  /** False in processes that only dispatch: planning and retention run elsewhere. */
  jobs: boolean;
  dispatcher?: Partial<DispatcherOptions>;
  /** Dispatchers of other channels on the same outbox: started, woken by the same ticks, stopped with the rest. */
  extraDispatchers?: Dispatcher[];
}

export interface RunningScheduler {
  /** Telegram's dispatcher. */
  dispatcher: Dispatcher;
  /** Every dispatcher of this process: Telegram's first, then the extra ones. */
  dispatchers: Dispatcher[];
  /** Wakes every dispatcher now (a tick; the demo's clock moved). */
  trigger(): void;
  /** Stops the ticks and every dispatcher (F15). */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const { store, clock, logger, translate, defaultLocale } = options;
  const dispatcher = new Dispatcher({
    store,
    clock,
    logger,
    channel: createTelegramChannel({ token: options.token, apiRoot: options.apiRoot }),
    recipients: telegramRecipients(store.db, clock),
    mergedHeader: (locale, count) => translate(locale ?? defaultLocale, "reminders-merged-header", { count }),
    onAlert: (alert) => logger.fatal({ ...alert }, "ALERT: the bot token was refused; dispatching is halted until it is fixed and resumed"),
    ...options.dispatcher,
  });
  const dispatchers = [dispatcher, ...(options.extraDispatchers ?? [])];
  for (const d of dispatchers) d.start();
  const trigger = (): void => {
    for (const d of dispatchers) d.trigger();
  };
  const planner = { store, clock, translate, defaultLocale };
  const noJob = async (): Promise<void> => undefined;
  const ticks = startTicks(
    {
      dispatch: trigger,
      plan: options.jobs
        ? async () => {
            await extendReminderPlans(planner);
            await extendHouseholdPlans(planner);
          }
        : noJob,
      retention: options.jobs
        ? async () => {
            await purgeOldOutbox(store, clock, { keepDays: options.retentionDays });
            await purgeDeactivatedHouseholds(store.db, clock);
          }
        : noJob,
    },
    { timeZone: options.timeZone, logger },
  );
  const reportJobs = options.jobs ? startReportJobs({ store, clock, logger, translate, defaultLocale, timeZone: options.timeZone }) : null;
  return {
    dispatcher,
    dispatchers,
    trigger,
    async stop() {
      await ticks.stop();
      await reportJobs?.stop();
      await Promise.all(dispatchers.map((d) => d.stop()));
    },
  };
}
