// L5: keeps the active outbox small. Delivered and skipped rows older than the retention
// period are deleted in batches (short transactions: SQLite has one writer); failed and
// dead rows stay four times as long, for the admins' reports.
import type { Clock } from "../clock.js";
import { execute, type Store } from "./raw-sql.js";

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  keepDays: number;
  batch?: number;
}

export async function purgeOldOutbox(store: Store, clock: Clock, options: RetentionOptions): Promise<number> {
  const now = clock.now().getTime();
  const done = new Date(now - options.keepDays * DAY_MS);
  const broken = new Date(now - 4 * options.keepDays * DAY_MS);
  const batch = options.batch ?? 5000;
  let total = 0;
  for (;;) {
    const deleted = await execute(
      store,
      `DELETE FROM "OutboxMessage" WHERE "id" IN (SELECT "id" FROM "OutboxMessage"
         WHERE ("state" IN ('sent', 'skipped') AND "dueAt" < $1) OR ("state" IN ('failed', 'dead') AND "dueAt" < $2) LIMIT $3)`,
      done, broken, batch,
    );
    total += deleted;
    if (deleted < batch) return total;
  }
}
