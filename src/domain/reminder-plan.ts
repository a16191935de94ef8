// What gets sent when for one deadline: pure rules, no I/O, the clock passed in.
//   before: 7 days (only when the deadline was given long ahead), 3 days, 1 day, and
//           the due day, all at the county's reminder time — blue slips (蓝色督办单);
//   after:  a daily overdue reminder on working days — yellow, turning red once overdue
//           by more than `redAfterDays` — and one red escalation to the unit head and
//           the county admins.
// Reminders never land in quiet hours, and with the working calendar on they move off
// weekends and holidays: earlier for reminders before the deadline (so they still
// arrive before it), later for overdue ones.
import type { CountySettings } from "./county-settings.js";
import { addDays, afterQuietHours, atLocalTime, daysBetween, endOfLocalDay, localDateOf, type LocalDate } from "../time.js";
import { nextWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore, type WorkingCalendar } from "../working-calendar.js";

export type ReminderKind = "before-7d" | "before-3d" | "before-1d" | "due-today" | "overdue" | "escalation" | "check-in";
export type SlipColour = "blue" | "yellow" | "red";
export type Audience = "assignees" | "supervisors";

export interface PlannedReminder {
  kind: ReminderKind;
  colour: SlipColour | null;
  audience: Audience;
  at: Date;
  /** Unique within one deadline's plan; part of the outbox dedupe key. */
  step: string;
  /** Days until (positive) or past (negative) the deadline, in the county's calendar. */
  daysLeft: number;
  /** After this the reminder is pointless and is skipped instead of sent late (F13). */
  expiresAt: Date;
}

export interface PlanContext {
  settings: CountySettings;
  calendar: WorkingCalendar;
  now: Date;
}

export interface DeadlinePlanInput extends PlanContext {
  dueAt: Date;
  /** When the work was assigned: decides whether the 7-day reminder applies. */
  assignedAt: Date;
  /** Assignee reminders before this instant are folded into one at this instant. */
  snoozedUntil?: Date | null;
}

const BEFORE: ReadonlyArray<[ReminderKind, number]> = [
  ["before-7d", 7],
  ["before-3d", 3],
  ["before-1d", 1],
  ["due-today", 0],
];

const DAY_MS = 86_400_000;

/** The county's reminder time on `date`, moved out of quiet hours. */
export function reminderInstant(date: LocalDate, context: PlanContext, time = context.settings.reminderTime): Date {
  const { timeZone, quiet } = context.settings;
  return afterQuietHours(atLocalTime(date, time, timeZone), timeZone, quiet);
}

/** Whether the deadline was given long ahead, which earns it the 7-day reminder. */
function longLead(input: DeadlinePlanInput): boolean {
  return input.dueAt.getTime() - input.assignedAt.getTime() > input.settings.longLeadDays * DAY_MS;
}

function beforeDeadline(input: DeadlinePlanInput, dueDate: LocalDate): PlannedReminder[] {
  const byDate = new Map<LocalDate, PlannedReminder>();
  for (const [kind, offset] of BEFORE) {
    if (kind === "before-7d" && !longLead(input)) continue;
    const date = workingDayOnOrBefore(input.calendar, addDays(dueDate, -offset));
    const at = reminderInstant(date, input);
    if (at <= input.now || at >= input.dueAt) continue;
    // Two reminders moved onto one day: the later, more urgent one wins.
    byDate.set(date, { kind, colour: "blue", audience: "assignees", at, step: kind, daysLeft: daysBetween(date, dueDate), expiresAt: input.dueAt });
  }
  return [...byDate.values()];
}

function afterDeadline(input: DeadlinePlanInput, dueDate: LocalDate): PlannedReminder[] {
  const { settings, calendar, now } = input;
  const horizon = now.getTime() + settings.nagHorizonDays * DAY_MS;
  const planned: PlannedReminder[] = [];
  let escalated = false;
  for (let date = nextWorkingDay(calendar, dueDate); ; date = nextWorkingDay(calendar, date)) {
    const at = reminderInstant(date, input);
    if (at.getTime() > horizon) break;
    const overdue = daysBetween(dueDate, date);
    const red = overdue > settings.redAfterDays;
    const expiresAt = endOfLocalDay(date, settings.timeZone);
    // Planned late (a deadline moved into the past), the escalation goes out at the next slot.
    if (red && !escalated && at > now) {
      escalated = true;
      planned.push({ kind: "escalation", colour: "red", audience: "supervisors", at, step: "escalation", daysLeft: -overdue, expiresAt: endOfLocalDay(addDays(date, 7), settings.timeZone) });
    }
    if (at > now) planned.push({ kind: "overdue", colour: red ? "red" : "yellow", audience: "assignees", at, step: `overdue:${date}`, daysLeft: -overdue, expiresAt });
  }
  return planned;
}

/** The assignee reminder that fits an instant, or null while the deadline is still too far off to remind of. */
function reminderAt(input: DeadlinePlanInput, dueDate: LocalDate, at: Date): PlannedReminder | null {
  const daysLeft = daysBetween(localDateOf(at, input.settings.timeZone), dueDate);
  const reach = Math.max(...BEFORE.filter(([kind]) => kind !== "before-7d" || longLead(input)).map(([, offset]) => offset));
  if (daysLeft > reach) return null;
  const kind: ReminderKind = daysLeft > 0 ? "before-1d" : daysLeft === 0 ? "due-today" : "overdue";
  const colour: SlipColour = daysLeft >= 0 ? "blue" : -daysLeft > input.settings.redAfterDays ? "red" : "yellow";
  return { kind, colour, audience: "assignees", at, step: kind, daysLeft, expiresAt: at };
}

/**
 * A snooze brings the reminder back at its end: the assignee reminders it covers fold into
 * one there, and when it covers none (the pressed one was sent already, the next is later)
 * one that fits that day is added, unless the deadline is still too far off.
 */
function applySnooze(input: DeadlinePlanInput, dueDate: LocalDate, reminders: PlannedReminder[], until: Date): PlannedReminder[] {
  const covered = reminders.filter((r) => r.audience === "assignees" && r.at <= until);
  const last = covered.at(-1) ?? reminderAt(input, dueDate, until);
  const kept = reminders.filter((r) => !covered.includes(r));
  if (!last) return kept;
  return [...kept, { ...last, at: until, step: `snoozed:${until.toISOString()}`, expiresAt: new Date(Math.max(last.expiresAt.getTime(), until.getTime() + DAY_MS)) }];
}

/** Every reminder still to come for a deadline, in time order. */
export function planDeadlineReminders(input: DeadlinePlanInput): PlannedReminder[] {
  const dueDate = localDateOf(input.dueAt, input.settings.timeZone);
  let plan = [...beforeDeadline(input, dueDate), ...afterDeadline(input, dueDate)];
  if (input.snoozedUntil && input.snoozedUntil > input.now) plan = applySnooze(input, dueDate, plan, input.snoozedUntil);
  return plan.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export type SnoozeOption = "hour" | "tomorrow" | "next-working-day";

/** When a reminder snoozed from its buttons comes back. */
export function snoozeUntil(option: SnoozeOption, context: PlanContext): Date {
  const { now, settings, calendar } = context;
  const today = localDateOf(now, settings.timeZone);
  switch (option) {
    case "hour":
      return afterQuietHours(new Date(now.getTime() + 3_600_000), settings.timeZone, settings.quiet);
    case "tomorrow":
      return reminderInstant(addDays(today, 1), context);
    case "next-working-day":
      return reminderInstant(nextWorkingDay(calendar, today), context);
  }
}

/**
 * The next check-in prompt for open work last updated at `lastActivityAt`: the first
 * working day `checkInAfterDays` later, at the reminder time, and never in the past.
 */
export function planCheckIn(lastActivityAt: Date, context: PlanContext): PlannedReminder {
  const { settings, calendar, now } = context;
  const zone = settings.timeZone;
  const target = addDays(localDateOf(lastActivityAt, zone), settings.checkInAfterDays);
  let date = workingDayOnOrAfter(calendar, target);
  if (reminderInstant(date, context) <= now) {
    const today = workingDayOnOrAfter(calendar, localDateOf(now, zone));
    date = reminderInstant(today, context) > now ? today : nextWorkingDay(calendar, today);
  }
  return {
    kind: "check-in",
    colour: null,
    audience: "assignees",
    at: reminderInstant(date, context),
    step: `check-in:${target}`,
    daysLeft: 0,
    expiresAt: endOfLocalDay(addDays(date, 2), zone),
  };
}
