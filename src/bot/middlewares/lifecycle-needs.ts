// What the lifecycle's updates need, resolved from the database for guard(): meetings and
// directives belong to their county's admins, assignments to their unit (acting) and to
// its head or the county admin (supervising). A dropped directive or a missing row names
// nothing, so the guard answers "gone".
import type { BotContext } from "../context.js";
import { idOf, type Need } from "./guard.js";

export async function needMeeting(ctx: BotContext, meetingId: number | null) {
  const meeting = meetingId === null ? null : await ctx.deps.db.meeting.findUnique({ where: { id: meetingId }, include: { region: true } });
  return meeting ? { permission: { kind: "county.admin", regionId: meeting.regionId } as const, scope: meeting } : null;
}

export async function needDirective(ctx: BotContext, directiveId: number | null) {
  const directive =
    directiveId === null ? null : await ctx.deps.db.directive.findUnique({ where: { id: directiveId }, include: { meeting: { include: { region: true } } } });
  if (!directive || directive.dropped) return null;
  return { permission: { kind: "county.admin", regionId: directive.meeting.regionId } as const, scope: directive };
}

async function loadAssignment(ctx: BotContext, assignmentId: number | null) {
  if (assignmentId === null) return null;
  return ctx.deps.db.assignment.findUnique({
    where: { id: assignmentId },
    include: { unit: true, directive: { include: { meeting: { include: { region: true } } } } },
  });
}

export type AssignmentScope = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>;

/** Acting on a task: a member of its unit, or a county admin. */
export async function needAssignment(ctx: BotContext, assignmentId: number | null): Promise<Need<AssignmentScope> | null> {
  const a = await loadAssignment(ctx, assignmentId);
  return a ? { permission: { kind: "assignment.act", regionId: a.unit.regionId, unitId: a.unitId }, scope: a } : null;
}

/** Supervising a task (销号, re-sending to those who have not signed): its unit's head or a county admin. */
export async function needAssignmentLead(ctx: BotContext, assignmentId: number | null): Promise<Need<AssignmentScope> | null> {
  const a = await loadAssignment(ctx, assignmentId);
  return a ? { permission: { kind: "unit.lead", regionId: a.unit.regionId, unitId: a.unitId }, scope: a } : null;
}

// The same, for guardButton: buttons name their row in a field of their callback data.
export const byMeeting = (ctx: BotContext, data: { meeting: string }) => needMeeting(ctx, idOf(data.meeting));
export const byDirective = (ctx: BotContext, data: { directive: string }) => needDirective(ctx, idOf(data.directive));
export const byAssignment = (ctx: BotContext, data: { assignment: string }) => needAssignment(ctx, idOf(data.assignment));
export const byAssignmentLead = (ctx: BotContext, data: { assignment: string }) => needAssignmentLead(ctx, idOf(data.assignment));

export async function needExtensionRequest(ctx: BotContext, requestId: number | null) {
  const request =
    requestId === null
      ? null
      : await ctx.deps.db.extensionRequest.findUnique({ where: { id: requestId }, include: { assignment: { include: { unit: true } } } });
  return request ? { permission: { kind: "county.admin", regionId: request.assignment.unit.regionId } as const, scope: request } : null;
}
