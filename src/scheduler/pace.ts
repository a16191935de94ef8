// Send slots shared through the database (table SendPace), so that any number of
// dispatcher processes using one bot token stay under its limits together. A
// reservation moves the key's next free slot forward atomically; a 429 moves it past
// `retry_after` for everyone (F4); a 401 halts the key until an operator resumes it (F19).
// Slots are real epoch milliseconds, not the business clock: Telegram counts real time.
import { execute, queryRows, type Store } from "./raw-sql.js";

export interface Reservation {
  /** Real epoch ms of the first reserved slot; the others follow every `intervalMs`. */
  startMs: number;
  /** Set when the key is halted: nothing may be sent. */
  haltReason: string | null;
}

async function ensureKey(store: Store, key: string): Promise<void> {
  await execute(store, `INSERT INTO "SendPace" ("key", "nextAt") VALUES ($1, $2) ON CONFLICT DO NOTHING`, key, 0);
}

/** Reserves `count` consecutive slots `intervalMs` apart, no earlier than `nowMs`. */
export async function reserveSlots(store: Store, key: string, count: number, intervalMs: number, nowMs: number): Promise<Reservation> {
  await ensureKey(store, key);
  const greatest = store.provider === "postgresql" ? "GREATEST" : "MAX";
  const [row] = await queryRows<{ nextAt: bigint | number; haltReason: string | null }>(
    store,
    `UPDATE "SendPace" SET "nextAt" = CASE WHEN "haltReason" IS NULL THEN ${greatest}("nextAt", $1) + $2 ELSE "nextAt" END WHERE "key" = $3 RETURNING "nextAt", "haltReason"`,
    // Rounded up: a batch never ends early, so slots of consecutive batches stay `intervalMs` apart.
    Math.round(nowMs), Math.ceil(count * intervalMs), key,
  );
  if (!row) throw new Error(`send pace ${key} vanished`);
  return { startMs: Number(row.nextAt) - Math.ceil(count * intervalMs), haltReason: row.haltReason };
}

/** Real epoch ms of the next free slot of `key`, no earlier than `nowMs`; reads without reserving. */
export async function nextFreeSlot(store: Store, key: string, nowMs: number): Promise<number> {
  const [row] = await queryRows<{ nextAt: bigint | number }>(store, `SELECT "nextAt" FROM "SendPace" WHERE "key" = $1`, key);
  return Math.max(nowMs, Number(row?.nextAt ?? 0));
}

/** Moves every slot of `key` not yet reserved `ms` later (a request left that much behind its slot). */
export async function delaySlots(store: Store, key: string, ms: number): Promise<void> {
  await execute(store, `UPDATE "SendPace" SET "nextAt" = "nextAt" + $1 WHERE "key" = $2`, Math.ceil(ms), key);
}

/** No slot of `key` before `untilMs` (a 429's retry_after). */
export async function pauseUntil(store: Store, key: string, untilMs: number): Promise<void> {
  await ensureKey(store, key);
  const greatest = store.provider === "postgresql" ? "GREATEST" : "MAX";
  await execute(store, `UPDATE "SendPace" SET "nextAt" = ${greatest}("nextAt", $1) WHERE "key" = $2`, Math.round(untilMs), key);
}

export async function halt(store: Store, key: string, reason: string, at: Date): Promise<void> {
  await ensureKey(store, key);
  await execute(store, `UPDATE "SendPace" SET "haltReason" = $1, "haltedAt" = $2 WHERE "key" = $3`, reason, at, key);
}

export async function resume(store: Store, key: string): Promise<void> {
  await execute(store, `UPDATE "SendPace" SET "haltReason" = NULL, "haltedAt" = NULL WHERE "key" = $1`, key);
}

export async function haltReason(store: Store, key: string): Promise<string | null> {
  const [row] = await queryRows<{ haltReason: string | null }>(store, `SELECT "haltReason" FROM "SendPace" WHERE "key" = $1`, key);
  return row?.haltReason ?? null;
}
