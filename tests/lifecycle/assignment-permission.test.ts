import { test } from "node:test";
import assert from "node:assert/strict";
import { decide, type Actor } from "../../src/domain/permissions.js";

const act = { kind: "assignment.act", regionId: 1, unitId: 10 } as const;
const actor = (grants: Actor["grants"]): Actor => ({ owner: false, grants });

test("a unit's officials, head and cadres act on its tasks; households and other units do not", () => {
  for (const role of ["official", "unit_head", "cadre"] as const) assert.deepEqual(decide(actor([{ regionId: 1, unitId: 10, role }]), act), { allowed: true }, role);
  assert.deepEqual(decide(actor([{ regionId: 1, unitId: 10, role: "household" }]), act), { allowed: false, reason: "not-unit-member" });
  assert.deepEqual(decide(actor([{ regionId: 1, unitId: 11, role: "official" }]), act), { allowed: false, reason: "not-unit-member" });
  assert.deepEqual(decide(actor([{ regionId: 2, unitId: 10, role: "official" }]), act), { allowed: false, reason: "not-unit-member" });
});

test("a county admin acts on every task of the county, not of another", () => {
  assert.deepEqual(decide(actor([{ regionId: 1, unitId: null, role: "admin" }]), act), { allowed: true });
  assert.deepEqual(decide(actor([{ regionId: 2, unitId: null, role: "admin" }]), act), { allowed: false, reason: "not-unit-member" });
  assert.deepEqual(decide({ owner: true, grants: [] }, act), { allowed: false, reason: "not-unit-member" });
});
