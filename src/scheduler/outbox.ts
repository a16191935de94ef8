// The outbox: every outgoing message is a row; dispatchers claim due rows with a lease.
//   pending ──claim──▶ claimed ──markSending──▶ sending ──▶ sent | failed | dead | pending (retry)
// A claim is one conditional UPDATE (SQLite has one writer, so it is atomic) or
// `FOR UPDATE SKIP LOCKED` (PostgreSQL), so no two processes hold the same row (F14).
// "sending" is written just before the request leaves: a lease that expires in
// "claimed" was never attempted and is simply pending again, one that expires in
// "sending" may have been delivered, so it is resent once and flagged (F1, F2, F16).
import { execute, placeholders, queryRows, type Store } from "./raw-sql.js";

export interface ButtonSpec {
  text: string;
  /** Callback data (≤ 64 bytes, built with src/bot/callback-data.ts) or a URL. */
  data?: string;
  url?: string;
}

export interface OutboxPayload {
  text: string;
  /** Text is Telegram HTML (escaped by whoever built it). */
  html?: boolean;
  buttons?: ButtonSpec[][];
  /** The recipient's locale, for the header of a merged message. */
  locale?: string;
  /** One line standing for this message when several for one person are merged (L2); absent = never merged. */
  line?: string;
  /** The buttons this message offers in place of its own once merged (L2), e.g. the person's task list. */
  mergedButtons?: ButtonSpec[][];
}

export interface NewOutboxRow {
  channel?: string;
  address: string;
  kind: string;
  payload: OutboxPayload;
  dueAt: Date;
  /** Unique: the same reminder planned twice is stored once. */
  dedupeKey: string;
  assignmentId?: number | null;
  subjectType?: string | null;
  subjectId?: number | null;
  expiresAt?: Date | null;
}

export type OutboxState = "pending" | "claimed" | "sending" | "sent" | "failed" | "dead" | "skipped";

export interface OutboxRow {
  id: number;
  channel: string;
  address: string;
  kind: string;
  payload: OutboxPayload;
  dueAt: Date;
  expiresAt: Date | null;
  attempts: number;
  possibleDuplicate: boolean;
  assignmentId: number | null;
  dedupeKey: string;
}

interface RawRow {
  id: number | bigint;
  channel: string;
  address: string;
  kind: string;
  payload: unknown;
  dueAt: Date | string;
  expiresAt: Date | string | null;
  attempts: number | bigint;
  possibleDuplicate: boolean | number | bigint;
  assignmentId: number | bigint | null;
  dedupeKey: string;
}

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function toRow(raw: RawRow): OutboxRow {
  const payload = typeof raw.payload === "string" ? (JSON.parse(raw.payload) as OutboxPayload) : (raw.payload as OutboxPayload);
  return {
    id: Number(raw.id),
    channel: raw.channel,
    address: raw.address,
    kind: raw.kind,
    payload,
    dueAt: asDate(raw.dueAt),
    expiresAt: raw.expiresAt === null ? null : asDate(raw.expiresAt),
    attempts: Number(raw.attempts),
    possibleDuplicate: Boolean(Number(raw.possibleDuplicate)),
    assignmentId: raw.assignmentId === null ? null : Number(raw.assignmentId),
    dedupeKey: raw.dedupeKey,
  };
}

const COLUMNS = `"channel", "address", "kind", "payload", "dueAt", "nextAttemptAt", "expiresAt", "dedupeKey", "assignmentId", "subjectType", "subjectId", "state", "attempts", "possibleDuplicate", "late", "createdAt"`;
const PER_ROW = 16;
/** Rows per INSERT statement: well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;

/**
 * Stores rows; a row whose dedupe key exists already is skipped. Resolves to the number
 * of rows inserted. `createdAt` is the caller's clock so tests and the demo see simulated time.
 */
export async function enqueue(store: Store, rows: readonly NewOutboxRow[], now: Date): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const values: unknown[] = [];
    const tuples = chunk.map((row, i) => {
      values.push(
        row.channel ?? "telegram", row.address, row.kind, JSON.stringify(row.payload), row.dueAt, row.dueAt, row.expiresAt ?? null,
        row.dedupeKey, row.assignmentId ?? null, row.subjectType ?? null, row.subjectId ?? null, "pending", 0, false, false, now,
      );
      const base = i * PER_ROW + 1;
      return `(${placeholders(base, 3)}, $${base + 3}::jsonb, ${placeholders(base + 4, PER_ROW - 4)})`;
    });
    inserted += await execute(store, `INSERT INTO "OutboxMessage" (${COLUMNS}) VALUES ${tuples.join(", ")} ON CONFLICT ("dedupeKey") DO NOTHING`, ...values);
  }
  return inserted;
}

export interface ClaimOptions {
  owner: string;
  channel: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

// Rows of an address another dispatcher is working on stay with it: that keeps one
// person's messages merged and in order, and per-chat pacing in one process.
const NOT_HELD_ELSEWHERE = `"address" NOT IN (SELECT "address" FROM "OutboxMessage" WHERE "state" IN ('claimed', 'sending') AND "leaseOwner" <> $2 AND "channel" = $3)`;

const CLAIM_SQLITE = `UPDATE "OutboxMessage" SET "state" = 'claimed', "leaseOwner" = $2, "leaseExpiresAt" = $4
WHERE "id" IN (SELECT "id" FROM "OutboxMessage" WHERE "state" = 'pending' AND "nextAttemptAt" <= $1 AND "channel" = $3 AND ${NOT_HELD_ELSEWHERE}
  ORDER BY "nextAttemptAt" LIMIT $5)
RETURNING *`;

const CLAIM_POSTGRES = `WITH picked AS (
  SELECT "id" FROM "OutboxMessage" WHERE "state" = 'pending' AND "nextAttemptAt" <= $1 AND "channel" = $3 AND ${NOT_HELD_ELSEWHERE}
  ORDER BY "nextAttemptAt" LIMIT $5 FOR UPDATE SKIP LOCKED)
UPDATE "OutboxMessage" o SET "state" = 'claimed', "leaseOwner" = $2, "leaseExpiresAt" = $4 FROM picked WHERE o."id" = picked."id"
RETURNING o.*`;

/** Leases up to `limit` due rows of one channel to `owner`, oldest first (ordered by the index alone: no sort of the whole backlog, L5). */
export async function claimDue(store: Store, options: ClaimOptions): Promise<OutboxRow[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const sql = store.provider === "postgresql" ? CLAIM_POSTGRES : CLAIM_SQLITE;
  const rows = await queryRows<RawRow>(store, sql, options.now, options.owner, options.channel, leaseUntil, options.limit);
  return rows.map(toRow).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}

/** When the next pending row of `channel` falls due (the dispatcher sleeps until then), or null. */
export async function nextDueAt(store: Store, channel: string): Promise<Date | null> {
  const row = await store.db.outboxMessage.findFirst({
    where: { state: "pending", channel, nextAttemptAt: { not: null } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
}

export interface ReclaimReport {
  /** Leased but never attempted: pending again, nothing can have been sent. */
  released: number;
  /** Expired while on the wire: resent once, flagged as possible duplicates (F2). */
  resent: number;
  /** Expired on the wire a second time: failed rather than risk a third copy. */
  failed: number;
}

/** Returns expired leases to the queue (a dispatcher died, hung or was suspended). */
export async function reclaimExpired(store: Store, now: Date): Promise<ReclaimReport> {
  const released = await execute(store, `UPDATE "OutboxMessage" SET "state" = 'pending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE "state" = 'claimed' AND "leaseExpiresAt" < $1`, now);
  const failed = await execute(
    store,
    `UPDATE "OutboxMessage" SET "state" = 'failed', "lastError" = 'delivery unknown twice (lease expired while sending); not resent again', "leaseOwner" = NULL, "leaseExpiresAt" = NULL
     WHERE "state" = 'sending' AND "leaseExpiresAt" < $1 AND "possibleDuplicate" = $2`,
    now, true,
  );
  const resent = await execute(
    store,
    `UPDATE "OutboxMessage" SET "state" = 'pending', "possibleDuplicate" = $2, "nextAttemptAt" = $1, "lastError" = 'lease expired while sending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL
     WHERE "state" = 'sending' AND "leaseExpiresAt" < $1`,
    now, true,
  );
  return { released, resent, failed };
}

const idList = (ids: readonly number[], first: number): string => placeholders(first, ids.length);

/**
 * Marks rows as on the wire, just before the request; resolves to the ids still leased
 * to `owner` (a row whose lease was taken over must not be sent).
 */
export async function markSending(store: Store, ids: readonly number[], owner: string, leaseUntil: Date): Promise<number[]> {
  const rows = await queryRows<{ id: number | bigint }>(
    store,
    `UPDATE "OutboxMessage" SET "state" = 'sending', "attempts" = "attempts" + 1, "leaseExpiresAt" = $1
     WHERE "leaseOwner" = $2 AND "state" = 'claimed' AND "id" IN (${idList(ids, 3)}) RETURNING "id"`,
    leaseUntil, owner, ...ids,
  );
  return rows.map((r) => Number(r.id));
}

export async function markSent(store: Store, ids: readonly number[], owner: string, result: { providerMessageId: string; now: Date; lateBefore: Date }): Promise<number> {
  return execute(
    store,
    `UPDATE "OutboxMessage" SET "state" = 'sent', "providerMessageId" = $1, "sentAt" = $2, "late" = ("dueAt" < $3), "lastError" = NULL, "leaseOwner" = NULL, "leaseExpiresAt" = NULL
     WHERE "leaseOwner" = $4 AND "id" IN (${idList(ids, 5)})`,
    result.providerMessageId, result.now, result.lateBefore, owner, ...ids,
  );
}

export interface RetryOptions {
  at: Date;
  error: string;
  /** False for waits that are not the row's fault (429, a halted token, shutdown). */
  countAttempt: boolean;
  possibleDuplicate?: boolean;
}

/** Back to the queue, ready again at `at` (a long wait lives here, not in memory: F5). */
export async function retryLater(store: Store, ids: readonly number[], owner: string, options: RetryOptions): Promise<number> {
  const attempts = options.countAttempt ? `"attempts"` : `CASE WHEN "state" = 'sending' THEN "attempts" - 1 ELSE "attempts" END`;
  return execute(
    store,
    `UPDATE "OutboxMessage" SET "attempts" = ${attempts}, "possibleDuplicate" = ("possibleDuplicate" OR $4), "state" = 'pending', "nextAttemptAt" = $1,
       "lastError" = $2, "leaseOwner" = NULL, "leaseExpiresAt" = NULL
     WHERE "leaseOwner" = $3 AND "id" IN (${idList(ids, 5)})`,
    options.at, options.error, owner, options.possibleDuplicate ?? false, ...ids,
  );
}

/** Final states: failed (a permanent error), dead (the recipient is gone), skipped (expired). */
export async function finish(store: Store, ids: readonly number[], owner: string, state: "failed" | "dead" | "skipped", error: string): Promise<number> {
  return execute(
    store,
    `UPDATE "OutboxMessage" SET "state" = $1, "lastError" = $2, "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE "leaseOwner" = $3 AND "id" IN (${idList(ids, 4)})`,
    state, error, owner, ...ids,
  );
}

/** Graceful shutdown: rows this owner leased but did not start go back to the queue at once (F15). */
export async function releaseClaims(store: Store, owner: string): Promise<number> {
  return execute(store, `UPDATE "OutboxMessage" SET "state" = 'pending', "leaseOwner" = NULL, "leaseExpiresAt" = NULL WHERE "leaseOwner" = $1 AND "state" = 'claimed'`, owner);
}
