// The life of an assignment, in our users' words: 交办 (assigned) → 签收 (acknowledged) →
// 进行中 (in progress) → 办结 (done) → 销号 (closed), with 有困难 (blocked) on the way.
// Pure: the services apply the result and stamp the times.

export const ASSIGNMENT_STATES = ["assigned", "acknowledged", "in_progress", "done", "closed", "blocked"] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const ASSIGNMENT_ACTIONS = ["ack", "start", "done", "block", "close", "reopen"] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export type Transition =
  | { ok: true; next: AssignmentState; changed: boolean }
  | { ok: false; reason: "closed" | "not-done" | "finished" | "not-finished" };

/** States whose work is still to do: they get reminders. */
export const OPEN_STATES: readonly AssignmentState[] = ["assigned", "acknowledged", "in_progress", "blocked"];

export function isAssignmentAction(value: string): value is AssignmentAction {
  return (ASSIGNMENT_ACTIONS as readonly string[]).includes(value);
}

export function isOpen(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

const to = (current: AssignmentState, next: AssignmentState): Transition => ({ ok: true, next, changed: next !== current });

/**
 * What an action does to a state. The same action twice changes nothing the second time,
 * so a double tap or a replayed update is harmless (F18).
 */
export function transition(current: AssignmentState, action: AssignmentAction): Transition {
  if (current === "closed" && action !== "reopen") return action === "close" ? to(current, current) : { ok: false, reason: "closed" };
  switch (action) {
    case "ack":
      return to(current, current === "assigned" ? "acknowledged" : current);
    case "start":
      return to(current, "in_progress");
    case "done":
      return to(current, "done");
    case "block":
      return current === "done" ? { ok: false, reason: "finished" } : to(current, "blocked");
    case "close":
      return current === "done" ? to(current, "closed") : { ok: false, reason: "not-done" };
    case "reopen":
      return current === "done" || current === "closed" ? to(current, "in_progress") : { ok: false, reason: "not-finished" };
  }
}

/** The timestamp column a state change stamps. */
export const STAMP: Record<AssignmentState, "assignedAt" | "acknowledgedAt" | "startedAt" | "doneAt" | "closedAt" | "blockedAt"> = {
  assigned: "assignedAt",
  acknowledged: "acknowledgedAt",
  in_progress: "startedAt",
  done: "doneAt",
  closed: "closedAt",
  blocked: "blockedAt",
};
