// Spreadsheet cells hold a wall-clock date without a zone, and exceljs writes a Date's UTC
// fields. So an instant is shifted to "the county's wall clock read as UTC" before it is
// written: the cell then shows the day (and time) the county saw.
import { localDateOf, localMinutesOf } from "../time.js";

const MINUTE_MS = 60_000;

export function wallClockAsUtc(instant: Date, zone: string, withTime: boolean): Date {
  const midnight = Date.parse(`${localDateOf(instant, zone)}T00:00:00Z`);
  return new Date(withTime ? midnight + localMinutesOf(instant, zone) * MINUTE_MS : midnight);
}

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:mm` on the county's wall clock. */
export function wallClockText(instant: Date, zone: string, withTime: boolean): string {
  const iso = wallClockAsUtc(instant, zone, withTime).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
