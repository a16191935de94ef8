// The bot on the emulator for the household tests, with a dispatcher delivering the outbox
// (reminders, notices, replies) as the scheduler does in production.
import { createOffsetClock } from "../../src/clock.js";
import type { MessageView } from "../../src/emulator/client.js";
import { createLogger } from "../../src/logger.js";
import { translatorFor } from "../../src/bot/translator.js";
import { Dispatcher } from "../../src/scheduler/dispatcher.js";
import { createTelegramChannel } from "../../src/scheduler/telegram-channel.js";
import { telegramRecipients } from "../../src/scheduler/telegram-recipients.js";
import type { HouseholdPlanDeps } from "../../src/services/household-duties.js";
import { startBotHarness, TEST_BOT_ID, TEST_BOT_TOKEN, type BotHarness } from "../../src/testing/bot-harness.js";
import { buttonData } from "../org/e2e-helpers.js";
import { TEST_PII_KEY } from "./fixtures.js";

export interface HouseholdHarness extends BotHarness {
  dispatcher: Dispatcher;
  planDeps: HouseholdPlanDeps;
}

export async function startHouseholdHarness(start: Date): Promise<HouseholdHarness> {
  const clock = createOffsetClock();
  clock.set(start);
  const h = await startBotHarness({ clock, env: { USER_RATE_LIMIT: "1000", PII_KEY: TEST_PII_KEY } });
  await h.client.configure({ limits: { privateBurst: 1000, privatePerSecond: 1000, groupPerWindow: 1000 } });
  const translate = translatorFor("zh-CN");
  const dispatcher = new Dispatcher({
    store: h.database,
    clock,
    channel: createTelegramChannel({ token: TEST_BOT_TOKEN, apiRoot: h.emulator.url, timeoutSeconds: 5, privateSpacingMs: 0 }),
    recipients: telegramRecipients(h.database.db, h.clock),
    logger: createLogger("silent"),
    mergedHeader: (locale, count) => translate(locale ?? "zh-CN", "reminders-merged-header", { count }),
    idleMs: 100,
  });
  dispatcher.start();
  return {
    ...h,
    dispatcher,
    planDeps: { store: h.database, clock, translate, defaultLocale: "zh-CN" },
    stop: async () => {
      await dispatcher.stop(1000);
      await h.stop();
    },
  };
}

const textOf = (m: MessageView): string => m.text ?? m.caption ?? "";

/** The bot's latest message (text or caption) in a chat matching `pattern`, from message `after` on. */
export async function fromBot(h: BotHarness, chatId: number, pattern: RegExp, after = 0, timeoutMs = 8000): Promise<MessageView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await h.client.messages(chatId)).filter((m) => m.from?.id === TEST_BOT_ID && m.message_id >= after && pattern.test(textOf(m))).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no bot message ${pattern} in chat ${chatId}; last: ${textOf((await h.client.messages(chatId)).at(-1) ?? ({} as MessageView))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function say(h: BotHarness, userId: number, text: string, expect: RegExp): Promise<MessageView> {
  const sent = await h.client.sendText(userId, text);
  return fromBot(h, userId, expect, sent.message_id);
}

export async function press(h: BotHarness, userId: number, message: MessageView, label: RegExp, expect: RegExp): Promise<MessageView> {
  await h.client.pressButton(userId, userId, message.message_id, buttonData(message, label));
  return fromBot(h, userId, expect, message.message_id);
}
