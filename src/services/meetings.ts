// Meeting reports from ingestion to a reviewed draft: store the extracted plan as directive
// rows, recognise a report sent twice, and apply the admin's corrections before publishing.
import { createHash } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { ingestReport } from "../ingest/plan.js";
import type { Directive as PlanDirective, Plan, Recurrence } from "../ingest/types.js";
import { endOfLocalDay, localDateOf } from "../time.js";
import { audit } from "./audit.js";
import { aliasesOf } from "./units.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type UnitRole = "lead" | "supporting";

/** A responsible unit of a draft directive; `unitId` is null until the name is matched to the directory. */
export interface UnitChoice {
  name: string;
  unitId: number | null;
  role: UnitRole;
}

export type IngestDraftResult =
  | { kind: "draft"; meetingId: number; plan: Plan }
  | { kind: "duplicate"; meetingId: number; state: string }
  | { kind: "not-a-report"; plan: Plan };

/** Whitespace does not make a report different: the same text pasted or uploaded hashes alike. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, "")).digest("hex");
}

export async function ingestDraft(
  db: Db,
  clock: Clock,
  input: { regionId: number; personId: number; text: string },
): Promise<IngestDraftResult> {
  const region = await db.region.findUniqueOrThrow({ where: { id: input.regionId } });
  const hash = contentHash(input.text);
  const existing = await db.meeting.findUnique({ where: { regionId_contentHash: { regionId: region.id, contentHash: hash } } });
  if (existing && existing.state !== "cancelled") return { kind: "duplicate", meetingId: existing.id, state: existing.state };
  const units = await db.unit.findMany({ where: { regionId: region.id, archivedAt: null } });
  const plan = ingestReport(input.text, {
    county: region.name,
    timeZone: region.timeZone,
    referenceDate: localDateOf(clock.now(), region.timeZone),
    directory: units.map((u) => ({ name: u.name, aliases: aliasesOf(u) })),
  });
  if (plan.directives.length === 0) return { kind: "not-a-report", plan };
  const known = new Map<string, KnownUnit>(units.flatMap((u) => [u.name, ...aliasesOf(u)].map((n) => [n, { id: u.id, name: u.name }] as const)));
  const meetingId = await db.$transaction(async (tx) => {
    if (existing) await tx.meeting.delete({ where: { id: existing.id } });
    const meeting = await tx.meeting.create({
      data: {
        regionId: region.id,
        title: plan.meeting.title || fallbackTitle(input.text),
        sourceText: input.text,
        cleanedText: input.text.trim(),
        contentHash: hash,
        metadata: JSON.parse(JSON.stringify({ meeting: plan.meeting, warnings: plan.warnings, targets: plan.targets })),
        meetingDate: plan.meeting.date ? endOfLocalDay(plan.meeting.date, region.timeZone) : null,
        ingestedById: input.personId,
        createdAt: clock.now(),
      },
    });
    await storeDirectives(tx, meeting.id, null, plan.directives, { known, timeZone: region.timeZone });
    await audit(tx, clock, {
      actorId: input.personId,
      regionId: region.id,
      action: "meeting.ingest",
      subject: `meeting:${meeting.id}`,
      details: { directives: countDirectives(plan.directives) },
    });
    return meeting.id;
  });
  return { kind: "draft", meetingId, plan };
}

/** When the ingester finds no title, the report's first line names it on cards and lists. */
function fallbackTitle(text: string): string {
  const line = text.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "—";
  return [...line].slice(0, 60).join("");
}

function countDirectives(list: readonly PlanDirective[]): number {
  return list.reduce((n, d) => n + 1 + countDirectives(d.children), 0);
}

type KnownUnit = { id: number; name: string };

/**
 * The directive's units with their roles. The same unit may be named twice (a short form
 * as supporting unit, its directory name among the actors): it is listed once, with the
 * role it was given explicitly.
 */
function unitChoices(d: PlanDirective, known: Map<string, KnownUnit>): UnitChoice[] {
  const out: UnitChoice[] = [];
  const add = (mention: string, role: UnitRole) => {
    const unit = known.get(mention);
    const name = unit?.name ?? mention;
    if (!out.some((u) => u.name === name)) out.push({ name, unitId: unit?.id ?? null, role });
  };
  for (const name of d.lead) add(name, "lead");
  for (const name of d.supporting) add(name, "supporting");
  for (const name of d.units) add(name, "lead");
  return out;
}

async function storeDirectives(
  tx: Tx,
  meetingId: number,
  parentId: number | null,
  list: readonly PlanDirective[],
  ctx: { known: Map<string, KnownUnit>; timeZone: string },
): Promise<void> {
  for (const [position, d] of list.entries()) {
    const row = await tx.directive.create({
      data: {
        meetingId,
        parentId,
        position,
        marker: d.marker,
        text: d.text,
        speaker: d.speaker,
        deadline: d.deadline ? endOfLocalDay(d.deadline, ctx.timeZone) : null,
        deadlineText: d.deadlineText,
        recurrence: d.recurrence ? recurrenceJson(d.recurrence) : undefined,
        targets: JSON.parse(JSON.stringify(d.targets)),
        warnings: JSON.parse(JSON.stringify(d.warnings)),
        unitPlan: JSON.parse(JSON.stringify(unitChoices(d, ctx.known))),
        vague: d.vague && !d.deadline,
      },
    });
    await storeDirectives(tx, meetingId, row.id, d.children, ctx);
  }
}

function recurrenceJson(r: Recurrence) {
  return { freq: r.freq, interval: r.interval, ...(r.count !== undefined ? { count: r.count } : {}), text: r.text };
}

export function unitPlanOf(directive: { unitPlan: unknown }): UnitChoice[] {
  if (!Array.isArray(directive.unitPlan)) return [];
  return directive.unitPlan.flatMap((u: unknown) => {
    if (typeof u !== "object" || u === null) return [];
    const { name, unitId, role } = u as Record<string, unknown>;
    if (typeof name !== "string") return [];
    return [{ name, unitId: typeof unitId === "number" ? unitId : null, role: role === "supporting" ? "supporting" : "lead" } as UnitChoice];
  });
}

/** The directives of a meeting in reading order (depth first), with their depth and number (1, 1.2 …). */
export async function outlineOf(db: Pick<Db, "directive">, meetingId: number) {
  const rows = await db.directive.findMany({ where: { meetingId }, orderBy: [{ parentId: "asc" }, { position: "asc" }] });
  const byParent = new Map<number | null, typeof rows>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const out: Array<(typeof rows)[number] & { depth: number; number: string }> = [];
  const walk = (parentId: number | null, depth: number, prefix: string) => {
    const kids = (byParent.get(parentId) ?? []).filter((d) => !d.dropped);
    kids.forEach((d, i) => {
      const number = `${prefix}${i + 1}`;
      out.push({ ...d, depth, number });
      walk(d.id, depth + 1, `${number}.`);
    });
  };
  walk(null, 0, "");
  return out;
}

/** What still stops a draft from being published. */
export interface PublishProblems {
  vague: number[];
  unknownUnits: Array<{ directiveId: number; name: string }>;
}

export async function publishProblems(db: Pick<Db, "directive">, meetingId: number): Promise<PublishProblems> {
  const outline = await outlineOf(db, meetingId);
  return {
    vague: outline.filter((d) => d.vague && !d.deadline).map((d) => d.id),
    unknownUnits: outline.flatMap((d) => unitPlanOf(d).filter((u) => u.unitId === null).map((u) => ({ directiveId: d.id, name: u.name }))),
  };
}

export type ReviewEdit =
  | { kind: "toggle-unit"; unitId: number }
  | { kind: "toggle-role"; unitId: number }
  | { kind: "create-unit"; name: string }
  | { kind: "drop-unknown"; name: string }
  | { kind: "deadline"; deadline: Date | null }
  | { kind: "confirm-no-date" }
  /** `text` is how the card shows the rule (e.g. 每月); without it the card shows the frequency. */
  | { kind: "recurrence"; recurrence: { freq: string; interval: number; text?: string } | null }
  | { kind: "text"; text: string }
  | { kind: "drop" }
  | { kind: "merge-next" }
  | { kind: "evidence" };

export type ReviewResult = { ok: true } | { ok: false; reason: "not-draft" | "not-found" | "no-next" | "bad-text" };

/**
 * Applies one correction to a draft directive. Each edit bumps the meeting's version in the
 * same transaction, so two admins editing one draft both land, in order, and see each other's work.
 */
export async function reviewDirective(db: Db, clock: Clock, directiveId: number, edit: ReviewEdit, actorId: number | null): Promise<ReviewResult> {
  return db.$transaction(async (tx) => {
    const d = await tx.directive.findUnique({ where: { id: directiveId }, include: { meeting: true } });
    if (!d || d.dropped) return { ok: false, reason: "not-found" } as const;
    if (d.meeting.state !== "draft") return { ok: false, reason: "not-draft" } as const;
    const plan = unitPlanOf(d);
    let data: Parameters<Tx["directive"]["update"]>[0]["data"] = {};
    switch (edit.kind) {
      case "toggle-unit": {
        const unit = await tx.unit.findFirst({ where: { id: edit.unitId, regionId: d.meeting.regionId } });
        if (!unit) return { ok: false, reason: "not-found" } as const;
        const has = plan.some((u) => u.unitId === unit.id);
        const next: UnitChoice[] = has ? plan.filter((u) => u.unitId !== unit.id) : [...plan, { name: unit.name, unitId: unit.id, role: plan.length === 0 ? "lead" : "supporting" }];
        data = { unitPlan: JSON.parse(JSON.stringify(next)) };
        break;
      }
      case "toggle-role":
        data = { unitPlan: JSON.parse(JSON.stringify(plan.map((u) => (u.unitId === edit.unitId ? { ...u, role: u.role === "lead" ? "supporting" : "lead" } : u)))) };
        break;
      case "create-unit": {
        const unit =
          (await tx.unit.findFirst({ where: { regionId: d.meeting.regionId, name: edit.name } })) ??
          (await tx.unit.create({ data: { regionId: d.meeting.regionId, name: edit.name, createdAt: clock.now() } }));
        await audit(tx, clock, { actorId, regionId: d.meeting.regionId, action: "unit.create", subject: `unit:${unit.id}`, details: { name: unit.name, from: "review" } });
        const next = await resolveName(tx, d.meetingId, edit.name, unit.id);
        return next;
      }
      case "drop-unknown":
        data = { unitPlan: JSON.parse(JSON.stringify(plan.filter((u) => !(u.unitId === null && u.name === edit.name)))) };
        break;
      case "deadline":
        data = { deadline: edit.deadline, vague: false, deadlineText: edit.deadline ? null : d.deadlineText };
        break;
      case "confirm-no-date":
        data = { vague: false };
        break;
      case "recurrence":
        // A JSON column's SQL NULL has a client-specific marker in Prisma; plain SQL serves both providers.
        if (edit.recurrence) data = { recurrence: edit.recurrence };
        else await tx.$executeRaw`UPDATE "Directive" SET "recurrence" = NULL WHERE "id" = ${d.id}`;
        break;
      case "text": {
        const text = edit.text.trim();
        if (text.length === 0 || text.length > 3000) return { ok: false, reason: "bad-text" } as const;
        data = { text };
        break;
      }
      case "drop":
        data = { dropped: true };
        break;
      case "evidence":
        data = { requiresEvidence: !d.requiresEvidence };
        break;
      case "merge-next": {
        const next = await tx.directive.findFirst({
          where: { meetingId: d.meetingId, parentId: d.parentId, position: { gt: d.position }, dropped: false },
          orderBy: { position: "asc" },
        });
        if (!next) return { ok: false, reason: "no-next" } as const;
        const merged = [...plan];
        for (const u of unitPlanOf(next)) if (!merged.some((m) => m.name === u.name)) merged.push(u);
        await tx.directive.update({ where: { id: next.id }, data: { dropped: true } });
        await tx.directive.updateMany({ where: { parentId: next.id }, data: { parentId: d.id } });
        data = {
          text: `${d.text}${next.marker ?? ""}${next.text}`,
          unitPlan: JSON.parse(JSON.stringify(merged)),
          deadline: d.deadline ?? next.deadline,
          deadlineText: d.deadlineText ?? next.deadlineText,
          vague: (d.vague && !d.deadline) || (next.vague && !next.deadline),
        };
        break;
      }
    }
    await tx.directive.update({ where: { id: d.id }, data });
    await tx.meeting.update({ where: { id: d.meetingId }, data: { version: { increment: 1 } } });
    await audit(tx, clock, { actorId, regionId: d.meeting.regionId, action: `draft.${edit.kind}`, subject: `directive:${d.id}` });
    return { ok: true } as const;
  });
}

/** A unit created during review takes the place of its unknown name everywhere in the draft. */
async function resolveName(tx: Tx, meetingId: number, name: string, unitId: number): Promise<ReviewResult> {
  const rows = await tx.directive.findMany({ where: { meetingId } });
  for (const row of rows) {
    const plan = unitPlanOf(row);
    if (!plan.some((u) => u.unitId === null && u.name === name)) continue;
    const next = plan.map((u) => (u.unitId === null && u.name === name ? { ...u, unitId } : u));
    await tx.directive.update({ where: { id: row.id }, data: { unitPlan: JSON.parse(JSON.stringify(next)) } });
  }
  await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } } });
  return { ok: true };
}

export async function cancelDraft(db: Db, clock: Clock, meetingId: number, actorId: number | null): Promise<boolean> {
  const done = await db.meeting.updateMany({ where: { id: meetingId, state: "draft" }, data: { state: "cancelled" } });
  if (done.count === 1) {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await audit(db, clock, { actorId, regionId: meeting.regionId, action: "meeting.cancel", subject: `meeting:${meetingId}` });
  }
  return done.count === 1;
}
