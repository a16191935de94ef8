// What re-planning removes: pending rows no longer planned, and rows still to come that are
// now planned for another time (the working calendar, the reminder time or the quiet hours
// changed) — else the old time would win, since inserting skips an existing key. A row due
// already stays and goes out, late if need be. Sent rows keep their key, so a reminder
// already delivered is never planned twice (F12).
import type { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import type { NewOutboxRow } from "./outbox.js";

/** Deletes the pending rows matching `where` that `planned` drops or moves; resolves to how many. */
export async function dropStalePending(db: Db, where: Prisma.OutboxMessageWhereInput, planned: ReadonlyArray<Pick<NewOutboxRow, "dedupeKey" | "dueAt">>, now: Date): Promise<number> {
  const plannedAt = new Map(planned.map((r) => [r.dedupeKey, r.dueAt.getTime()]));
  const pending = await db.outboxMessage.findMany({ where: { ...where, state: "pending" }, select: { id: true, dedupeKey: true, dueAt: true } });
  const stale = pending
    .filter((r) => {
      const at = plannedAt.get(r.dedupeKey);
      return at === undefined || (at !== r.dueAt.getTime() && r.dueAt > now);
    })
    .map((r) => r.id);
  if (stale.length === 0) return 0;
  // Still pending: a row a dispatcher claimed meanwhile is on its way and stays.
  const removed = await db.outboxMessage.deleteMany({ where: { id: { in: stale }, state: "pending" } });
  return removed.count;
}
