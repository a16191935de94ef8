// The rows of the ledger (台账): one per assignment (directive × unit) of a scope, in the
// order of the meetings and their directives. Read a page at a time so a large county's
// rows, with their updates and extension requests, never sit in memory as one query result.
import { Prisma } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import type { Period } from "./period.js";
import { scopeFrom, scopeWhere, type ReportScope } from "./scope.js";

export interface LedgerExtension {
  requestedAt: Date;
  requestedDueAt: Date;
  state: string;
}

export interface LedgerRow {
  assignmentId: number;
  meeting: string;
  meetingDate: Date | null;
  directive: string;
  unit: string;
  role: string;
  state: string;
  dueAt: Date | null;
  assignedAt: Date;
  acknowledgedAt: Date | null;
  startedAt: Date | null;
  doneAt: Date | null;
  closedAt: Date | null;
  blockedAt: Date | null;
  latestNote: string | null;
  latestAt: Date | null;
  evidenceCount: number;
  extensions: LedgerExtension[];
}

const PAGE = 500;

function evidenceCount(evidence: unknown): number {
  return Array.isArray(evidence) ? evidence.length : 0;
}

async function loadPage(db: Db, ids: number[]): Promise<LedgerRow[]> {
  const rows = await db.assignment.findMany({
    where: { id: { in: ids } },
    include: {
      unit: { select: { name: true } },
      directive: { select: { text: true, marker: true, meeting: { select: { title: true, meetingDate: true } } } },
      statusUpdates: { select: { note: true, evidence: true, createdAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
      extensions: { select: { createdAt: true, requestedDueAt: true, state: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const latest = a.statusUpdates[0];
    return [{
      assignmentId: a.id,
      meeting: a.directive.meeting.title,
      meetingDate: a.directive.meeting.meetingDate,
      directive: a.directive.marker ? `${a.directive.marker} ${a.directive.text}` : a.directive.text,
      unit: a.unit.name,
      role: a.role,
      state: a.state,
      dueAt: a.dueAt,
      assignedAt: a.assignedAt,
      acknowledgedAt: a.acknowledgedAt,
      startedAt: a.startedAt,
      doneAt: a.doneAt,
      closedAt: a.closedAt,
      blockedAt: a.blockedAt,
      latestNote: latest?.note ?? null,
      latestAt: latest?.createdAt ?? null,
      evidenceCount: a.statusUpdates.reduce((n, u) => n + evidenceCount(u.evidence), 0),
      extensions: a.extensions.map((e) => ({ requestedAt: e.createdAt, requestedDueAt: e.requestedDueAt, state: e.state })),
    }];
  });
}

/**
 * Pages of ledger rows. The ids come first, in ledger order, in one query (numbers only);
 * then each page of rows is loaded whole.
 */
export async function* ledgerPages(db: Db, scope: ReportScope, period: Period | null): AsyncGenerator<LedgerRow[]> {
  const ids = await db.$queryRaw<Array<{ id: number | bigint }>>(Prisma.sql`
    SELECT a."id" AS "id" ${scopeFrom(scope, true)} ${scopeWhere(scope, period)}
    ORDER BY d."meetingId", d."position", a."role", a."unitId", a."id"`);
  for (let start = 0; start < ids.length; start += PAGE) {
    yield await loadPage(db, ids.slice(start, start + PAGE).map((r) => Number(r.id)));
  }
}
