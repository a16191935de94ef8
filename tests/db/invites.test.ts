import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createManualClock } from "../../src/clock.js";
import { createInvite, redeemInvite } from "../../src/services/invites.js";
import { createTestDatabase, postgresAvailable, PROVIDERS, type TestDatabase } from "../../src/testing/databases.js";

const clock = createManualClock(new Date("2026-03-02T02:00:00Z"));
const who = (id: number) => ({ telegramUserId: id, firstName: `用户${id}` });

async function county(database: TestDatabase) {
  const region = await database.db.region.create({ data: { name: "云溪县" } });
  const unit = await database.db.unit.create({ data: { regionId: region.id, name: "县财政局" } });
  return { region, unit };
}

for (const provider of PROVIDERS) {
  describe(`invites on ${provider}`, async () => {
    const skip = provider === "postgresql" && !(await postgresAvailable()) ? "PostgreSQL not reachable" : false;

    test("a one-use token redeemed by ten people at once succeeds exactly once (B4)", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const { region, unit } = await county(database);
        const invite = await createInvite(database.db, clock, {
          regionId: region.id, unitId: unit.id, role: "official", validForHours: 24, uses: 1, createdById: null,
        });
        assert.match(invite.token, /^[A-Za-z0-9_-]{1,64}$/);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => redeemInvite(database.db, clock, invite.token, who(1000 + i))),
        );
        assert.equal(results.filter((r) => r.ok).length, 1);
        assert.deepEqual(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)), new Set(["used-up"]));
        assert.equal(await database.db.membership.count({ where: { unitId: unit.id, role: "official" } }), 1);
        assert.equal(await database.db.auditLog.count({ where: { action: "invite.redeem" } }), 1);
        const stored = await database.db.inviteToken.findFirstOrThrow();
        assert.notEqual(stored.tokenHash, invite.token, "only a hash of the token is stored");
        assert.equal(stored.usesLeft, 0);
      } finally {
        await database.drop();
      }
    });

    test("expired, revoked, unknown and malformed tokens are refused without side effects", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const { region, unit } = await county(database);
        const make = () => createInvite(database.db, clock, {
          regionId: region.id, unitId: unit.id, role: "cadre", validForHours: 1, uses: 5, createdById: null,
        });
        const expiring = await make();
        const revoked = await make();
        await database.db.inviteToken.update({ where: { id: revoked.id }, data: { revokedAt: clock.now() } });
        const later = createManualClock(new Date(clock.now().getTime() + 2 * 3_600_000));
        assert.deepEqual(await redeemInvite(database.db, later, expiring.token, who(1)), { ok: false, reason: "expired" });
        assert.deepEqual(await redeemInvite(database.db, clock, revoked.token, who(2)), { ok: false, reason: "revoked" });
        assert.deepEqual(await redeemInvite(database.db, clock, `inv_${"A".repeat(32)}`, who(3)), { ok: false, reason: "unknown" });
        for (const bad of ["", "inv_short", `inv_${"A".repeat(60)}`, "inv_<script>alert(1)</script>AAAAAAAAAAAA", "x".repeat(65)]) {
          assert.deepEqual(await redeemInvite(database.db, clock, bad, who(4)), { ok: false, reason: "malformed" });
        }
        assert.equal(await database.db.membership.count(), 0);
        assert.equal(await database.db.person.count(), 0);
      } finally {
        await database.drop();
      }
    });

    test("redeeming a second invite for the same role and unit does not duplicate the membership", { skip }, async () => {
      const database = await createTestDatabase(provider);
      try {
        const { region, unit } = await county(database);
        const invite = await createInvite(database.db, clock, {
          regionId: region.id, unitId: unit.id, role: "official", validForHours: 24, uses: 3, createdById: null,
        });
        const first = await redeemInvite(database.db, clock, invite.token, who(7));
        const second = await redeemInvite(database.db, clock, invite.token, who(7));
        assert.ok(first.ok && !first.alreadyMember);
        assert.ok(second.ok && second.alreadyMember);
        assert.equal(await database.db.membership.count(), 1);
      } finally {
        await database.drop();
      }
    });
  });
}
