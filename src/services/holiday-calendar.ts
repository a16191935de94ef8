// Holiday schedules loaded by admins for years the calendar library does not know yet
// (the State Council publishes next year's late in the year), and the working calendar
// of a county built from the library plus those overrides.
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { yearOf } from "../time.js";
import { createWorkingCalendar, parseHolidaySchedule, type CalendarOverride, type ScheduleError, type WorkingCalendar } from "../working-calendar.js";
import { audit } from "./audit.js";

/** Loaded days, all of them or one year's. */
export async function loadedDays(db: Db, year?: number): Promise<CalendarOverride[]> {
  const rows = await db.calendarDay.findMany({ where: year === undefined ? {} : { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } }, orderBy: { date: "asc" } });
  return rows.map((r) => ({ date: r.date, kind: r.kind === "workday" ? "workday" : "holiday", name: r.name }));
}

export async function loadWorkingCalendar(db: Db, respectWorkingDays: boolean): Promise<WorkingCalendar> {
  return createWorkingCalendar({ respectWorkingDays, overrides: await loadedDays(db) });
}

/** How many days each loaded year holds, oldest year first. */
export async function loadedYearCounts(db: Db): Promise<Array<{ year: number; days: number }>> {
  const counts = new Map<number, number>();
  for (const day of await loadedDays(db)) counts.set(yearOf(day.date), (counts.get(yearOf(day.date)) ?? 0) + 1);
  return [...counts].map(([year, days]) => ({ year, days }));
}

/** `errors` is empty when the text holds no entry at all. */
export type LoadScheduleResult = { ok: true; years: number[]; days: number } | { ok: false; errors: ScheduleError[] };

/**
 * Replaces the loaded schedule of every year the text covers (from chat or an uploaded
 * file, format in parseHolidaySchedule). Nothing is stored when any line is invalid.
 */
export async function loadHolidaySchedule(db: Db, clock: Clock, text: string, actorId: number | null): Promise<LoadScheduleResult> {
  const parsed = parseHolidaySchedule(text);
  if (parsed.errors.length > 0 || parsed.days.length === 0) return { ok: false, errors: parsed.errors };
  // A later line for the same date wins, as when an admin corrects a range.
  const days = [...new Map(parsed.days.map((d) => [d.date, d])).values()];
  const years = [...new Set(days.map((d) => yearOf(d.date)))].sort();
  await db.$transaction(async (tx) => {
    for (const year of years) await tx.calendarDay.deleteMany({ where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } } });
    await tx.calendarDay.createMany({
      data: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null, createdById: actorId, createdAt: clock.now() })),
    });
    await audit(tx, clock, { actorId, action: "calendar.load", subject: years.join(","), details: { days: days.length } });
  });
  return { ok: true, years, days: days.length };
}
