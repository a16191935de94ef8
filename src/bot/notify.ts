// Messages to people other than the one pressing: supervisors' alerts, a requester's answer,
// a card re-sent to those who have not signed. They go through the outbox like every other
// outgoing message, rendered in each recipient's locale, so pacing, retries and merging apply.
import { providerOf } from "../db/client.js";
import { bind, type T } from "../messages/translate.js";
import { enqueue, type ButtonSpec, type NewOutboxRow } from "../scheduler/outbox.js";
import type { Store } from "../scheduler/raw-sql.js";
import type { Recipient } from "../services/publish.js";
import type { BotContext } from "./context.js";
import { translatorFor } from "./translator.js";

export function storeOf(ctx: BotContext): Store {
  return { db: ctx.deps.db, provider: providerOf(ctx.config.DATABASE_URL) };
}

/**
 * Who supervises a unit's task: the county's admins and (unless `unitId` is null, for what
 * only admins decide) the unit's head, each once, reachable in a private chat.
 */
export async function supervisorsOf(ctx: BotContext, regionId: number, unitId: number | null): Promise<Recipient[]> {
  const { db } = ctx.deps;
  const unit = unitId === null ? null : await db.unit.findUniqueOrThrow({ where: { id: unitId } });
  const people = await db.person.findMany({
    where: {
      active: true,
      telegramUserId: { not: null },
      OR: [
        { memberships: { some: { regionId, role: "admin" } } },
        ...(unit ? [{ memberships: { some: { unitId: unit.id, role: "unit_head" } } }] : []),
        ...(unit?.headPersonId ? [{ id: unit.headPersonId }] : []),
      ],
    },
    orderBy: { id: "asc" },
  });
  return people.map((p) => personRecipient(ctx, p));
}

export function personRecipient(ctx: BotContext, person: { id: number; telegramUserId: bigint | null; locale: string | null }): Recipient {
  return { personId: person.id, address: String(person.telegramUserId), locale: person.locale ?? ctx.config.DEFAULT_LOCALE };
}

export interface Notice {
  kind: string;
  /** Unique per event; the recipient's address is appended, so a replayed update queues nothing twice. */
  key: string;
  assignmentId: number | null;
  /** Later than now for what may wait and be merged with others (payload.line, L2). */
  dueAt?: Date;
  render: (t: T) => { text: string; buttons?: ButtonSpec[][]; line?: string };
}

export async function notify(ctx: BotContext, recipients: readonly Recipient[], notice: Notice): Promise<number> {
  const translate = translatorFor(ctx.config.DEFAULT_LOCALE);
  const now = ctx.deps.clock.now();
  const rows: NewOutboxRow[] = recipients.map((r) => {
    const { text, buttons, line } = notice.render(bind(translate, r.locale));
    return {
      address: r.address,
      kind: notice.kind,
      payload: { text, html: true, locale: r.locale, ...(buttons ? { buttons } : {}), ...(line ? { line } : {}) },
      dueAt: notice.dueAt ?? now,
      dedupeKey: `${notice.key}:${r.address}`,
      assignmentId: notice.assignmentId,
      subjectType: "person",
      subjectId: r.personId,
    };
  });
  return rows.length === 0 ? 0 : enqueue(storeOf(ctx), rows, now);
}
