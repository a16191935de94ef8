import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";

/** A client or a transaction: audit rows are written inside the change they record. */
type AuditWriter = Pick<Db, "auditLog">;

export interface AuditEntry {
  actorId?: number | null;
  regionId?: number | null;
  action: string;
  subject?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Appends one row to the audit log. Rows are never updated or deleted. */
export async function audit(db: AuditWriter, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      regionId: entry.regionId ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      details: entry.details ?? undefined,
      createdAt: clock.now(),
    },
  });
}
