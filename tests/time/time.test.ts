import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addDays, afterQuietHours, atLocalTime, endOfLocalDay, isQuiet, localDateOf, parseLocalDate, parseWallTime, TimeInputError,
} from "../../src/time.js";
import {
  createWorkingCalendar, LIBRARY_YEARS, nextWorkingDay, parseHolidaySchedule, workingDayOnOrBefore,
} from "../../src/working-calendar.js";

const quiet = { start: "21:00", end: "08:00" };

test("local dates and wall times convert through the county's zone, stored as UTC", () => {
  assert.equal(atLocalTime("2026-03-02", "09:00", "Asia/Shanghai").toISOString(), "2026-03-02T01:00:00.000Z");
  assert.equal(endOfLocalDay("2026-03-31", "Asia/Shanghai").toISOString(), "2026-03-31T15:59:59.999Z");
  assert.equal(localDateOf(new Date("2026-03-01T16:30:00Z"), "Asia/Shanghai"), "2026-03-02");
  assert.equal(localDateOf(new Date("2026-03-01T16:30:00Z"), "UTC"), "2026-03-01");
  // A zone with daylight saving time: the same wall time is a different UTC hour in summer.
  assert.equal(atLocalTime("2026-01-15", "09:00", "Europe/Berlin").toISOString(), "2026-01-15T08:00:00.000Z");
  assert.equal(atLocalTime("2026-07-15", "09:00", "Europe/Berlin").toISOString(), "2026-07-15T07:00:00.000Z");
});

test("bad dates, times and zones are refused, leap days accepted (B5)", () => {
  assert.equal(parseLocalDate("2026-02-30"), null);
  assert.equal(parseLocalDate("2026-02-29"), null);
  assert.equal(parseLocalDate("2028-02-29"), "2028-02-29");
  assert.equal(parseLocalDate("2026-13-01"), null);
  assert.equal(parseWallTime("24:00"), null);
  assert.equal(parseWallTime("08:30"), 510);
  assert.throws(() => atLocalTime("2026-02-30", "09:00", "Asia/Shanghai"), TimeInputError);
  assert.throws(() => atLocalTime("2026-03-01", "09:00", "Mars/Olympus"), TimeInputError);
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
});

test("quiet hours across midnight push a reminder to the morning", () => {
  const zone = "Asia/Shanghai";
  const late = atLocalTime("2026-03-02", "22:30", zone);
  const early = atLocalTime("2026-03-03", "06:00", zone);
  const day = atLocalTime("2026-03-03", "10:00", zone);
  assert.ok(isQuiet(late, zone, quiet) && isQuiet(early, zone, quiet) && !isQuiet(day, zone, quiet));
  assert.equal(afterQuietHours(late, zone, quiet).toISOString(), atLocalTime("2026-03-03", "08:00", zone).toISOString());
  assert.equal(afterQuietHours(early, zone, quiet).toISOString(), atLocalTime("2026-03-03", "08:00", zone).toISOString());
  assert.equal(afterQuietHours(day, zone, quiet), day);
  assert.equal(afterQuietHours(atLocalTime("2026-03-03", "13:00", zone), zone, { start: "12:00", end: "14:00" }).toISOString(), atLocalTime("2026-03-03", "14:00", zone).toISOString());
});

test("holidays and adjusted working days (调休) come from chinese-days", () => {
  const calendar = createWorkingCalendar({ respectWorkingDays: true });
  assert.ok(LIBRARY_YEARS.has(2026));
  assert.equal(calendar.isWorkingDay("2026-10-01"), false, "National Day");
  assert.equal(calendar.isWorkingDay("2026-10-10"), true, "a Saturday worked for National Day (调休)");
  assert.equal(calendar.isWorkingDay("2026-10-11"), false, "an ordinary Sunday");
  assert.equal(calendar.isWorkingDay("2026-10-12"), true);
  assert.equal(nextWorkingDay(calendar, "2026-09-30"), "2026-10-08");
  assert.equal(workingDayOnOrBefore(calendar, "2026-10-05"), "2026-09-30");
  const everyDay = createWorkingCalendar({ respectWorkingDays: false });
  assert.equal(everyDay.isWorkingDay("2026-10-01"), true);
});

test("a year the library does not know falls back to weekends only until its schedule is loaded", () => {
  const unknown = Math.max(...LIBRARY_YEARS) + 1;
  const bare = createWorkingCalendar({ respectWorkingDays: true });
  assert.equal(bare.knowsYear(unknown), false);
  const newYear = `${unknown}-01-01`;
  const saturday = [...Array(14).keys()].map((i) => addDays(newYear, i)).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6) ?? "";
  const weekdayNewYear = new Date(`${newYear}T00:00:00Z`).getUTCDay();
  assert.equal(bare.isWorkingDay(newYear), weekdayNewYear !== 0 && weekdayNewYear !== 6, "weekends only: New Year's Day is not known");
  assert.equal(bare.isWorkingDay(saturday), false);

  const parsed = parseHolidaySchedule(`# ${unknown} schedule\n${newYear} 休 元旦\n${saturday} 班 调休\n${unknown}-02-05~${unknown}-02-07 休 春节\nnonsense line`);
  assert.deepEqual(parsed.errors, [{ line: 5, text: "nonsense line", problem: "format" }]);
  assert.equal(parsed.days.length, 5);
  const loaded = createWorkingCalendar({ respectWorkingDays: true, overrides: parsed.days });
  assert.equal(loaded.knowsYear(unknown), true);
  assert.equal(loaded.isWorkingDay(newYear), false);
  assert.equal(loaded.isWorkingDay(saturday), true);
  assert.equal(loaded.isWorkingDay(`${unknown}-02-06`), false);
});
