// A dispatcher wired to a real database and the emulator over HTTP. The business clock
// is real time plus an offset, so backoffs and leases pass as they would in production.
import { setTimeout as sleep } from "node:timers/promises";
import { createOffsetClock, type AdjustableClock } from "../../src/clock.js";
import type { Provider } from "../../src/db/client.js";
import { EmulatorClient } from "../../src/emulator/client.js";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/server.js";
import { createLogger } from "../../src/logger.js";
import { Dispatcher, type DispatcherOptions } from "../../src/scheduler/dispatcher.js";
import { enqueue, type NewOutboxRow } from "../../src/scheduler/outbox.js";
import { createTelegramChannel, type TelegramChannelOptions } from "../../src/scheduler/telegram-channel.js";
import { telegramRecipients } from "../../src/scheduler/telegram-recipients.js";
import { createTestDatabase, type TestDatabase } from "../../src/testing/databases.js";

export const TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";

export interface DispatchHarness {
  database: TestDatabase;
  emulator: Emulator;
  client: EmulatorClient;
  clock: AdjustableClock;
  dispatcher(options?: Partial<DispatcherOptions>, channel?: Partial<TelegramChannelOptions>): Dispatcher;
  /** A person with a private chat, known to the emulator (started the bot) and to the database. */
  person(name: string): Promise<{ chatId: number; personId: number }>;
  enqueue(rows: NewOutboxRow[]): Promise<number>;
  close(): Promise<void>;
}

export const silent = createLogger("silent");

export async function dispatchHarness(provider: Provider, options: EmulatorOptions = {}): Promise<DispatchHarness> {
  const database = await createTestDatabase(provider);
  const emulator = createEmulator({ tokens: [TOKEN], ...options });
  await emulator.listen();
  const client = new EmulatorClient(emulator.url);
  const clock = createOffsetClock();
  const dispatchers: Dispatcher[] = [];
  return {
    database,
    emulator,
    client,
    clock,
    dispatcher(overrides = {}, channelOptions = {}) {
      const channel = createTelegramChannel({ token: TOKEN, apiRoot: emulator.url, timeoutSeconds: 5, ...channelOptions });
      const dispatcher = new Dispatcher({
        store: database, clock, channel, recipients: telegramRecipients(database.db, clock), logger: silent,
        backoffBaseMs: 100, backoffMaxMs: 400, idleMs: 100, reclaimEveryMs: 200, ...overrides,
      });
      dispatchers.push(dispatcher);
      return dispatcher;
    },
    async person(name) {
      const user = await client.createUser({ first_name: name, startedBot: true });
      const person = await database.db.person.create({ data: { name, telegramUserId: BigInt(user.id) } });
      await database.db.chat.create({ data: { telegramChatId: BigInt(user.id), type: "private", personId: person.id } });
      return { chatId: user.id, personId: person.id };
    },
    enqueue: (rows) => enqueue(database, rows, clock.now()),
    async close() {
      await Promise.all(dispatchers.map((d) => d.stop(1000)));
      await emulator.close();
      await database.drop();
    },
  };
}

let serial = 0;

/** Rows due now, one per address given, with unique dedupe keys and texts. */
export function dueRows(clock: AdjustableClock, addresses: Array<number | string>, extra: Partial<NewOutboxRow> = {}): NewOutboxRow[] {
  return addresses.map((address) => {
    const n = ++serial;
    return { address: String(address), kind: "test", payload: { text: `msg ${n}` }, dueAt: clock.now(), dedupeKey: `t:${n}`, ...extra };
  });
}

export async function states(database: TestDatabase): Promise<Record<string, number>> {
  const rows = await database.db.outboxMessage.groupBy({ by: ["state"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

/** Polls until `count` rows are in `state`; the assertions after it report what happened otherwise. */
export async function untilState(database: TestDatabase, state: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await states(database))[state] !== count && Date.now() < deadline) await sleep(100);
}

export async function withHarness(provider: Provider, ...rest: [EmulatorOptions, (h: DispatchHarness) => Promise<void>] | [(h: DispatchHarness) => Promise<void>]): Promise<void> {
  const [options, body] = rest.length === 2 ? rest : [{}, rest[0]];
  const h = await dispatchHarness(provider, options);
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

export async function withTestDatabase(provider: Provider, body: (database: TestDatabase) => Promise<void>): Promise<void> {
  const database = await createTestDatabase(provider);
  try {
    await body(database);
  } finally {
    await database.drop();
  }
}
