// A county with assignments in every state, spread over the weeks around NOW, arranged
// straight in the database from a seeded generator: the same data on every run.
import type { Db } from "../../src/db/client.js";

/** Wednesday 2026-11-25, 12:00 in Asia/Shanghai. */
export const NOW = new Date("2026-11-25T04:00:00Z");
const DAY = 86_400_000;
const STATES = ["assigned", "acknowledged", "in_progress", "done", "closed", "blocked"] as const;

/** mulberry32: small and deterministic. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Fixture {
  regionId: number;
  unitIds: number[];
  meetingIds: number[];
  headId: number;
}

export const UNIT_NAMES = ["县财政局", "县教育局", "城关镇", "县农业农村局", "青石镇人民政府"];

export async function seedReports(db: Db, size = 80, seed = 7): Promise<Fixture> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const region = await db.region.create({ data: { name: "云溪县" } });
  const head = await db.person.create({ data: { name: "王建国", telegramUserId: 9_100_001n } });
  const units = await Promise.all(UNIT_NAMES.map((name, i) => db.unit.create({ data: { regionId: region.id, name, headPersonId: i === 0 ? head.id : null } })));
  const meetings = await Promise.all(
    ["县委常委会", "春耕工作会"].map((title) => db.meeting.create({ data: { regionId: region.id, title, sourceText: title, cleanedText: title, contentHash: title, metadata: {}, state: "published" } })),
  );
  // Batched inserts: the fixture is arranged in a handful of statements, fast on both databases.
  const meetingOf = Array.from({ length: size }, () => pick(meetings).id);
  await db.directive.createMany({ data: meetingOf.map((meetingId, i) => ({ meetingId, position: i, text: `第${i + 1}项：抓好<重点>工作 & 落实责任` })) });
  const directives = await db.directive.findMany({ where: { meetingId: { in: meetings.map((m) => m.id) } }, orderBy: { position: "asc" } });
  const assignments = directives.map((directive) => {
    const assignedAt = new Date(NOW.getTime() - Math.floor(rnd() * 60) * DAY - Math.floor(rnd() * DAY));
    const dueAt = rnd() < 0.1 ? null : new Date(assignedAt.getTime() + Math.floor(rnd() * 40 + 1) * DAY);
    const state = pick(STATES);
    const finished = state === "done" || state === "closed";
    const doneAt = finished ? new Date(Math.min(NOW.getTime() - 1000, assignedAt.getTime() + Math.floor(rnd() * 45) * DAY)) : null;
    return {
      directiveId: directive.id, unitId: pick(units).id, role: rnd() < 0.7 ? "lead" : "supporting", state, dueAt, assignedAt,
      acknowledgedAt: state === "assigned" ? null : new Date(assignedAt.getTime() + DAY),
      startedAt: ["in_progress", "done", "closed", "blocked"].includes(state) ? new Date(assignedAt.getTime() + 2 * DAY) : null,
      doneAt, closedAt: state === "closed" && doneAt ? new Date(doneAt.getTime() + DAY) : null,
      blockedAt: state === "blocked" ? new Date(assignedAt.getTime() + 3 * DAY) : null,
    };
  });
  await db.assignment.createMany({ data: assignments });
  const stored = await db.assignment.findMany({ where: { unitId: { in: units.map((u) => u.id) } }, orderBy: { id: "asc" } });
  await db.extensionRequest.createMany({
    data: stored.filter(() => rnd() < 0.25).map((a) => ({
      assignmentId: a.id, requestedById: head.id, requestedDueAt: new Date(NOW.getTime() + 10 * DAY), reason: "材料未齐",
      state: pick(["pending", "approved", "rejected"]), createdAt: new Date(NOW.getTime() - Math.floor(rnd() * 40) * DAY),
    })),
  });
  await db.statusUpdate.createMany({
    data: stored.filter(() => rnd() < 0.5).map((a) => ({ assignmentId: a.id, note: "已召开专题会", evidence: ["file-a", "file-b"], createdAt: new Date(a.assignedAt.getTime() + DAY) })),
  });
  return { regionId: region.id, unitIds: units.map((u) => u.id), meetingIds: meetings.map((m) => m.id), headId: head.id };
}
