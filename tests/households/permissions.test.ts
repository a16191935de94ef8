import { test } from "node:test";
import assert from "node:assert/strict";
import { decide, type Actor } from "../../src/domain/permissions.js";

const cadre: Actor = { owner: false, grants: [{ regionId: 1, unitId: 10, role: "cadre" }] };
const admin: Actor = { owner: false, grants: [{ regionId: 1, unitId: null, role: "admin" }] };
const elsewhere: Actor = { owner: false, grants: [{ regionId: 2, unitId: 20, role: "cadre" }] };

test("household.help: the household's helper cadre in the county, or a county admin", () => {
  assert.deepEqual(decide(cadre, { kind: "household.help", regionId: 1, helper: true }), { allowed: true });
  assert.deepEqual(decide(cadre, { kind: "household.help", regionId: 1, helper: false }), { allowed: false, reason: "not-helper" });
  assert.deepEqual(decide(admin, { kind: "household.help", regionId: 1, helper: false }), { allowed: true });
  assert.deepEqual(decide(elsewhere, { kind: "household.help", regionId: 1, helper: true }), { allowed: false, reason: "not-helper" }, "a cadre who left the county keeps no access");
});

test("household.reveal: only the helper, only where the county allows it — not even an admin", () => {
  assert.deepEqual(decide(cadre, { kind: "household.reveal", regionId: 1, helper: true, allowed: true }), { allowed: true });
  assert.deepEqual(decide(cadre, { kind: "household.reveal", regionId: 1, helper: true, allowed: false }), { allowed: false, reason: "reveal-off" });
  assert.deepEqual(decide(admin, { kind: "household.reveal", regionId: 1, helper: false, allowed: true }), { allowed: false, reason: "not-helper" });
});

test("household.self: members of a household of that county", () => {
  assert.deepEqual(decide({ owner: false, grants: [] }, { kind: "household.self", member: true }), { allowed: true });
  assert.deepEqual(decide(admin, { kind: "household.self", member: false }), { allowed: false, reason: "not-household" });
});
