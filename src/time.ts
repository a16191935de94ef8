// The one module that knows time zones. Instants are stored in UTC (Date); planning
// happens on local calendar dates (YYYY-MM-DD) and wall times (HH:mm) in a county's
// zone. dayjs and its timezone plugin stay behind these functions: its known offset
// bugs concern input strings carrying offsets, which nothing here passes.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** A calendar date in some zone, `YYYY-MM-DD`. */
export type LocalDate = string;

const DAY_MS = 86_400_000;

export class TimeInputError extends Error {}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function assertZone(zone: string): void {
  if (!isTimeZone(zone)) throw new TimeInputError(`unknown time zone: ${zone}`);
}

/** `YYYY-MM-DD` of a real calendar day (rejects 02-30 and 2026-02-29), else null. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d ? match[0] : null;
}

/** Minutes after midnight of an `HH:mm` wall time, else null. */
export function parseWallTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function wallMinutes(text: string): number {
  const minutes = parseWallTime(text);
  if (minutes === null) throw new TimeInputError(`not an HH:mm time: ${text}`);
  return minutes;
}

/** Calendar arithmetic on dates alone: no zone is involved. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function localDateOf(instant: Date, zone: string): LocalDate {
  assertZone(zone);
  return dayjs(instant).tz(zone).format("YYYY-MM-DD");
}

/** Minutes after local midnight of an instant. */
export function localMinutesOf(instant: Date, zone: string): number {
  assertZone(zone);
  const local = dayjs(instant).tz(zone);
  return local.hour() * 60 + local.minute();
}

/** The instant a wall clock in `zone` shows `time` on `date`. */
export function atLocalTime(date: LocalDate, time: string, zone: string): Date {
  assertZone(zone);
  if (parseLocalDate(date) === null) throw new TimeInputError(`not a calendar date: ${date}`);
  const minutes = wallMinutes(time);
  return dayjs.tz(`${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`, zone).toDate();
}

/** The last millisecond of `date` in `zone`: a deadline "by the 30th" means this. */
export function endOfLocalDay(date: LocalDate, zone: string): Date {
  return new Date(atLocalTime(addDays(date, 1), "00:00", zone).getTime() - 1);
}

export interface QuietHours {
  /** `HH:mm`; quiet from here … */
  start: string;
  /** … to here, possibly across midnight (21:00–08:00). */
  end: string;
}

export function isQuiet(instant: Date, zone: string, quiet: QuietHours): boolean {
  const [start, end, now] = [wallMinutes(quiet.start), wallMinutes(quiet.end), localMinutesOf(instant, zone)];
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The instant itself, or — inside quiet hours — the morning when they end. */
export function afterQuietHours(instant: Date, zone: string, quiet: QuietHours): Date {
  if (!isQuiet(instant, zone, quiet)) return instant;
  const today = localDateOf(instant, zone);
  const endsToday = localMinutesOf(instant, zone) < wallMinutes(quiet.end);
  return atLocalTime(endsToday ? today : addDays(today, 1), quiet.end, zone);
}
