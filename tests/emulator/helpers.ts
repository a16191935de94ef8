// Shared set-up for emulator tests: a fresh emulator on a free port, grammY's Api
// pointed at it, and the test-API client.
import assert from "node:assert/strict";
import { Api, GrammyError } from "grammy";
import { createManualClock, type AdjustableClock } from "../../src/clock.js";
import { EmulatorClient } from "../../src/emulator/client.js";
import { type Emulator, type EmulatorOptions, createEmulator } from "../../src/emulator/server.js";

export const TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
export const BOT_ID = 123456789;

export interface Harness {
  emulator: Emulator;
  client: EmulatorClient;
  api: Api;
  clock: AdjustableClock;
  close: () => Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = options.clock ?? createManualClock(new Date("2026-03-02T01:00:00Z"));
  const emulator = createEmulator({ tokens: [TOKEN], ...options, clock });
  const url = await emulator.listen();
  return {
    emulator,
    client: new EmulatorClient(url),
    api: new Api(TOKEN, { apiRoot: url }),
    clock,
    close: () => emulator.close(),
  };
}

/** Asserts that `call` fails with exactly this Telegram error. */
export async function assertApiError(
  call: Promise<unknown>,
  code: number,
  description: string,
  parameters?: Record<string, number>,
): Promise<void> {
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof GrammyError, `expected a GrammyError, got ${String(error)}`);
    assert.equal(error.error_code, code);
    assert.equal(error.description, description);
    if (parameters) assert.deepEqual({ ...error.parameters }, parameters);
    return true;
  });
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
