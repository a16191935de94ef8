// Turns an assignment's deadline (or a recurring duty's occurrences) into reminder rows in
// the outbox, following the pure rules of src/domain/reminder-plan.ts. Idempotent: each
// reminder has a dedupe key naming the assignment, the deadline and the step, so planning
// again (a tick, a deadline change, a new member) adds what is missing and removes what
// no longer applies, and never doubles a reminder (F12).
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { escapeHtml } from "../bot/html.js";
import { isOpen } from "../domain/assignment-state.js";
import { countySettings, type CountySettings } from "../domain/county-settings.js";
import { parseRecurrence, occurrencesBetween } from "../domain/recurrence.js";
import { planCheckIn, planDeadlineReminders, snoozeUntil, type PlannedReminder, type SnoozeOption } from "../domain/reminder-plan.js";
import { reminderButtons } from "../messages/reminder-buttons.js";
import { loadTaskCard, type TaskCardData } from "../messages/task-card.js";
import { bind, type Translate } from "../messages/translate.js";
import { loadWorkingCalendar } from "../services/holiday-calendar.js";
import { unitRecipients, type Recipient } from "../services/publish.js";
import { robotStandIns, withRobotCopies } from "../channels/robot-reminders.js";
import { addDays, atLocalTime, endOfLocalDay, localDateOf } from "../time.js";
import type { WorkingCalendar } from "../working-calendar.js";
import { enqueue, type NewOutboxRow } from "./outbox.js";
import { dropStalePending } from "./stale-rows.js";
import type { Store } from "./raw-sql.js";

export interface PlannerDeps {
  store: Store;
  clock: Clock;
  translate: Translate;
  defaultLocale: string;
}

/** Every reminder row kind starts with this; cancelling touches only these. */
export const REMINDER_KIND = "reminder.";

const TITLE_LENGTH = 60;

interface Deadline {
  dueAt: Date;
  assignedAt: Date;
  /** Set for a recurring duty's occurrence. */
  occurrenceId: number | null;
}

async function loadAssignment(db: Db, assignmentId: number) {
  return db.assignment.findUnique({
    where: { id: assignmentId },
    include: {
      directive: true,
      unit: { include: { region: true } },
      occurrences: { where: { state: "open" } },
      statusUpdates: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
}

type LoadedAssignment = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>;

/** The unit head and the county admins: who receives red escalations. */
async function supervisors(db: Db, unit: LoadedAssignment["unit"], defaultLocale: string): Promise<Recipient[]> {
  const admins = await db.membership.findMany({
    where: { regionId: unit.regionId, role: "admin", person: { active: true, telegramUserId: { not: null } } },
    include: { person: true },
  });
  const people = admins.map((m) => m.person);
  if (unit.headPersonId !== null) {
    const head = await db.person.findUnique({ where: { id: unit.headPersonId } });
    if (head?.active && head.telegramUserId !== null) people.push(head);
  }
  const unique = new Map(people.map((p) => [p.id, { personId: p.id, address: String(p.telegramUserId), locale: p.locale ?? defaultLocale }]));
  return [...unique.values()];
}

function render(deps: PlannerDeps, r: PlannedReminder, locale: string, vars: Record<string, string | number>): string {
  const key = r.kind === "overdue" ? "reminder-overdue"
    : r.kind === "escalation" ? "reminder-escalation"
    : r.kind === "check-in" ? "reminder-check-in"
    : r.kind === "due-today" ? "reminder-due-today"
    : "reminder-before";
  return deps.translate(locale, key, { ...vars, days: Math.abs(r.daysLeft), colour: r.colour ?? "none" });
}

function rowsFor(deps: PlannerDeps, a: LoadedAssignment, deadline: Deadline, plan: PlannedReminder[], people: { assignees: Recipient[]; supervisors: Recipient[] }, settings: CountySettings, card: TaskCardData): NewOutboxRow[] {
  const title = escapeHtml(a.directive.text.length > TITLE_LENGTH ? `${a.directive.text.slice(0, TITLE_LENGTH)}…` : a.directive.text);
  const due = localDateOf(deadline.dueAt, settings.timeZone);
  const vars = { title, due, unit: escapeHtml(a.unit.name) };
  const scope = deadline.occurrenceId === null ? "-" : `o${deadline.occurrenceId}`;
  return plan.flatMap((r) =>
    (r.audience === "assignees" ? people.assignees : people.supervisors).map((to) => {
      const text = render(deps, r, to.locale, r.kind === "check-in" ? { ...vars, days: settings.checkInAfterDays } : vars);
      return {
        address: to.address,
        kind: `${REMINDER_KIND}${r.kind}`,
        payload: { text, html: true, locale: to.locale, line: `• ${text}`, ...reminderButtons(bind(deps.translate, to.locale), r.kind, card) },
        dueAt: r.at,
        expiresAt: r.expiresAt,
        dedupeKey: `rem:${a.id}:${scope}:${due}:${r.step}:${to.address}`,
        assignmentId: a.id,
        subjectType: deadline.occurrenceId === null ? "assignment" : "occurrence",
        subjectId: deadline.occurrenceId ?? a.id,
      };
    }),
  );
}

/** Creates the open occurrences of a recurring duty up to the planning horizon. */
async function ensureOccurrences(deps: PlannerDeps, a: LoadedAssignment, settings: CountySettings): Promise<Deadline[]> {
  const rule = parseRecurrence(a.directive.recurrence);
  const zone = settings.timeZone;
  const today = localDateOf(deps.clock.now(), zone);
  const anchor = localDateOf(a.assignedAt, zone);
  const periods = occurrencesBetween(rule, anchor, today, addDays(today, settings.nagHorizonDays));
  for (const p of periods) {
    await deps.store.db.dutyOccurrence.upsert({
      where: { assignmentId_periodStart: { assignmentId: a.id, periodStart: p.start } },
      create: { assignmentId: a.id, periodStart: p.start, periodEnd: p.end, dueAt: endOfLocalDay(p.due, zone), required: p.required, createdAt: deps.clock.now() },
      update: {},
    });
  }
  const open = await deps.store.db.dutyOccurrence.findMany({ where: { assignmentId: a.id, state: "open" } });
  return open.map((o) => {
    const periodStart = atLocalTime(o.periodStart, "00:00", zone);
    return { dueAt: o.dueAt, assignedAt: a.assignedAt > periodStart ? a.assignedAt : periodStart, occurrenceId: o.id };
  });
}

export interface PlanResult {
  enqueued: number;
  cancelled: number;
}

/**
 * Plans (or re-plans) the reminders of one assignment: call it when an assignment is
 * created, its deadline or unit changes, it is snoozed, or its unit gains members.
 * Finished assignments lose their pending reminders.
 */
export async function planAssignmentReminders(deps: PlannerDeps, assignmentId: number): Promise<PlanResult> {
  const { db } = deps.store;
  const a = await loadAssignment(db, assignmentId);
  // The card (for the buttons) is a heavier query: only an open assignment needs it.
  const card = a && isOpen(a.state) ? await loadTaskCard(db, assignmentId) : null;
  if (!a || !card) return { enqueued: 0, cancelled: await cancelReminders(deps.store, assignmentId) };
  const settings = countySettings(a.unit.region);
  const calendar = await loadWorkingCalendar(db, settings.respectWorkingDays);
  const now = deps.clock.now();
  const deadlines: Deadline[] = a.directive.recurrence !== null
    ? await ensureOccurrences(deps, a, settings)
    : a.dueAt !== null ? [{ dueAt: a.dueAt, assignedAt: a.assignedAt, occurrenceId: null }] : [];
  const people = {
    assignees: (await unitRecipients(db, a.unitId, deps.defaultLocale)).filter((r) => r.personId !== null),
    supervisors: await supervisors(db, a.unit, deps.defaultLocale),
  };
  // The unit's and the county's group robots: one copy per step each (src/channels/robot-reminders.ts).
  const robots = robotStandIns(deps.defaultLocale);
  people.assignees.push(robots.assignee);
  people.supervisors.push(robots.supervisor);
  const rows = deadlines.flatMap((d) => {
    const plan = planDeadlineReminders({ dueAt: d.dueAt, assignedAt: d.assignedAt, now, settings, calendar, snoozedUntil: a.snoozedUntil });
    return rowsFor(deps, a, d, plan, people, settings, card);
  });
  const lastActivity = a.statusUpdates[0]?.createdAt ?? a.assignedAt;
  const checkIn = planCheckIn(lastActivity, { now, settings, calendar });
  const firstDeadline = deadlines[0];
  if (firstDeadline) rows.push(...rowsFor(deps, a, firstDeadline, [checkIn], people, settings, card));
  const planned = await withRobotCopies(db, a.unit, rows);
  const cancelled = await dropStalePending(db, { assignmentId, kind: { startsWith: REMINDER_KIND } }, planned, now);
  return { enqueued: await enqueue(deps.store, planned, now), cancelled };
}

/** Drops the pending reminders of an assignment (done, cancelled), or of one occurrence. */
export async function cancelReminders(store: Store, assignmentId: number, occurrenceId?: number): Promise<number> {
  const scope = occurrenceId === undefined ? {} : { subjectType: "occurrence", subjectId: occurrenceId };
  const removed = await store.db.outboxMessage.deleteMany({ where: { assignmentId, state: "pending", kind: { startsWith: REMINDER_KIND }, ...scope } });
  return removed.count;
}

/** The snooze buttons: assignee reminders wait until the chosen time. Resolves to that time. */
export async function snoozeAssignment(deps: PlannerDeps, assignmentId: number, option: SnoozeOption): Promise<Date> {
  const { db } = deps.store;
  const a = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { unit: { include: { region: true } } } });
  const settings = countySettings(a.unit.region);
  const calendar = await loadWorkingCalendar(db, settings.respectWorkingDays);
  const until = snoozeUntil(option, { now: deps.clock.now(), settings, calendar });
  await db.assignment.update({ where: { id: assignmentId }, data: { snoozedUntil: until } });
  await planAssignmentReminders(deps, assignmentId);
  return until;
}

/** One completion of a recurring duty's occurrence; reaching the required count stops only its reminders. */
export async function completeOccurrence(deps: PlannerDeps, occurrenceId: number): Promise<{ done: boolean }> {
  const { db } = deps.store;
  const o = await db.dutyOccurrence.update({ where: { id: occurrenceId }, data: { completed: { increment: 1 } } });
  if (o.completed < o.required) return { done: false };
  await db.dutyOccurrence.update({ where: { id: occurrenceId }, data: { state: "done", doneAt: deps.clock.now() } });
  await cancelReminders(deps.store, o.assignmentId, occurrenceId);
  return { done: true };
}

/** Years whose holidays are unknown among the next `days` days of a county's calendar. */
export function unknownYears(calendar: WorkingCalendar, today: string, days: number): number[] {
  const years = new Set([Number(today.slice(0, 4)), Number(addDays(today, days).slice(0, 4))]);
  return [...years].filter((y) => !calendar.knowsYear(y));
}

/**
 * The daily job: re-plans every open assignment with a deadline or a recurrence (rolling
 * the overdue reminders forward) and warns county admins once per unknown holiday year.
 */
export async function extendReminderPlans(deps: PlannerDeps): Promise<{ assignments: number; warnings: number }> {
  const { db } = deps.store;
  const open = await db.assignment.findMany({
    where: { state: { in: ["assigned", "acknowledged", "in_progress", "blocked"] } },
    select: { id: true },
  });
  for (const a of open) await planAssignmentReminders(deps, a.id);
  let warnings = 0;
  for (const region of await db.region.findMany({ where: { workingCalendar: true } })) {
    const settings = countySettings(region);
    const calendar = await loadWorkingCalendar(db, true);
    const now = deps.clock.now();
    const years = unknownYears(calendar, localDateOf(now, settings.timeZone), 60);
    const admins = await db.membership.findMany({ where: { regionId: region.id, role: "admin", person: { active: true, telegramUserId: { not: null } } }, include: { person: true } });
    const rows: NewOutboxRow[] = years.flatMap((year) => admins.map((m) => ({
      address: String(m.person.telegramUserId),
      kind: "calendar.unknown-year",
      payload: { text: deps.translate(m.person.locale ?? deps.defaultLocale, "reminder-calendar-unknown", { year: String(year) }), html: false },
      dueAt: now,
      dedupeKey: `calendar-unknown:${region.id}:${year}:${m.personId}`,
    })));
    warnings += await enqueue(deps.store, rows, now);
  }
  return { assignments: open.length, warnings };
}
