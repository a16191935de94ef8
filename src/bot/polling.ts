// Long polling with @grammyjs/runner. The runner gives up on 409 (another process polls
// the same token) and 401 (token revoked) by rejecting its task; without a handler that
// would be an unhandled rejection and a bare stack trace. Here it becomes one clear line
// and a `stopped` promise the entry point turns into an orderly exit (F14, F19).
import { GrammyError, type Bot } from "grammy";
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES } from "./index.js";

export interface Polling {
  handle: RunnerHandle;
  /** Resolves with the reason when polling ended on its own (not through `handle.stop()`). */
  stopped: Promise<string>;
}

export function pollingFailure(error: unknown): string {
  if (error instanceof GrammyError && error.error_code === 409) {
    return "another process is polling this bot token (Telegram answered 409 Conflict): run exactly one poller per token, or switch every receiver to webhook mode (WEBHOOK_URL); this process stops receiving updates";
  }
  if (error instanceof GrammyError && error.error_code === 401) {
    return "Telegram refused the bot token (401 Unauthorized): it was revoked or mistyped; get the current one from @BotFather and restart";
  }
  return `polling for updates failed: ${error instanceof Error ? error.message : String(error)}`;
}

export function startPolling(bot: Bot<BotContext>, logger: Logger): Polling {
  // silent: the runner would print every fetch error to the console, token-free but unformatted.
  const handle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
  const stopped = new Promise<string>((resolve) => {
    void handle.task()?.then(
      () => undefined,
      (error: unknown) => {
        const reason = pollingFailure(error);
        logger.fatal({ reason }, reason);
        resolve(reason);
      },
    );
  });
  return { handle, stopped };
}
