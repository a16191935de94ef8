// What one county's daily digests say, gathered once per county and day and then cut per
// reader: each unit's open tasks by deadline (overdue, due today, due within a week), each
// unit's supervision numbers (counted by unitStats, as /report and the bulletin count them),
// the check-ins nobody answered, and the recipients Duban can no longer reach with how many
// messages were dropped for them (F7).
import type { Db } from "../db/client.js";
import type { CountySettings } from "../domain/county-settings.js";
import { OPEN_STATES } from "../reports/scope.js";
import { statsMoment, unitStats } from "../reports/unit-stats.js";
import { inactiveRecipients, type InactiveRecipient } from "../services/chats.js";
import { addDays, atLocalTime, daysBetween, endOfLocalDay, localDateOf, type LocalDate } from "../time.js";
import { REMINDER_KIND } from "./reminder-planner.js";

/** Items named per list; the rest are counted (the lists stay within one message). */
const LISTED_ITEMS = 5;
/** Tasks due within this many days after today are "this week". */
const WEEK_DAYS = 7;
const CHECK_IN_KIND = `${REMINDER_KIND}check-in`;

export const DUE_BUCKETS = ["overdue", "today", "week"] as const;
type DueBucket = (typeof DUE_BUCKETS)[number];

export interface DueItem {
  assignmentId: number;
  directive: string;
  dueAt: Date;
  dueDate: LocalDate;
  /** Whole local days past the deadline; 0 when not late. */
  daysLate: number;
}

interface DueList {
  count: number;
  /** The first LISTED_ITEMS by deadline, earliest first. */
  items: DueItem[];
}

export type DueLists = Record<DueBucket, DueList>;

export interface UnitSupervision {
  unitId: number;
  unitName: string;
  overdue: number;
  /** Not signed for (签收): still `assigned`. */
  unsigned: number;
  blocked: number;
  /** Extension requests waiting for a decision. */
  extensions: number;
}

export interface UnansweredCheckIn {
  assignmentId: number;
  unitId: number;
  unitName: string;
  directive: string;
  /** The day the latest check-in went out. */
  askedOn: LocalDate;
  /** The people it was sent to. */
  asked: string[];
}

export interface LostRecipient extends InactiveRecipient {
  /** Messages dropped because they could not be delivered (outbox rows `dead`). */
  skipped: number;
}

export interface CountyDigestData {
  today: LocalDate;
  /** Per unit with open tasks in any list. */
  due: Map<number, DueLists>;
  /** Units with something to supervise, the worst first. */
  units: UnitSupervision[];
  /** Oldest question first. */
  checkIns: UnansweredCheckIn[];
  lost: LostRecipient[];
}

export function emptyDueLists(): DueLists {
  return { overdue: { count: 0, items: [] }, today: { count: 0, items: [] }, week: { count: 0, items: [] } };
}

/** The deadlines of each list: [from, to) for overdue, [from, to] otherwise. */
function bucketWindows(now: Date, today: LocalDate, zone: string): Record<DueBucket, { gte?: Date; gt?: Date; lt?: Date; lte?: Date }> {
  const endOfToday = endOfLocalDay(today, zone);
  return {
    overdue: { lt: now },
    today: { gte: now, lte: endOfToday },
    week: { gt: endOfToday, lte: endOfLocalDay(addDays(today, WEEK_DAYS), zone) },
  };
}

async function dueByUnit(db: Db, regionId: number, now: Date, today: LocalDate, zone: string): Promise<Map<number, DueLists>> {
  const windows = bucketWindows(now, today, zone);
  const due = new Map<number, DueLists>();
  // One query per list for the whole county, earliest first: each unit's count, and its
  // first few named (a reader's list is the earliest of their units' lists).
  const lists = await Promise.all(DUE_BUCKETS.map((bucket) => db.assignment.findMany({
    where: { state: { in: [...OPEN_STATES] }, unit: { regionId }, dueAt: windows[bucket] },
    select: { id: true, unitId: true, dueAt: true, directive: { select: { text: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  })));
  for (const [i, bucket] of DUE_BUCKETS.entries()) {
    for (const a of lists[i] ?? []) {
      const unitLists = due.get(a.unitId) ?? emptyDueLists();
      due.set(a.unitId, unitLists);
      const list = unitLists[bucket];
      list.count++;
      if (list.items.length < LISTED_ITEMS) list.items.push(dueItem(a.id, a.directive.text, a.dueAt ?? now, today, zone));
    }
  }
  return due;
}

function dueItem(assignmentId: number, directive: string, dueAt: Date, today: LocalDate, zone: string): DueItem {
  const dueDate = localDateOf(dueAt, zone);
  return { assignmentId, directive, dueAt, dueDate, daysLate: Math.max(0, daysBetween(dueDate, today)) };
}

/** The lists of several units as one: counts summed, the earliest items kept. */
export function mergeDueLists(lists: readonly DueLists[]): DueLists {
  const merged = emptyDueLists();
  for (const bucket of DUE_BUCKETS) {
    const items = lists.flatMap((l) => l[bucket].items).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.assignmentId - b.assignmentId);
    merged[bucket] = { count: lists.reduce((n, l) => n + l[bucket].count, 0), items: items.slice(0, LISTED_ITEMS) };
  }
  return merged;
}

async function supervision(db: Db, regionId: number, settings: Pick<CountySettings, "redAfterDays">, now: Date): Promise<UnitSupervision[]> {
  const [stats, pending] = await Promise.all([
    unitStats(db, { kind: "county", regionId }, null, statsMoment(now, settings.redAfterDays)),
    db.extensionRequest.findMany({ where: { state: "pending", assignment: { state: { in: [...OPEN_STATES] }, unit: { regionId } } }, select: { assignment: { select: { unitId: true } } } }),
  ]);
  const extensions = new Map<number, number>();
  for (const e of pending) extensions.set(e.assignment.unitId, (extensions.get(e.assignment.unitId) ?? 0) + 1);
  return stats
    .map((s) => ({ unitId: s.unitId, unitName: s.unitName, overdue: s.overdue, unsigned: s.assigned - s.signed, blocked: s.blocked, extensions: extensions.get(s.unitId) ?? 0 }))
    .filter((u) => u.overdue + u.unsigned + u.blocked + u.extensions > 0)
    .sort((a, b) => b.overdue - a.overdue || b.unsigned - a.unsigned || b.blocked - a.blocked || b.extensions - a.extensions || a.unitName.localeCompare(b.unitName, "zh-CN"));
}

/**
 * Check-ins sent before today on assignments still open with no status update since: the
 * unit was asked for its status and did not answer. A day's grace, so a question asked
 * this morning is not reported as unanswered at once.
 */
async function unansweredCheckIns(db: Db, regionId: number, today: LocalDate, zone: string): Promise<UnansweredCheckIn[]> {
  const sent = await db.outboxMessage.findMany({
    where: { kind: CHECK_IN_KIND, state: "sent", sentAt: { lt: atLocalTime(today, "00:00", zone) }, assignment: { state: { in: [...OPEN_STATES] }, unit: { regionId } } },
    select: { assignmentId: true, address: true, sentAt: true },
  });
  const asked = new Map<number, { at: Date; addresses: Set<string> }>();
  for (const row of sent) {
    if (row.assignmentId === null || row.sentAt === null) continue;
    const entry = asked.get(row.assignmentId) ?? { at: row.sentAt, addresses: new Set<string>() };
    if (row.sentAt > entry.at) entry.at = row.sentAt;
    entry.addresses.add(row.address);
    asked.set(row.assignmentId, entry);
  }
  if (asked.size === 0) return [];
  const latest = await db.statusUpdate.groupBy({ by: ["assignmentId"], where: { assignmentId: { in: [...asked.keys()] } }, _max: { createdAt: true } });
  const answered = new Map(latest.map((u) => [u.assignmentId, u._max.createdAt]));
  const silent = [...asked].filter(([id, a]) => {
    const update = answered.get(id);
    return update === undefined || update === null || update < a.at;
  });
  const addresses = [...new Set(silent.flatMap(([, a]) => [...a.addresses]))].filter((a) => /^\d+$/.test(a));
  const [assignments, people] = await Promise.all([
    db.assignment.findMany({ where: { id: { in: silent.map(([id]) => id) } }, select: { id: true, unitId: true, unit: { select: { name: true } }, directive: { select: { text: true } } } }),
    db.person.findMany({ where: { telegramUserId: { in: addresses.map((a) => BigInt(a)) } }, select: { name: true, telegramUserId: true } }),
  ]);
  const names = new Map(people.map((p) => [String(p.telegramUserId), p.name]));
  const byId = new Map(assignments.map((a) => [a.id, a]));
  return silent
    .sort(([, a], [, b]) => a.at.getTime() - b.at.getTime())
    .flatMap(([id, a]) => {
      const assignment = byId.get(id);
      if (!assignment) return [];
      return [{
        assignmentId: id,
        unitId: assignment.unitId,
        unitName: assignment.unit.name,
        directive: assignment.directive.text,
        askedOn: localDateOf(a.at, zone),
        asked: [...a.addresses].flatMap((address) => names.get(address) ?? []),
      }];
    });
}

async function lostRecipients(db: Db, regionId: number): Promise<LostRecipient[]> {
  const lost = await inactiveRecipients(db, regionId);
  const addresses = lost.flatMap((r) => (r.address === null ? [] : [r.address]));
  const dropped = addresses.length === 0 ? [] : await db.outboxMessage.groupBy({ by: ["address"], where: { channel: "telegram", state: "dead", address: { in: addresses } }, _count: { _all: true } });
  const counts = new Map(dropped.map((d) => [d.address, d._count._all]));
  return lost.map((r) => ({ ...r, skipped: r.address === null ? 0 : counts.get(r.address) ?? 0 }));
}

export async function countyDigestData(db: Db, regionId: number, settings: Pick<CountySettings, "timeZone" | "redAfterDays">, now: Date): Promise<CountyDigestData> {
  const zone = settings.timeZone;
  const today = localDateOf(now, zone);
  const [due, units, checkIns, lost] = await Promise.all([
    dueByUnit(db, regionId, now, today, zone),
    supervision(db, regionId, settings, now),
    unansweredCheckIns(db, regionId, today, zone),
    lostRecipients(db, regionId),
  ]);
  return { today, due, units, checkIns, lost };
}
