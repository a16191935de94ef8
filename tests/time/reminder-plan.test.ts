import { test } from "node:test";
import assert from "node:assert/strict";
import { countySettings, CountySettingsError, DEFAULT_COUNTY } from "../../src/domain/county-settings.js";
import { planCheckIn, planDeadlineReminders, snoozeUntil, type PlannedReminder } from "../../src/domain/reminder-plan.js";
import { atLocalTime, endOfLocalDay, localDateOf } from "../../src/time.js";
import { createWorkingCalendar } from "../../src/working-calendar.js";

const zone = "Asia/Shanghai";
const settings = countySettings(DEFAULT_COUNTY);
const calendar = createWorkingCalendar({ respectWorkingDays: true });
const local = (r: PlannedReminder) => `${r.kind}@${localDateOf(r.at, zone)}`;
const at = (date: string, time = "09:00") => atLocalTime(date, time, zone);

test("before a deadline: 7 days (long lead only), 3 days, 1 day and the due day, at 09:00 county time, blue", () => {
  // Due Friday 2026-03-27; assigned a month ahead.
  const dueAt = endOfLocalDay("2026-03-27", zone);
  const plan = planDeadlineReminders({ dueAt, assignedAt: at("2026-02-27"), now: at("2026-03-01"), settings, calendar }).filter((r) => r.daysLeft >= 0);
  assert.deepEqual(plan.map(local), ["before-7d@2026-03-20", "before-3d@2026-03-24", "before-1d@2026-03-26", "due-today@2026-03-27"]);
  assert.ok(plan.every((r) => r.colour === "blue" && r.audience === "assignees" && r.at.toISOString().endsWith("01:00:00.000Z")));
  assert.ok(plan.every((r) => r.expiresAt.getTime() === dueAt.getTime()), "a 'due in 3 days' reminder never goes out after the deadline");

  const short = planDeadlineReminders({ dueAt, assignedAt: at("2026-03-16"), now: at("2026-03-16", "10:00"), settings, calendar });
  assert.ok(!short.some((r) => r.kind === "before-7d"), "no 7-day reminder when the deadline was given ≤ 14 days ahead");
});

test("reminders skip the past: moving the clock forward drops what is already due", () => {
  const dueAt = endOfLocalDay("2026-03-27", zone);
  const plan = planDeadlineReminders({ dueAt, assignedAt: at("2026-02-27"), now: at("2026-03-26", "09:00"), settings, calendar });
  assert.deepEqual(plan.filter((r) => r.daysLeft >= 0).map(local), ["due-today@2026-03-27"]);
  assert.ok(plan.every((r) => r.at > at("2026-03-26", "09:00")), "nothing fires early or in the past");
});

test("weekends and holidays move reminders before the deadline earlier and overdue ones later", () => {
  // Due Thursday 2026-10-08 (first working day after National Day): 1 day before is a holiday.
  const dueAt = endOfLocalDay("2026-10-08", zone);
  const plan = planDeadlineReminders({ dueAt, assignedAt: at("2026-09-01"), now: at("2026-09-01"), settings, calendar });
  const before = plan.filter((r) => r.daysLeft >= 0).map(local);
  assert.deepEqual(before, ["before-1d@2026-09-30", "due-today@2026-10-08"], "7/3/1-day reminders all fall in the holiday: the most urgent survives on 09-30");
  assert.ok(!plan.some((r) => r.kind === "overdue"), "overdue reminders are planned only within the horizon");
  const later = planDeadlineReminders({ dueAt, assignedAt: at("2026-09-01"), now: at("2026-10-08", "12:00"), settings, calendar });
  const overdue = later.filter((r) => r.kind === "overdue").map(local);
  assert.equal(overdue[0], "overdue@2026-10-09");
  assert.equal(overdue[1], "overdue@2026-10-10", "the adjusted working Saturday (调休) is a working day");
  assert.ok(!overdue.includes("overdue@2026-10-11"), "no nag on Sunday");

  const anyDay = createWorkingCalendar({ respectWorkingDays: false });
  const plain = planDeadlineReminders({ dueAt, assignedAt: at("2026-09-01"), now: at("2026-09-01"), settings, calendar: anyDay });
  assert.deepEqual(plain.filter((r) => r.daysLeft >= 0).map(local), ["before-7d@2026-10-01", "before-3d@2026-10-05", "before-1d@2026-10-07", "due-today@2026-10-08"]);
});

test("after the deadline: daily nag yellow, red after N days, one red escalation to supervisors, thresholds per county", () => {
  const dueAt = endOfLocalDay("2026-03-02", zone); // Monday
  const plan = planDeadlineReminders({ dueAt, assignedAt: at("2026-02-20"), now: at("2026-03-02", "12:00"), settings, calendar });
  const nags = plan.filter((r) => r.kind === "overdue");
  assert.deepEqual(nags.slice(0, 5).map((r) => `${localDateOf(r.at, zone)}:${r.colour}`), [
    "2026-03-03:yellow", "2026-03-04:yellow", "2026-03-05:yellow", "2026-03-06:red", "2026-03-09:red",
  ]);
  const escalations = plan.filter((r) => r.kind === "escalation");
  assert.deepEqual(escalations.map((r) => `${localDateOf(r.at, zone)}:${r.audience}:${r.colour}`), ["2026-03-06:supervisors:red"]);
  assert.ok(nags.every((r) => r.at.getTime() <= at("2026-03-02", "12:00").getTime() + 14 * 86_400_000), "nags are planned 14 days ahead");
  assert.equal(nags[0]?.expiresAt.toISOString(), endOfLocalDay("2026-03-03", zone).toISOString());

  const strict = countySettings({ ...DEFAULT_COUNTY, settings: { redAfterDays: 1, reminderTime: "08:30" } });
  const strictPlan = planDeadlineReminders({ dueAt, assignedAt: at("2026-02-20"), now: at("2026-03-02", "12:00"), settings: strict, calendar });
  assert.equal(localDateOf(strictPlan.find((r) => r.kind === "escalation")?.at ?? new Date(0), zone), "2026-03-04");
  assert.equal(strictPlan[0]?.at.toISOString(), at("2026-03-03", "08:30").toISOString());
});

test("an escalation whose day has passed goes out at the next slot when the plan is made late", () => {
  const dueAt = endOfLocalDay("2026-03-02", zone);
  const plan = planDeadlineReminders({ dueAt, assignedAt: at("2026-02-20"), now: at("2026-03-20", "10:00"), settings, calendar });
  assert.equal(local(plan.find((r) => r.kind === "escalation") ?? plan[0]!), "escalation@2026-03-23");
});

test("a reminder time inside quiet hours is moved to the end of them", () => {
  const night = countySettings({ ...DEFAULT_COUNTY, quietStart: "21:00", quietEnd: "09:30" });
  const plan = planDeadlineReminders({ dueAt: endOfLocalDay("2026-03-27", zone), assignedAt: at("2026-03-20"), now: at("2026-03-20"), settings: night, calendar });
  assert.ok(plan.every((r) => r.at.toISOString().endsWith("01:30:00.000Z")));
});

test("snooze: 1 hour (out of quiet hours), tomorrow, next working day; covered reminders fold into one", () => {
  const friday = at("2026-03-06", "20:30");
  assert.equal(snoozeUntil("hour", { now: friday, settings, calendar }).toISOString(), at("2026-03-07", "08:00").toISOString());
  assert.equal(snoozeUntil("tomorrow", { now: friday, settings, calendar }).toISOString(), at("2026-03-07").toISOString());
  assert.equal(snoozeUntil("next-working-day", { now: friday, settings, calendar }).toISOString(), at("2026-03-09").toISOString());

  const dueAt = endOfLocalDay("2026-03-02", zone);
  const until = at("2026-03-05", "15:00");
  const plan = planDeadlineReminders({ dueAt, assignedAt: at("2026-02-20"), now: at("2026-03-02", "12:00"), settings, calendar, snoozedUntil: until });
  const assigneesBefore = plan.filter((r) => r.audience === "assignees" && r.at <= until);
  assert.equal(assigneesBefore.length, 1);
  assert.equal(assigneesBefore[0]?.at.toISOString(), until.toISOString());
});

test("check-in prompts come checkInAfterDays after the last update, on a working day, never in the past", () => {
  const context = { now: at("2026-03-02", "10:00"), settings, calendar };
  assert.equal(planCheckIn(at("2026-02-27", "16:00"), context).at.toISOString(), at("2026-03-06").toISOString());
  assert.equal(planCheckIn(at("2026-02-28", "16:00"), context).at.toISOString(), at("2026-03-09").toISOString(), "Saturday 03-07 → Monday");
  assert.equal(planCheckIn(at("2026-02-01"), context).at.toISOString(), at("2026-03-03").toISOString(), "long overdue: next slot, not the past");
});

test("county settings: defaults, and invalid values refused with a message (B5)", () => {
  assert.equal(settings.reminderTime, "09:00");
  assert.equal(settings.digestTime, "08:30");
  assert.equal(settings.redAfterDays, 3);
  assert.throws(() => countySettings({ ...DEFAULT_COUNTY, timeZone: "Asia/Nowhere" }), CountySettingsError);
  assert.throws(() => countySettings({ ...DEFAULT_COUNTY, quietStart: "25:00" }), /quiet hours/);
  assert.throws(() => countySettings({ ...DEFAULT_COUNTY, settings: { redAfterDays: 0 } }), /redAfterDays/);
});
