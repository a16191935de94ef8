import { createOffsetClock, type AdjustableClock } from "../clock.js";
import { loadConfig, type Config } from "../config.js";
import type { Provider } from "../db/client.js";
import { startApp, type AppOptions, type RunningApp } from "../app.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "../emulator/server.js";
import { EmulatorClient, type MessageView } from "../emulator/client.js";
import { capturedLogger } from "./captured-logger.js";
import { createTestDatabase, type TestDatabase } from "./databases.js";

export const TEST_BOT_TOKEN = "7000000001:TEST_token_for_the_emulator_only_01";
export const TEST_BOT_ID = 7000000001;

export interface BotHarness {
  emulator: Emulator;
  client: EmulatorClient;
  /** The test's own connection to the bot's database, for arranging and checking rows. */
  database: TestDatabase;
  clock: AdjustableClock;
  config: Config;
  app: RunningApp;
  /** Everything the bot logged so far (for scans such as "the token never appears", S3). */
  logs(): string;
  /** Sends a text as a user in their private chat and waits for the bot's next message there. */
  ask(userId: number, text: string, timeoutMs?: number): Promise<MessageView>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  provider?: Provider;
  clock?: AdjustableClock;
  /** Extra environment for the bot's configuration (OWNER_IDS, USER_RATE_LIMIT …). */
  env?: Record<string, string>;
  /** Tuning of the app beyond the environment (the other channels' windows and backoff). */
  app?: AppOptions;
  /** Emulator settings beyond the clock and the token (webhook timeout and retry, latency …). */
  emulator?: Omit<EmulatorOptions, "clock" | "tokens">;
}

/**
 * The real bot (the same `startApp` as `npm start`, long polling) against a fresh
 * emulator and a fresh database: what end-to-end tests drive over HTTP.
 */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const clock = options.clock ?? createOffsetClock();
  const emulator = createEmulator({ ...options.emulator, clock, tokens: [TEST_BOT_TOKEN] });
  await emulator.listen(0, "127.0.0.1");
  const database = await createTestDatabase(options.provider ?? "sqlite");
  const loaded = loadConfig({
    BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: emulator.url,
    DATABASE_URL: database.url,
    LOG_LEVEL: "info",
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.error);
  const { logger, text: logs } = capturedLogger([TEST_BOT_TOKEN]);
  const app = await startApp(loaded.config, clock, logger, options.app);
  const client = new EmulatorClient(emulator.url);

  return {
    emulator,
    client,
    database,
    clock,
    config: loaded.config,
    app,
    logs,
    ask: async (userId, text, timeoutMs = 5000) => {
      const before = (await client.messages(userId)).length;
      await client.sendText(userId, text);
      const messages = await waitForCount(client, userId, before + 2, timeoutMs);
      const reply = messages.at(-1);
      if (!reply || reply.from?.id !== TEST_BOT_ID) throw new Error(`no reply from the bot to ${JSON.stringify(text)}`);
      return reply;
    },
    stop: async () => {
      await app.stop();
      await emulator.close();
      await database.drop();
    },
  };
}

/** Polls a chat until it holds at least `count` messages. */
export async function waitForCount(client: EmulatorClient, chatId: number, count: number, timeoutMs = 5000): Promise<MessageView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await client.messages(chatId);
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) throw new Error(`chat ${chatId} has ${messages.length} messages, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
