// 交办: a reviewed draft becomes assignments, and every member of each responsible unit (and
// each group following the county) gets a task card. One transaction: all cards are queued
// in the outbox, or none are.
import type { Database, Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { enqueue, type NewOutboxRow } from "../scheduler/outbox.js";
import { loadTaskCard, renderTaskCard } from "../messages/task-card.js";
import { bind, type Translate } from "../messages/translate.js";
import { escapeHtml } from "../bot/html.js";
import { robotRows } from "../channels/targets.js";
import { audit } from "./audit.js";
import { outlineOf, publishProblems, unitPlanOf, type PublishProblems } from "./meetings.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Members who receive a unit's task cards. Households never do. */
const CARD_ROLES = ["official", "unit_head", "cadre"];

export type PublishResult =
  | { ok: true; assignments: number; cards: number; unassigned: number }
  | { ok: false; reason: "not-draft" }
  | { ok: false; reason: "problems"; problems: PublishProblems };

export interface Recipient {
  personId: number | null;
  address: string;
  locale: string;
}

/** The people of a unit who get its cards, and the groups following it, as outbox addresses. */
export async function unitRecipients(db: Tx | Db, unitId: number, defaultLocale: string): Promise<Recipient[]> {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId } });
  const members = await db.membership.findMany({
    where: { unitId, role: { in: CARD_ROLES }, person: { active: true, telegramUserId: { not: null } } },
    include: { person: true },
  });
  const people = new Map<number, Recipient>();
  for (const m of members) {
    people.set(m.personId, { personId: m.personId, address: String(m.person.telegramUserId), locale: m.person.locale ?? defaultLocale });
  }
  if (unit.headPersonId !== null && !people.has(unit.headPersonId)) {
    const head = await db.person.findUnique({ where: { id: unit.headPersonId } });
    if (head?.active && head.telegramUserId !== null) {
      people.set(head.id, { personId: head.id, address: String(head.telegramUserId), locale: head.locale ?? defaultLocale });
    }
  }
  const groups = await db.subscription.findMany({
    where: { regionId: unit.regionId, notices: true, chat: { active: true }, OR: [{ units: { none: {} } }, { units: { some: { unitId } } }] },
    include: { chat: true },
  });
  return [
    ...people.values(),
    ...groups.map((g) => ({ personId: null, address: String(g.chat.telegramChatId), locale: defaultLocale })),
  ];
}

export async function publishMeeting(
  database: Pick<Database, "db" | "provider">,
  clock: Clock,
  input: { meetingId: number; actorId: number | null; translate: Translate; defaultLocale: string },
): Promise<PublishResult> {
  const { db, provider } = database;
  const problems = await publishProblems(db, input.meetingId);
  if (problems.vague.length > 0 || problems.unknownUnits.length > 0) return { ok: false, reason: "problems", problems };
  return db.$transaction(async (tx) => {
    const claimed = await tx.meeting.updateMany({
      where: { id: input.meetingId, state: "draft" },
      data: { state: "published", publishedAt: clock.now() },
    });
    if (claimed.count !== 1) return { ok: false, reason: "not-draft" } as const;
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: input.meetingId } });
    const outline = await outlineOf(tx, meeting.id);
    const assignmentIds: number[] = [];
    let unassigned = 0;
    // Units of the directives assigned so far; the outline is depth first, so a parent comes before its sub-items.
    const assigned = new Map<number, Set<number>>();
    for (const d of outline) {
      const units = unitPlanOf(d).filter((u): u is typeof u & { unitId: number } => u.unitId !== null);
      if (units.length === 0) {
        unassigned++;
        continue;
      }
      if (isChecklistItem(d, units, assigned)) continue;
      assigned.set(d.id, new Set(units.map((u) => u.unitId)));
      for (const u of units) {
        const row = await tx.assignment.create({
          data: { directiveId: d.id, unitId: u.unitId, role: u.role, dueAt: d.deadline, assignedAt: clock.now() },
        });
        assignmentIds.push(row.id);
      }
    }
    const rows: NewOutboxRow[] = [];
    for (const assignmentId of assignmentIds) {
      const card = await loadTaskCard(tx, assignmentId);
      const assignment = await tx.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
      if (!card) continue;
      for (const r of await unitRecipients(tx, assignment.unitId, input.defaultLocale)) {
        const rendered = renderTaskCard(bind(input.translate, r.locale), card);
        rows.push({
          address: r.address,
          kind: "task-card",
          payload: { text: rendered.text, html: true, buttons: rendered.buttons, locale: r.locale },
          dueAt: clock.now(),
          dedupeKey: `card:${assignmentId}:${r.address}:0`,
          assignmentId,
          subjectType: "person",
          subjectId: r.personId,
        });
      }
    }
    rows.push(...(await summaryRows(tx, meeting, assignmentIds.length, input, clock.now())));
    const cards = await enqueue({ db: tx as unknown as Db, provider }, rows, clock.now());
    await audit(tx, clock, {
      actorId: input.actorId,
      regionId: meeting.regionId,
      action: "meeting.publish",
      subject: `meeting:${meeting.id}`,
      details: { assignments: assignmentIds.length, messages: cards, unassigned },
    });
    return { ok: true, assignments: assignmentIds.length, cards, unassigned } as const;
  });
}

/**
 * A sub-item for the same units as its assigned parent (the ingester passes the parent's units
 * down) is a step of the parent's task, ticked on its card, not a task of its own. One with
 * its own units or its own recurrence, or under a parent that is not a task, stays a task.
 */
function isChecklistItem(d: { parentId: number | null; recurrence: unknown }, units: ReadonlyArray<{ unitId: number }>, assigned: Map<number, Set<number>>): boolean {
  const parentUnits = d.parentId === null ? undefined : assigned.get(d.parentId);
  return parentUnits !== undefined && d.recurrence === null && units.every((u) => parentUnits.has(u.unitId));
}

/** The meeting summary for every group following the county's notices. */
async function summaryRows(
  tx: Tx,
  meeting: { id: number; regionId: number; title: string },
  assignments: number,
  input: { translate: Translate; defaultLocale: string },
  now: Date,
): Promise<NewOutboxRow[]> {
  const groups = await tx.subscription.findMany({
    where: { regionId: meeting.regionId, notices: true, chat: { active: true, type: { in: ["group", "supergroup"] } } },
    include: { chat: true },
  });
  const notice = {
    kind: "meeting-summary",
    payload: { text: input.translate(input.defaultLocale, "publish-summary", { title: escapeHtml(meeting.title), assignments }), html: true },
    dueAt: now,
    subjectType: "meeting",
    subjectId: meeting.id,
  };
  const rows: NewOutboxRow[] = groups.map((g) => ({ ...notice, address: String(g.chat.telegramChatId), dedupeKey: `summary:${meeting.id}:${g.chat.telegramChatId}` }));
  // The county-wide WeCom and DingTalk groups get it too (src/channels/targets.ts).
  return [...rows, ...(await robotRows(tx, { regionId: meeting.regionId }, { ...notice, dedupeKey: `summary:${meeting.id}` }))];
}
