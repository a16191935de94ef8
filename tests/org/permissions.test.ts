import { test } from "node:test";
import assert from "node:assert/strict";
import { adminRegionIds, decide, ledUnits, type Actor, type Permission } from "../../src/domain/permissions.js";
import { ROLES, type Role } from "../../src/domain/roles.js";

// County 1 with units 10 and 11; county 2 with unit 20.
const HOME = 1;
const OTHER = 2;
const actorWith = (role: Role | null, owner = false): Actor => ({
  owner,
  grants: role === null ? [] : [{ regionId: HOME, unitId: role === "admin" ? null : 10, role }],
});
const allowed = (actor: Actor, permission: Permission) => decide(actor, permission).allowed;

test("only operators create counties, whatever role they hold", () => {
  for (const role of [null, ...ROLES]) {
    assert.equal(allowed(actorWith(role), { kind: "county.create" }), false, String(role));
    assert.equal(allowed(actorWith(role, true), { kind: "county.create" }), true, String(role));
  }
});

test("an operator is not an admin of any county by being an operator", () => {
  const owner = actorWith(null, true);
  assert.deepEqual(decide(owner, { kind: "county.admin", regionId: HOME }), { allowed: false, reason: "not-county-admin" });
  assert.equal(allowed(owner, { kind: "menu" }), false);
});

test("county administration: admins of that county only", () => {
  for (const role of [null, ...ROLES]) {
    const actor = actorWith(role);
    assert.equal(allowed(actor, { kind: "county.admin", regionId: HOME }), role === "admin", String(role));
    assert.equal(allowed(actor, { kind: "county.admin", regionId: OTHER }), false, String(role));
  }
});

test("the menu opens for admins and unit heads, nobody else", () => {
  for (const role of [null, ...ROLES]) {
    assert.equal(allowed(actorWith(role), { kind: "menu" }), role === "admin" || role === "unit_head", String(role));
  }
});

test("unit lead: the county's admins and that unit's head", () => {
  for (const role of [null, ...ROLES]) {
    const actor = actorWith(role);
    assert.equal(allowed(actor, { kind: "unit.lead", regionId: HOME, unitId: 10 }), role === "admin" || role === "unit_head", String(role));
    assert.equal(allowed(actor, { kind: "unit.lead", regionId: HOME, unitId: 11 }), role === "admin", String(role));
    assert.equal(allowed(actor, { kind: "unit.lead", regionId: OTHER, unitId: 20 }), false, String(role));
  }
});

test("invites: admins any role in their county; unit heads officials and cadres of their own unit", () => {
  for (const holder of [null, ...ROLES]) {
    const actor = actorWith(holder);
    for (const role of ROLES) {
      for (const [regionId, unitId] of [[HOME, 10], [HOME, 11], [OTHER, 20]] as const) {
        const expected =
          (holder === "admin" && regionId === HOME) ||
          (holder === "unit_head" && regionId === HOME && unitId === 10 && (role === "official" || role === "cadre"));
        assert.equal(allowed(actor, { kind: "invite.create", regionId, unitId, role }), expected, `${holder} → ${role} in ${regionId}/${unitId}`);
      }
    }
    assert.equal(allowed(actor, { kind: "invite.create", regionId: HOME, unitId: null, role: "admin" }), holder === "admin");
  }
});

test("invites for unit roles need a unit, even from an admin", () => {
  assert.deepEqual(decide(actorWith("admin"), { kind: "invite.create", regionId: HOME, unitId: null, role: "cadre" }), {
    allowed: false,
    reason: "unit-required",
  });
  assert.deepEqual(decide(actorWith("unit_head"), { kind: "invite.create", regionId: HOME, unitId: 10, role: "admin" }), {
    allowed: false,
    reason: "role-not-allowed",
  });
});

test("subscribing a group needs both the county's admin role and the group's admin status", () => {
  const admin = actorWith("admin");
  assert.equal(allowed(admin, { kind: "subscription.manage", regionId: HOME, chatAdmin: true }), true);
  assert.deepEqual(decide(admin, { kind: "subscription.manage", regionId: HOME, chatAdmin: false }), { allowed: false, reason: "not-chat-admin" });
  assert.equal(allowed(admin, { kind: "subscription.manage", regionId: OTHER, chatAdmin: true }), false);
  for (const role of ["official", "unit_head", "cadre", "household"] as const) {
    assert.equal(allowed(actorWith(role), { kind: "subscription.manage", regionId: HOME, chatAdmin: true }), false, role);
    assert.equal(allowed(actorWith(role), { kind: "subscription.start", chatAdmin: true }), false, role);
  }
  assert.equal(allowed(admin, { kind: "subscription.start", chatAdmin: true }), true);
  assert.deepEqual(decide(admin, { kind: "subscription.start", chatAdmin: false }), { allowed: false, reason: "not-chat-admin" });
});

test("menus list the counties administered and the units led elsewhere", () => {
  const actor: Actor = {
    owner: false,
    grants: [
      { regionId: 1, unitId: null, role: "admin" },
      { regionId: 1, unitId: 10, role: "unit_head" },
      { regionId: 2, unitId: 20, role: "unit_head" },
      { regionId: 2, unitId: 21, role: "cadre" },
    ],
  };
  assert.deepEqual(adminRegionIds(actor), [1]);
  assert.deepEqual(ledUnits(actor), [{ regionId: 2, unitId: 20 }]);
});
