import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createI18n } from "../../src/bot/i18n.js";
import { createManualClock } from "../../src/clock.js";
import { loadHolidaySchedule } from "../../src/services/holiday-calendar.js";
import { cancelReminders, completeOccurrence, extendReminderPlans, planAssignmentReminders, snoozeAssignment, type PlannerDeps } from "../../src/scheduler/reminder-planner.js";
import { atLocalTime, endOfLocalDay, localDateOf } from "../../src/time.js";
import { LIBRARY_YEARS } from "../../src/working-calendar.js";
import { postgresAvailable, PROVIDERS, type TestDatabase } from "../../src/testing/databases.js";
import { withTestDatabase } from "./harness.js";

const zone = "Asia/Shanghai";
const i18n = createI18n("zh-CN");
const translate = (locale: string, key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);

async function county(database: TestDatabase, recurrence: object | null = null) {
  const { db } = database;
  const region = await db.region.create({ data: { name: "云溪县" } });
  const head = await db.person.create({ data: { name: "局长", telegramUserId: 501n } });
  const unit = await db.unit.create({ data: { regionId: region.id, name: "县财政局", headPersonId: head.id } });
  const official = await db.person.create({ data: { name: "干部", telegramUserId: 502n } });
  const admin = await db.person.create({ data: { name: "管理员", telegramUserId: 503n, locale: "en" } });
  await db.membership.createMany({ data: [
    { personId: official.id, regionId: region.id, unitId: unit.id, role: "official" },
    { personId: admin.id, regionId: region.id, role: "admin" },
  ] });
  const meeting = await db.meeting.create({ data: { regionId: region.id, title: "县政府常务会议", sourceText: "x", cleanedText: "x", contentHash: "h", metadata: {} } });
  const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 1, text: "完成春耕备耕<检查>", ...(recurrence ? { recurrence } : {}) } });
  return { region, unit, directive };
}

for (const provider of PROVIDERS) {
  describe(`reminder planner on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("an assignment's reminders go to its unit, escalations to the unit head and admins; planning twice adds nothing", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        const clock = createManualClock(atLocalTime("2026-03-02", "10:00", zone));
        const deps: PlannerDeps = { store: database, clock, translate, defaultLocale: "zh-CN" };
        const { unit, directive } = await county(database);
        const a = await database.db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, dueAt: endOfLocalDay("2026-03-20", zone), assignedAt: clock.now() } });
        const first = await planAssignmentReminders(deps, a.id);
        assert.ok(first.enqueued > 0);
        assert.deepEqual(await planAssignmentReminders(deps, a.id), { enqueued: 0, cancelled: 0 }, "idempotent");
        const rows = await database.db.outboxMessage.findMany({ orderBy: { dueAt: "asc" } });
        const toOfficial = rows.filter((r) => r.address === "502");
        assert.deepEqual(toOfficial.filter((r) => r.kind !== "reminder.overdue").map((r) => `${r.kind}@${localDateOf(r.dueAt, zone)}`), [
          "reminder.check-in@2026-03-09", "reminder.before-7d@2026-03-13", "reminder.before-3d@2026-03-17", "reminder.before-1d@2026-03-19", "reminder.due-today@2026-03-20",
        ]);
        assert.match(JSON.stringify(toOfficial[2]?.payload), /完成春耕备耕&lt;检查&gt;.*还有 3 天到期（2026-03-20）/, "escaped title, county date");
        assert.equal(rows.filter((r) => r.kind === "reminder.escalation").length, 0, "beyond the planning horizon yet");
        clock.set(atLocalTime("2026-03-21", "10:00", zone));
        await planAssignmentReminders(deps, a.id);
        const escalations = await database.db.outboxMessage.findMany({ where: { kind: "reminder.escalation" } });
        assert.ok(escalations.every((r) => localDateOf(r.dueAt, zone) === "2026-03-24"), "overdue by more than 3 (calendar) days");
        assert.deepEqual(escalations.map((r) => r.address).sort(), ["501", "503"]);
        assert.match(JSON.stringify(escalations.find((r) => r.address === "503")?.payload), /Escalation/, "in the admin's own language");
      });
    });

    test("a deadline change reschedules; snooze folds reminders; done cancels them", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        const clock = createManualClock(atLocalTime("2026-03-02", "10:00", zone));
        const deps: PlannerDeps = { store: database, clock, translate, defaultLocale: "zh-CN" };
        const { unit, directive } = await county(database);
        const a = await database.db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, dueAt: endOfLocalDay("2026-03-06", zone), assignedAt: clock.now() } });
        await planAssignmentReminders(deps, a.id);
        await database.db.assignment.update({ where: { id: a.id }, data: { dueAt: endOfLocalDay("2026-03-13", zone) } });
        const moved = await planAssignmentReminders(deps, a.id);
        assert.ok(moved.cancelled > 0 && moved.enqueued > 0);
        const dueDays = (await database.db.outboxMessage.findMany({ where: { kind: "reminder.due-today", address: "502" } })).map((r) => localDateOf(r.dueAt, zone));
        assert.deepEqual(dueDays, ["2026-03-13"]);

        clock.set(atLocalTime("2026-03-16", "10:00", zone));
        const until = await snoozeAssignment(deps, a.id, "next-working-day");
        assert.equal(until.toISOString(), atLocalTime("2026-03-17", "09:00", zone).toISOString());
        const next = await database.db.outboxMessage.findFirstOrThrow({ where: { address: "502", kind: "reminder.overdue", state: "pending" }, orderBy: { dueAt: "asc" } });
        assert.equal(next.dueAt.toISOString(), until.toISOString());

        await database.db.assignment.update({ where: { id: a.id }, data: { state: "done" } });
        await planAssignmentReminders(deps, a.id);
        assert.equal(await database.db.outboxMessage.count({ where: { state: "pending" } }), 0);
        assert.equal(await cancelReminders(database, a.id), 0);
      });
    });

    test("a quarterly duty gets one occurrence per quarter; finishing this quarter stops only its reminders", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        const clock = createManualClock(atLocalTime("2026-03-25", "10:00", zone));
        const deps: PlannerDeps = { store: database, clock, translate, defaultLocale: "zh-CN" };
        const { unit, directive } = await county(database, { freq: "quarterly", interval: 1, count: 1 });
        const a = await database.db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, assignedAt: atLocalTime("2026-01-05", "10:00", zone) } });
        await planAssignmentReminders(deps, a.id);
        const occurrences = await database.db.dutyOccurrence.findMany({ orderBy: { periodStart: "asc" } });
        assert.deepEqual(occurrences.map((o) => `${o.periodStart}..${o.periodEnd}`), ["2026-01-01..2026-03-31", "2026-04-01..2026-06-30"]);
        const q1 = occurrences[0]!;
        assert.ok(await database.db.outboxMessage.count({ where: { subjectType: "occurrence", subjectId: q1.id } }) > 0);
        assert.deepEqual(await completeOccurrence(deps, q1.id), { done: true });
        assert.equal(await database.db.outboxMessage.count({ where: { subjectType: "occurrence", subjectId: q1.id, state: "pending" } }), 0);
        await planAssignmentReminders(deps, a.id);
        assert.equal(await database.db.outboxMessage.count({ where: { subjectType: "occurrence", subjectId: q1.id, state: "pending" } }), 0, "a done quarter stays quiet");
        clock.set(atLocalTime("2026-06-25", "10:00", zone));
        await planAssignmentReminders(deps, a.id);
        assert.ok(await database.db.outboxMessage.count({ where: { subjectType: "occurrence", subjectId: occurrences[1]!.id, kind: "reminder.due-today", address: "502" } }) === 1);
      });
    });

    test("an unknown holiday year warns the county admins once; a loaded schedule silences it", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        const unknown = Math.max(...LIBRARY_YEARS) + 1;
        const clock = createManualClock(atLocalTime(`${unknown - 1}-12-10`, "10:00", zone));
        const deps: PlannerDeps = { store: database, clock, translate, defaultLocale: "zh-CN" };
        await county(database);
        assert.equal((await extendReminderPlans(deps)).warnings, 1);
        assert.equal((await extendReminderPlans(deps)).warnings, 0, "once per year and admin");
        const warning = await database.db.outboxMessage.findFirstOrThrow({ where: { kind: "calendar.unknown-year" } });
        assert.match(JSON.stringify(warning.payload), new RegExp(`${unknown}`));
        const loaded = await loadHolidaySchedule(database.db, clock, `${unknown}-01-01 休 元旦\n${unknown}-02-06~${unknown}-02-12 休 春节`, null);
        assert.deepEqual(loaded, { ok: true, years: [unknown], days: 8 });
        await database.db.outboxMessage.deleteMany();
        assert.equal((await extendReminderPlans(deps)).warnings, 0);
        assert.deepEqual(await loadHolidaySchedule(database.db, clock, `${unknown}-02-30 休`, null), { ok: false, errors: [{ line: 1, text: `${unknown}-02-30 休`, problem: "date" }] });
      });
    });
  });
}
