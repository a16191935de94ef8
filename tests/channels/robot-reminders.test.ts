// The planner's robot copies on a real database: one row per reminder step for each of the
// unit's robots (even when no member is on Telegram), escalations for the county-wide
// robots, in the county's language; moving the deadline replaces them, switching a robot
// off or finishing the task removes them, and planning again never doubles them.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { translatorFor } from "../../src/bot/translator.js";
import { createManualClock } from "../../src/clock.js";
import { createEndpoint, recordFault } from "../../src/channels/endpoints.js";
import { cancelReminders, planAssignmentReminders, type PlannerDeps } from "../../src/scheduler/reminder-planner.js";
import { piiKeys } from "../../src/services/pii-crypto.js";
import { postgresAvailable, PROVIDERS } from "../../src/testing/databases.js";
import { atLocalTime, endOfLocalDay } from "../../src/time.js";
import { withTestDatabase } from "../scheduler/harness.js";

const zone = "Asia/Shanghai";
const keys = piiKeys(randomBytes(32).toString("base64"));

for (const provider of PROVIDERS) {
  describe(`robot copies of reminders on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("one copy per step for the unit's robots, escalations for the county-wide ones; re-planning replaces, never doubles", { skip }, async () => {
      await withTestDatabase(provider, async (database) => {
        const { db } = database;
        const clock = createManualClock(atLocalTime("2026-03-02", "10:00", zone));
        const deps: PlannerDeps = { store: database, clock, translate: translatorFor("zh-CN"), defaultLocale: "zh-CN" };
        const region = await db.region.create({ data: { name: "云溪县" } });
        // Nobody of the unit is on Telegram: its group still hears of the task.
        const unit = await db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
        const other = await db.unit.create({ data: { regionId: region.id, name: "县发改委" } });
        const endpoint = (name: string, unitId: number | null, kind: "wecom" | "dingtalk" = "wecom") =>
          createEndpoint(db, clock, keys, {
            regionId: region.id, unitId, name, actorId: null,
            config: kind === "wecom" ? { kind, key: `key-${name}-000000` } : { kind, accessToken: "a1b2c3d4e5f60718293a4b5c6d7e8f90", secret: "SEC0123456789abcdef0123456789abcdef", keyword: null, atMobiles: [] },
          });
        const wecom = await endpoint("unit-wecom", unit.id);
        const ding = await endpoint("unit-ding", unit.id, "dingtalk");
        const county = await endpoint("county", null);
        await endpoint("other-unit", other.id);
        const meeting = await db.meeting.create({ data: { regionId: region.id, title: "县政府常务会议", sourceText: "x", cleanedText: "x", contentHash: "h", metadata: {} } });
        const directive = await db.directive.create({ data: { meetingId: meeting.id, position: 1, text: "完成春耕备耕" } });
        const a = await db.assignment.create({ data: { directiveId: directive.id, unitId: unit.id, dueAt: endOfLocalDay("2026-03-10", zone), assignedAt: clock.now() } });

        assert.ok((await planAssignmentReminders(deps, a.id)).enqueued > 0);
        assert.deepEqual(await planAssignmentReminders(deps, a.id), { enqueued: 0, cancelled: 0 }, "idempotent");
        const rows = await db.outboxMessage.findMany({ orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
        const of = (id: number) => rows.filter((r) => r.address === `endpoint:${id}`);
        const steps = of(wecom.id).map((r) => `${r.kind}@${r.dueAt.toISOString()}`);
        assert.ok(steps.includes(`reminder.before-3d@${atLocalTime("2026-03-06", "09:00", zone).toISOString()}`), steps.join(" "));
        assert.equal(new Set(steps).size, steps.length, "one row per step");
        assert.deepEqual(of(ding.id).map((r) => `${r.kind}@${r.dueAt.toISOString()}`), steps, "each robot of the unit gets the same steps");
        assert.ok(of(wecom.id).every((r) => r.channel === "wecom" && r.assignmentId === a.id && r.kind !== "reminder.escalation"));
        assert.match(JSON.stringify(of(wecom.id)[0]?.payload), /督办提醒|今日到期|进展询问/, "in the county's language");
        assert.ok(of(county.id).length > 0 && of(county.id).every((r) => r.kind === "reminder.escalation"), "the county-wide robot gets the escalation only");
        assert.equal(rows.filter((r) => r.address.startsWith("endpoint:") && ![wecom.id, ding.id, county.id].some((id) => r.address === `endpoint:${id}`)).length, 0, "another unit's robot gets nothing");

        await db.assignment.update({ where: { id: a.id }, data: { dueAt: endOfLocalDay("2026-03-20", zone) } });
        const moved = await planAssignmentReminders(deps, a.id);
        assert.ok(moved.cancelled > 0 && moved.enqueued > 0);
        const after = await db.outboxMessage.findMany({ where: { address: `endpoint:${wecom.id}`, kind: "reminder.before-3d" } });
        assert.deepEqual(after.map((r) => r.dueAt.toISOString()), [atLocalTime("2026-03-17", "09:00", zone).toISOString()], "the old deadline's copies are gone");

        await recordFault(db, clock, ding.id, "310000 sign not match");
        await planAssignmentReminders(deps, a.id);
        assert.equal(await db.outboxMessage.count({ where: { address: `endpoint:${ding.id}`, state: "pending" } }), 0, "a switched-off robot's copies are not planned");

        assert.ok((await cancelReminders(database, a.id)) > 0);
        assert.equal(await db.outboxMessage.count({ where: { channel: { not: "telegram" }, state: "pending" } }), 0, "cancelling removes the robot copies too");
      });
    });
  });
}
