// Working days in mainland China: weekends, public holidays and adjusted working days
// (调休), from the chinese-days library. The State Council publishes next year's schedule
// late in the year, so the library may not know a year yet: such a year falls back to
// weekends only until an admin loads its schedule (stored as overrides, see
// src/services/holiday-calendar.ts), and the admins are warned.
import { createRequire } from "node:module";
import { addDays, parseLocalDate, weekday, yearOf, type LocalDate } from "./time.js";

interface ChineseDays {
  isWorkday(date: string): boolean;
  getDayDetail(date: string): { work: boolean; name: string; date: string };
}

// chinese-days ships CommonJS whose named exports Node's ESM loader cannot see.
const require = createRequire(import.meta.url);
const chineseDays = require("chinese-days") as ChineseDays;
const libraryData = require("chinese-days/dist/chinese-days.json") as { holidays: Record<string, string> };

/** Years whose holidays the installed library knows. */
export const LIBRARY_YEARS: ReadonlySet<number> = new Set(Object.keys(libraryData.holidays).map((d) => Number(d.slice(0, 4))));

export type CalendarDayKind = "holiday" | "workday";

export interface CalendarOverride {
  date: LocalDate;
  kind: CalendarDayKind;
  name?: string | null;
}

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** Whether holidays of `year` are known (library or loaded); unknown years use weekends only. */
  knowsYear(year: number): boolean;
}

export interface CalendarOptions {
  /** The county's setting: false means every day counts as a working day. */
  respectWorkingDays: boolean;
  /** Schedules loaded by admins; they take precedence over the library. */
  overrides?: readonly CalendarOverride[];
}

const isWeekend = (date: LocalDate): boolean => weekday(date) === 0 || weekday(date) === 6;

export function createWorkingCalendar(options: CalendarOptions): WorkingCalendar {
  const overrides = new Map((options.overrides ?? []).map((o) => [o.date, o.kind]));
  const loadedYears = new Set([...overrides.keys()].map(yearOf));
  const knowsYear = (year: number): boolean => LIBRARY_YEARS.has(year) || loadedYears.has(year);
  return {
    knowsYear,
    isWorkingDay(date) {
      if (!options.respectWorkingDays) return true;
      const override = overrides.get(date);
      if (override) return override === "workday";
      if (loadedYears.has(yearOf(date)) || !LIBRARY_YEARS.has(yearOf(date))) return !isWeekend(date);
      return chineseDays.isWorkday(date);
    },
  };
}

/** Safety bound for the day-by-day searches: no real schedule has a month without work. */
const SEARCH_LIMIT_DAYS = 60;

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    const day = addDays(date, i);
    if (calendar.isWorkingDay(day)) return day;
  }
  return date;
}

/** The last working day on or before `date`. */
export function workingDayOnOrBefore(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    const day = addDays(date, -i);
    if (calendar.isWorkingDay(day)) return day;
  }
  return date;
}

export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  return workingDayOnOrAfter(calendar, addDays(date, 1));
}

/**
 * Why a line was refused: unreadable, a date that does not exist (02-30), neither 休 nor 班,
 * a range ending before it starts or crossing a year, or a year the library already knows
 * (a loaded year replaces the library's, so one line would drop all its holidays).
 */
export type ScheduleProblem = "format" | "date" | "kind" | "range" | "known-year";

export interface ScheduleError {
  /** 1-based, as the admin counts the lines of what they sent. */
  line: number;
  text: string;
  problem: ScheduleProblem;
}

export interface ParsedSchedule {
  days: CalendarOverride[];
  errors: ScheduleError[];
}

const HOLIDAY_WORDS = /^(休|假|放假|holiday|off)$/i;
const WORKDAY_WORDS = /^(班|上班|调休上班|workday|work)$/i;

/**
 * Reads a year's schedule as an admin types or uploads it, one entry a line:
 * `2027-02-06~2027-02-12 休 春节`, `2027-02-14 班 春节调休` (also `至`, `holiday`, `workday`).
 * Lines starting with # are comments.
 */
export function parseHolidaySchedule(text: string): ParsedSchedule {
  const days: CalendarOverride[] = [];
  const errors: ScheduleError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const refuse = (problem: ScheduleProblem): void => void errors.push({ line: index + 1, text: line, problem });
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|至|—|-{1,2}|到)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) return refuse("format");
    const from = parseLocalDate(match[1] ?? "");
    const to = match[2] !== undefined ? parseLocalDate(match[2]) : from;
    if (from === null || to === null) return refuse("date");
    const word = match[3] ?? "";
    const kind: CalendarDayKind | null = HOLIDAY_WORDS.test(word) ? "holiday" : WORKDAY_WORDS.test(word) ? "workday" : null;
    if (kind === null) return refuse("kind");
    if (to < from || yearOf(to) !== yearOf(from)) return refuse("range");
    if (LIBRARY_YEARS.has(yearOf(from))) return refuse("known-year");
    const name = match[4]?.trim() || null;
    for (let day = from; day <= to; day = addDays(day, 1)) days.push({ date: day, kind, name });
  });
  return { days, errors };
}

/**
 * Loaded days as the lines parseHolidaySchedule reads, so an admin can copy, correct and
 * send them back: consecutive days of one kind and name become one range.
 */
export function scheduleLines(days: readonly CalendarOverride[]): string[] {
  const runs: Array<{ from: LocalDate; to: LocalDate; kind: CalendarDayKind; name: string | null }> = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    const name = day.name ?? null;
    if (last && last.kind === day.kind && last.name === name && addDays(last.to, 1) === day.date) last.to = day.date;
    else runs.push({ from: day.date, to: day.date, kind: day.kind, name });
  }
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}~${r.to}`} ${r.kind === "workday" ? "班" : "休"}${r.name ? ` ${r.name}` : ""}`);
}
