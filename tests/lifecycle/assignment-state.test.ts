import { test } from "node:test";
import assert from "node:assert/strict";
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATES, transition, type AssignmentState } from "../../src/domain/assignment-state.js";

test("the happy path: sign for, start, finish, close off", () => {
  let state: AssignmentState = "assigned";
  for (const [action, expected] of [["ack", "acknowledged"], ["start", "in_progress"], ["done", "done"], ["close", "closed"]] as const) {
    const step = transition(state, action);
    assert.ok(step.ok && step.changed && step.next === expected, `${action} from ${state}`);
    state = expected;
  }
});

test("every action applied twice changes nothing the second time (F18)", () => {
  for (const state of ASSIGNMENT_STATES) {
    for (const action of ASSIGNMENT_ACTIONS) {
      const first = transition(state, action);
      if (!first.ok) continue;
      const second = transition(first.next, action);
      assert.ok(!second.ok || !second.changed, `${action} twice from ${state}`);
    }
  }
});

test("closing needs a finished task; a closed task only reopens; blocked can be resumed", () => {
  assert.deepEqual(transition("in_progress", "close"), { ok: false, reason: "not-done" });
  assert.deepEqual(transition("closed", "start"), { ok: false, reason: "closed" });
  assert.deepEqual(transition("closed", "reopen"), { ok: true, next: "in_progress", changed: true });
  assert.deepEqual(transition("done", "block"), { ok: false, reason: "finished" });
  assert.deepEqual(transition("blocked", "start"), { ok: true, next: "in_progress", changed: true });
  assert.deepEqual(transition("acknowledged", "ack"), { ok: true, next: "acknowledged", changed: false });
});
