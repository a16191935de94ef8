// What happens to an assignment after publishing: 签收, status, evidence, checklist ticks,
// 有困难, 办结 and 销号, extension requests, and the trail of all of it.
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { isOpen, STAMP, transition, type AssignmentAction, type AssignmentState } from "../domain/assignment-state.js";
import { lifecycleSettings } from "../domain/lifecycle-settings.js";
import { audit } from "./audit.js";

export type ActRefusal = "not-found" | "needs-evidence" | "closed" | "not-done" | "finished" | "not-finished";
export type ActResult = { ok: true; changed: boolean; state: AssignmentState; closedAutomatically: boolean } | { ok: false; reason: ActRefusal };

export interface Act {
  assignmentId: number;
  personId: number;
  action: AssignmentAction;
  note?: string;
}

/**
 * Applies an action. The state moves by a conditional update on the state it was read in,
 * so two people pressing at once cannot overwrite each other; pressing twice changes nothing.
 */
export async function actOnAssignment(db: Db, clock: Clock, act: Act): Promise<ActResult> {
  return db.$transaction(async (tx) => {
    const a = await tx.assignment.findUnique({
      where: { id: act.assignmentId },
      include: { directive: { include: { meeting: { include: { region: true } } } }, _count: { select: { acknowledgements: true } } },
    });
    if (!a) return { ok: false, reason: "not-found" } as const;
    const region = a.directive.meeting.region;
    const settings = lifecycleSettings(region.settings);
    const current = a.state as AssignmentState;
    if (act.action === "ack") {
      const existing = await tx.acknowledgement.findUnique({ where: { assignmentId_personId: { assignmentId: a.id, personId: act.personId } } });
      if (!existing) await tx.acknowledgement.create({ data: { assignmentId: a.id, personId: act.personId, createdAt: clock.now() } });
      const signatures = a._count.acknowledgements + (existing ? 0 : 1);
      if (signatures < settings.signaturesPerUnit || current !== "assigned") {
        if (!existing) await recordUpdate(tx, clock, a.id, act.personId, null, "ack", region.id);
        return { ok: true, changed: !existing, state: current, closedAutomatically: false } as const;
      }
    }
    if (act.action === "done" && a.directive.requiresEvidence) {
      const updates = await tx.statusUpdate.findMany({ where: { assignmentId: a.id } });
      const hasEvidence = updates.some((u) => Array.isArray(u.evidence) && u.evidence.length > 0);
      if (!hasEvidence) return { ok: false, reason: "needs-evidence" } as const;
    }
    const step = transition(current, act.action);
    if (!step.ok) return { ok: false, reason: step.reason } as const;
    if (!step.changed) return { ok: true, changed: false, state: current, closedAutomatically: false } as const;
    const autoClose = step.next === "done" && settings.autoClose;
    const next: AssignmentState = autoClose ? "closed" : step.next;
    const moved = await tx.assignment.updateMany({
      where: { id: a.id, state: current },
      data: { state: next, [STAMP[step.next]]: clock.now(), ...(autoClose ? { closedAt: clock.now() } : {}) },
    });
    if (moved.count !== 1) return { ok: true, changed: false, state: current, closedAutomatically: false } as const;
    await recordUpdate(tx, clock, a.id, act.personId, next, act.action, region.id, act.note);
    return { ok: true, changed: true, state: next, closedAutomatically: autoClose } as const;
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function recordUpdate(tx: Tx, clock: Clock, assignmentId: number, personId: number, state: string | null, action: string, regionId: number, note?: string) {
  await tx.statusUpdate.create({ data: { assignmentId, authorId: personId, state: state ?? action, note: note ?? null, createdAt: clock.now() } });
  await audit(tx, clock, { actorId: personId, regionId, action: `assignment.${action}`, subject: `assignment:${assignmentId}`, details: { state } });
}

/** A status update with evidence (photo or document file ids), as a reply to a task card. */
export async function addEvidence(db: Db, clock: Clock, input: { assignmentId: number; personId: number; note: string | null; fileIds: string[] }): Promise<void> {
  const a = await db.assignment.findUniqueOrThrow({ where: { id: input.assignmentId }, include: { unit: true } });
  await db.$transaction(async (tx) => {
    await tx.statusUpdate.create({
      data: { assignmentId: a.id, authorId: input.personId, note: input.note, evidence: input.fileIds, createdAt: clock.now() },
    });
    await audit(tx, clock, {
      actorId: input.personId,
      regionId: a.unit.regionId,
      action: "assignment.update",
      subject: `assignment:${a.id}`,
      details: { evidence: input.fileIds.length },
    });
  });
}

/** Ticks or unticks one checklist item (a child directive of the assignment's directive). */
export async function toggleTick(db: Db, clock: Clock, input: { assignmentId: number; directiveId: number; personId: number }): Promise<boolean | null> {
  const a = await db.assignment.findUnique({ where: { id: input.assignmentId }, include: { directive: { include: { children: true } } } });
  if (!a || !a.directive.children.some((c) => c.id === input.directiveId) || !isOpen(a.state)) return null;
  const key = { assignmentId_directiveId: { assignmentId: a.id, directiveId: input.directiveId } };
  const existing = await db.checklistTick.findUnique({ where: key });
  if (existing) await db.checklistTick.delete({ where: key });
  else await db.checklistTick.create({ data: { assignmentId: a.id, directiveId: input.directiveId, personId: input.personId, createdAt: clock.now() } });
  return !existing;
}

export async function requestExtension(
  db: Db,
  clock: Clock,
  input: { assignmentId: number; personId: number; dueAt: Date; reason: string },
): Promise<{ ok: true; requestId: number } | { ok: false; reason: "not-open" | "not-later" }> {
  const a = await db.assignment.findUniqueOrThrow({ where: { id: input.assignmentId }, include: { unit: true } });
  if (!isOpen(a.state)) return { ok: false, reason: "not-open" };
  if (input.dueAt <= clock.now() || (a.dueAt && input.dueAt <= a.dueAt)) return { ok: false, reason: "not-later" };
  return db.$transaction(async (tx) => {
    const request = await tx.extensionRequest.create({
      data: { assignmentId: a.id, requestedById: input.personId, requestedDueAt: input.dueAt, reason: input.reason, createdAt: clock.now() },
    });
    await audit(tx, clock, {
      actorId: input.personId,
      regionId: a.unit.regionId,
      action: "extension.request",
      subject: `assignment:${a.id}`,
      details: { requestId: request.id, dueAt: input.dueAt.toISOString() },
    });
    return { ok: true, requestId: request.id } as const;
  });
}

/** Approves (new deadline) or rejects a pending request; a decided request stays decided. */
export async function decideExtension(db: Db, clock: Clock, input: { requestId: number; approve: boolean; deciderId: number }) {
  return db.$transaction(async (tx) => {
    const decided = await tx.extensionRequest.updateMany({
      where: { id: input.requestId, state: "pending" },
      data: { state: input.approve ? "approved" : "rejected", decidedById: input.deciderId, decidedAt: clock.now() },
    });
    const request = await tx.extensionRequest.findUniqueOrThrow({ where: { id: input.requestId }, include: { assignment: { include: { unit: true } } } });
    if (decided.count !== 1) return { changed: false, request } as const;
    if (input.approve) await tx.assignment.update({ where: { id: request.assignmentId }, data: { dueAt: request.requestedDueAt } });
    await audit(tx, clock, {
      actorId: input.deciderId,
      regionId: request.assignment.unit.regionId,
      action: input.approve ? "extension.approve" : "extension.reject",
      subject: `assignment:${request.assignmentId}`,
      details: { requestId: request.id },
    });
    return { changed: true, request } as const;
  });
}

/** Members of the assignment's unit who receive cards but have not signed for it. */
export async function notSigned(db: Db, assignmentId: number) {
  const a = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { acknowledgements: true } });
  const signed = new Set(a.acknowledgements.map((x) => x.personId));
  const members = await db.membership.findMany({
    where: { unitId: a.unitId, role: { in: ["official", "unit_head", "cadre"] }, person: { active: true } },
    include: { person: true },
  });
  const unique = new Map(members.filter((m) => !signed.has(m.personId)).map((m) => [m.personId, m.person]));
  return [...unique.values()];
}

/** Every step of an assignment, oldest first: state changes, updates with evidence, extension requests. */
export async function assignmentHistory(db: Db, assignmentId: number) {
  const [updates, extensions] = await Promise.all([
    db.statusUpdate.findMany({ where: { assignmentId }, include: { author: { select: { name: true } } }, orderBy: { id: "asc" } }),
    db.extensionRequest.findMany({ where: { assignmentId }, orderBy: { id: "asc" } }),
  ]);
  return { updates, extensions };
}
