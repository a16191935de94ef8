// The time span a report covers, on the county's calendar: this week (ISO, Monday first),
// this month, or an explicit range of local dates. `start` and `end` are the instants of
// local midnight at either end, `end` exclusive, so a range compares with `>=` and `<`.
import { addDays, atLocalTime, daysBetween, localDateOf, parseLocalDate, weekday, type LocalDate } from "../time.js";

export type PeriodSpec = { kind: "week" } | { kind: "month" } | { kind: "range"; from: LocalDate; to: LocalDate };

export interface Period {
  kind: PeriodSpec["kind"];
  /** First local day, inclusive. */
  from: LocalDate;
  /** Last local day, inclusive. */
  to: LocalDate;
  start: Date;
  end: Date;
}

/** A range longer than this is refused: the trend chart and the queries are planned for a year at most. */
export const MAX_RANGE_DAYS = 366;

const WEEK = /^(?:this\s+week|week|本周|本週|这周|這週)$/i;
const MONTH = /^(?:this\s+month|month|本月)$/i;
const RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|~|～|至|到|—|–|\s)\s*(\d{4}-\d{2}-\d{2})$/;

/** Words or `YYYY-MM-DD..YYYY-MM-DD` as typed after a command; null when it is none of them. */
export function parsePeriodSpec(text: string): PeriodSpec | null {
  const trimmed = text.trim();
  if (WEEK.test(trimmed)) return { kind: "week" };
  if (MONTH.test(trimmed)) return { kind: "month" };
  const match = RANGE.exec(trimmed);
  const from = parseLocalDate(match?.[1] ?? "");
  const to = parseLocalDate(match?.[2] ?? "");
  if (from === null || to === null || daysBetween(from, to) < 0 || daysBetween(from, to) >= MAX_RANGE_DAYS) return null;
  return { kind: "range", from, to };
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** `2026-W48`: the ISO week-numbering year and week of a local date. */
export function isoWeekOf(date: LocalDate): string {
  const thursday = addDays(mondayOf(date), 3);
  const week = Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
  return `${thursday.slice(0, 4)}-W${String(week).padStart(2, "0")}`;
}

/** First day of the calendar quarter holding `date`. */
export function quarterStartOf(date: LocalDate): LocalDate {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`;
}

function lastDayOfMonth(date: LocalDate): LocalDate {
  const first = `${date.slice(0, 7)}-01`;
  return addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
}

export function periodOf(spec: PeriodSpec, now: Date, zone: string): Period {
  const today = localDateOf(now, zone);
  const [from, to] =
    spec.kind === "week" ? [mondayOf(today), addDays(mondayOf(today), 6)]
    : spec.kind === "month" ? [`${today.slice(0, 7)}-01`, lastDayOfMonth(today)]
    : [spec.from, spec.to];
  return { kind: spec.kind, from, to, start: atLocalTime(from, "00:00", zone), end: atLocalTime(addDays(to, 1), "00:00", zone) };
}
