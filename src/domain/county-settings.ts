// A county's reminder settings: the Region columns plus the optional `settings` JSON,
// with the defaults the issue names. Pure: parsing only.
import { z } from "zod";
import { isTimeZone, parseWallTime, type QuietHours } from "../time.js";

export interface CountySettings {
  timeZone: string;
  quiet: QuietHours;
  /** Respect weekends, public holidays and 调休 (Region.workingCalendar). */
  respectWorkingDays: boolean;
  /** Wall time of the day's reminders, `HH:mm`. */
  reminderTime: string;
  /** Wall time of the daily digest, `HH:mm`. */
  digestTime: string;
  /** The 7-day reminder is sent only when the deadline was given more than this many days ahead. */
  longLeadDays: number;
  /** Overdue by more than this many days: red slip to the unit head and the county admins. */
  redAfterDays: number;
  /** An open assignment without an update for this many days gets a check-in prompt. */
  checkInAfterDays: number;
  /** How many days of daily overdue reminders are planned ahead; a daily job extends them. */
  nagHorizonDays: number;
}

const wallTime = z.string().refine((v) => parseWallTime(v) !== null, "HH:mm");
const days = z.number().int().min(1).max(365);

const settingsJson = z.object({
  reminderTime: wallTime.default("09:00"),
  digestTime: wallTime.default("08:30"),
  longLeadDays: days.default(14),
  redAfterDays: days.default(3),
  checkInAfterDays: days.default(7),
  nagHorizonDays: days.default(14),
});

export interface RegionSettingsRow {
  timeZone: string;
  quietStart: string;
  quietEnd: string;
  workingCalendar: boolean;
  settings: unknown;
}

export class CountySettingsError extends Error {}

/** The settings of a county row; invalid values are refused with a message naming them (B5). */
export function countySettings(region: RegionSettingsRow): CountySettings {
  if (!isTimeZone(region.timeZone)) throw new CountySettingsError(`unknown time zone: ${region.timeZone}`);
  for (const time of [region.quietStart, region.quietEnd]) {
    if (parseWallTime(time) === null) throw new CountySettingsError(`quiet hours must be HH:mm, not ${time}`);
  }
  const parsed = settingsJson.safeParse(region.settings ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CountySettingsError(`county setting ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return {
    timeZone: region.timeZone,
    quiet: { start: region.quietStart, end: region.quietEnd },
    respectWorkingDays: region.workingCalendar,
    ...parsed.data,
  };
}

export const DEFAULT_COUNTY: RegionSettingsRow = {
  timeZone: "Asia/Shanghai",
  quietStart: "21:00",
  quietEnd: "08:00",
  workingCalendar: true,
  settings: null,
};
