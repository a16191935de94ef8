// Recurring duties (每季度…, 每年, 每月, 每两周, 每半年): a rule becomes periods, each an
// occurrence with its own due date (the period's last day) and completion. Months,
// quarters and years follow the calendar (每季度 means Q1–Q4, 每半年 January–June and
// July–December); days and weeks count from the duty's start (weeks from its Monday).
import { addDays, parseLocalDate, weekday, type LocalDate } from "../time.js";

export type RecurrenceFreq = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

export interface RecurrenceRule {
  freq: RecurrenceFreq;
  interval: number;
  /** Completions required per period (不少于N次); 1 when absent. */
  count?: number;
}

export interface Occurrence {
  /** 0 for the period containing the start, then 1, 2, … */
  index: number;
  start: LocalDate;
  end: LocalDate;
  /** The period's last day: the duty is due by the end of it. */
  due: LocalDate;
  required: number;
}

export class RecurrenceError extends Error {}

const FREQS: readonly RecurrenceFreq[] = ["daily", "weekly", "monthly", "quarterly", "yearly"];

/** Checks a rule read from JSON (Directive.recurrence); throws with a message when unusable. */
export function parseRecurrence(value: unknown): RecurrenceRule {
  const rule = value as Partial<RecurrenceRule> | null;
  if (!rule || typeof rule !== "object" || !FREQS.includes(rule.freq as RecurrenceFreq)) throw new RecurrenceError("recurrence needs freq: daily|weekly|monthly|quarterly|yearly");
  const interval = rule.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 366) throw new RecurrenceError(`recurrence interval must be 1–366, not ${String(rule.interval)}`);
  const count = rule.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RecurrenceError(`recurrence count must be 1–100, not ${String(rule.count)}`);
  return { freq: rule.freq as RecurrenceFreq, interval, count };
}

function monthsPer(rule: RecurrenceRule): number {
  return rule.freq === "monthly" ? rule.interval : rule.freq === "quarterly" ? 3 * rule.interval : 12 * rule.interval;
}

const monthStart = (monthIndex: number): LocalDate => {
  const y = Math.floor(monthIndex / 12);
  return `${String(y).padStart(4, "0")}-${String((monthIndex % 12) + 1).padStart(2, "0")}-01`;
};

const monthIndexOf = (date: LocalDate): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The period `index` of a rule anchored at `anchor`, as [start, end]. */
function period(rule: RecurrenceRule, anchor: LocalDate, index: number): [LocalDate, LocalDate] {
  if (rule.freq === "daily" || rule.freq === "weekly") {
    const length = rule.freq === "daily" ? rule.interval : 7 * rule.interval;
    const first = rule.freq === "weekly" ? addDays(anchor, -((weekday(anchor) + 6) % 7)) : anchor;
    const start = addDays(first, index * length);
    return [start, addDays(start, length - 1)];
  }
  const months = monthsPer(rule);
  const firstMonth = monthIndexOf(anchor) - (monthIndexOf(anchor) % months);
  const start = monthStart(firstMonth + index * months);
  return [start, addDays(monthStart(firstMonth + (index + 1) * months), -1)];
}

/** The occurrences whose periods overlap [from, to], the first being the one containing `anchor`. */
export function occurrencesBetween(rule: RecurrenceRule, anchor: LocalDate, from: LocalDate, to: LocalDate): Occurrence[] {
  if (parseLocalDate(anchor) === null || parseLocalDate(from) === null || parseLocalDate(to) === null) {
    throw new RecurrenceError(`not calendar dates: ${anchor} ${from} ${to}`);
  }
  const found: Occurrence[] = [];
  for (let index = 0; index < 10_000; index++) {
    const [start, end] = period(rule, anchor, index);
    if (start > to) break;
    if (end >= from) found.push({ index, start, end, due: end, required: rule.count ?? 1 });
  }
  return found;
}

/** The occurrence whose period contains `date` (the current quarter, week …). */
export function occurrenceOn(rule: RecurrenceRule, anchor: LocalDate, date: LocalDate): Occurrence | null {
  return occurrencesBetween(rule, anchor, date, date)[0] ?? null;
}
