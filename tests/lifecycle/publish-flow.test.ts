import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createManualClock } from "../../src/clock.js";
import { actOnAssignment, decideExtension, notSigned, requestExtension } from "../../src/services/assignments.js";
import { ingestDraft, outlineOf, publishProblems, reviewDirective, unitPlanOf } from "../../src/services/meetings.js";
import { publishMeeting } from "../../src/services/publish.js";
import { createTestDatabase, postgresAvailable, PROVIDERS, type TestDatabase } from "../../src/testing/databases.js";

const report = readFileSync("tests/fixtures/reports/lanxi-web-simplified.txt", "utf8");
const clock = createManualClock(new Date("2019-05-16T02:00:00Z"));
const translate = (_locale: string, key: string, vars?: Record<string, string | number>) => `${key} ${JSON.stringify(vars ?? {})}`;

async function arrange(database: TestDatabase) {
  const { db } = database;
  const region = await db.region.create({ data: { name: "岚溪县" } });
  const finance = await db.unit.create({ data: { regionId: region.id, name: "县财政局", aliases: ["财政局"] } });
  for (const name of ["县审计局", "县扶贫开发领导小组办公室"]) await db.unit.create({ data: { regionId: region.id, name, aliases: name.includes("扶贫") ? ["县扶贫办", "扶贫办"] : [] } });
  const people = [];
  for (const [i, role] of ["official", "official", "household"].entries()) {
    const person = await db.person.create({ data: { name: `人${i}`, telegramUserId: BigInt(500 + i) } });
    await db.membership.create({ data: { personId: person.id, regionId: region.id, unitId: finance.id, role } });
    people.push(person);
  }
  const admin = await db.person.create({ data: { name: "管理员", telegramUserId: 499n } });
  await db.membership.create({ data: { personId: admin.id, regionId: region.id, role: "admin" } });
  return { region, finance, people, admin };
}

for (const provider of PROVIDERS) {
  describe(`report to assignments on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("ingest, review until publishable, publish once, then sign, finish and close", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const { db } = database;
        const { region, finance, people, admin } = await arrange(database);
        const draft = await ingestDraft(db, clock, { regionId: region.id, personId: admin.id, text: report });
        assert.equal(draft.kind, "draft");
        assert.equal((await ingestDraft(db, clock, { regionId: region.id, personId: admin.id, text: `  ${report}\n` })).kind, "duplicate");
        if (draft.kind !== "draft") return;
        const outline = await outlineOf(db, draft.meetingId);
        const audit = outline.findLast((d) => d.text.includes("全面审计"));
        assert.ok(audit);
        assert.deepEqual(unitPlanOf(audit).map((u) => [u.name, u.role, u.unitId !== null]), [
          ["县财政局", "lead", true],
          ["县审计局", "supporting", true],
          ["县扶贫开发领导小组办公室", "supporting", true],
        ]);
        const refused = await publishMeeting(database, clock, { meetingId: draft.meetingId, actorId: admin.id, translate, defaultLocale: "zh-CN" });
        assert.ok(!refused.ok && refused.reason === "problems" && refused.problems.vague.length === 1);
        const problems = await publishProblems(db, draft.meetingId);
        for (const id of problems.vague) await reviewDirective(db, clock, id, { kind: "deadline", deadline: new Date("2019-06-30T15:59:59Z") }, admin.id);
        for (const { directiveId, name } of problems.unknownUnits) await reviewDirective(db, clock, directiveId, { kind: "drop-unknown", name }, admin.id);
        const published = await publishMeeting(database, clock, { meetingId: draft.meetingId, actorId: admin.id, translate, defaultLocale: "zh-CN" });
        assert.ok(published.ok, JSON.stringify(published));
        const again = await publishMeeting(database, clock, { meetingId: draft.meetingId, actorId: admin.id, translate, defaultLocale: "zh-CN" });
        assert.deepEqual(again, { ok: false, reason: "not-draft" });
        const assignment = await db.assignment.findFirstOrThrow({ where: { unitId: finance.id, directive: { text: { contains: "全面审计" } } } });
        assert.equal(assignment.role, "lead");
        assert.equal(assignment.dueAt?.toISOString(), "2019-10-15T15:59:59.999Z");
        const cards = await db.outboxMessage.findMany({ where: { assignmentId: assignment.id, kind: "task-card" } });
        assert.deepEqual(cards.map((c) => c.address).sort(), ["500", "501"], "officials get cards; households do not");
        assert.equal(await db.outboxMessage.count({ where: { kind: "task-card" } }), published.ok ? published.cards : -1);

        const ack = await actOnAssignment(db, clock, { assignmentId: assignment.id, personId: people[0]!.id, action: "ack" });
        assert.ok(ack.ok && ack.state === "acknowledged");
        assert.deepEqual((await notSigned(db, assignment.id)).map((p) => p.name), ["人1"]);
        const twice = await actOnAssignment(db, clock, { assignmentId: assignment.id, personId: people[0]!.id, action: "ack" });
        assert.ok(twice.ok && !twice.changed);
        const ext = await requestExtension(db, clock, { assignmentId: assignment.id, personId: people[1]!.id, dueAt: new Date("2019-11-30T15:59:59Z"), reason: "审计进场延后" });
        assert.ok(ext.ok);
        if (ext.ok) {
          const decided = await decideExtension(db, clock, { requestId: ext.requestId, approve: true, deciderId: admin.id });
          assert.ok(decided.changed);
          assert.equal((await decideExtension(db, clock, { requestId: ext.requestId, approve: false, deciderId: admin.id })).changed, false);
        }
        assert.equal((await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).dueAt?.toISOString(), "2019-11-30T15:59:59.000Z");
        const done = await actOnAssignment(db, clock, { assignmentId: assignment.id, personId: people[1]!.id, action: "done" });
        assert.ok(done.ok && done.state === "done");
        const closed = await actOnAssignment(db, clock, { assignmentId: assignment.id, personId: admin.id, action: "close" });
        assert.ok(closed.ok && closed.state === "closed");
        const actions = (await db.auditLog.findMany({ where: { subject: `assignment:${assignment.id}` }, orderBy: { id: "asc" } })).map((r) => r.action);
        assert.deepEqual(actions, ["assignment.ack", "extension.request", "extension.approve", "assignment.done", "assignment.close"]);
      } finally {
        await database.drop();
      }
    });
  });
}
