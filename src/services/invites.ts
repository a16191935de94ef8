import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Clock } from "../clock.js";
import { roleNeedsUnit, type Role } from "../domain/roles.js";
import { audit } from "./audit.js";
import { ensurePerson, grantMembership, type TelegramIdentity } from "./people.js";

/** Deep-link payloads are `inv_` + 32 base64url characters: 36 of Telegram's 64 allowed. */
const PREFIX = "inv_";
const TOKEN_PATTERN = /^inv_[A-Za-z0-9_-]{32}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isInvitePayload(payload: string): boolean {
  return TOKEN_PATTERN.test(payload);
}

export interface NewInvite {
  regionId: number;
  unitId: number | null;
  role: Role;
  validForHours: number;
  uses: number;
  createdById: number | null;
}

export async function createInvite(db: Db, clock: Clock, invite: NewInvite): Promise<{ token: string; id: number; expiresAt: Date }> {
  if (roleNeedsUnit(invite.role) && invite.unitId === null) throw new Error(`an invite for role ${invite.role} needs a unit`);
  if (!Number.isInteger(invite.uses) || invite.uses < 1) throw new Error("an invite needs at least one use");
  // 24 random bytes: unguessable, and base64url keeps to Telegram's payload alphabet.
  const token = PREFIX + randomBytes(24).toString("base64url");
  const expiresAt = new Date(clock.now().getTime() + invite.validForHours * 3_600_000);
  return db.$transaction(async (tx) => {
    const row = await tx.inviteToken.create({
      data: {
        tokenHash: hashToken(token),
        hint: token.slice(-4),
        regionId: invite.regionId,
        unitId: invite.unitId,
        role: invite.role,
        expiresAt,
        usesLeft: invite.uses,
        createdById: invite.createdById,
        createdAt: clock.now(),
      },
    });
    await audit(tx, clock, {
      actorId: invite.createdById,
      regionId: invite.regionId,
      action: "invite.create",
      subject: `invite:${row.id}`,
      details: { role: invite.role, unitId: invite.unitId, uses: invite.uses, expiresAt: expiresAt.toISOString() },
    });
    return { token, id: row.id, expiresAt };
  });
}

export type RedeemResult =
  | { ok: true; personId: number; regionId: number; regionName: string; unitName: string | null; role: Role; alreadyMember: boolean }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "used-up" };

/**
 * Redeems a deep-link invite. The use is taken by a conditional update, so a token with
 * one use left that is redeemed twice at once succeeds exactly once (B4).
 */
export async function redeemInvite(db: Db, clock: Clock, token: string, who: TelegramIdentity): Promise<RedeemResult> {
  if (!isInvitePayload(token)) return { ok: false, reason: "malformed" };
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const invite = await tx.inviteToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { region: { select: { name: true } }, unit: { select: { name: true } } },
    });
    if (!invite) return { ok: false, reason: "unknown" } as const;
    const refusal = invite.revokedAt ? "revoked" : invite.expiresAt <= now ? "expired" : null;
    if (refusal) return { ok: false, reason: refusal } as const;
    const taken = await tx.inviteToken.updateMany({
      where: { id: invite.id, usesLeft: { gt: 0 }, revokedAt: null, expiresAt: { gt: now } },
      data: { usesLeft: { decrement: 1 } },
    });
    if (taken.count !== 1) return { ok: false, reason: "used-up" } as const;
    const person = await ensurePerson(tx, who);
    const role = invite.role as Role;
    const granted = await grantMembership(tx, clock, {
      personId: person.id,
      regionId: invite.regionId,
      unitId: invite.unitId,
      role,
      actorId: person.id,
      reason: `invite:${invite.id}`,
    });
    await audit(tx, clock, {
      actorId: person.id,
      regionId: invite.regionId,
      action: "invite.redeem",
      subject: `invite:${invite.id}`,
      details: { role, unitId: invite.unitId, usesLeft: invite.usesLeft - 1 },
    });
    return {
      ok: true,
      personId: person.id,
      regionId: invite.regionId,
      regionName: invite.region.name,
      unitName: invite.unit?.name ?? null,
      role,
      alreadyMember: !granted,
    } as const;
  });
}

/** Invites of a county (or of one unit) that can still be used, newest first. */
export async function listOpenInvites(db: Pick<Db, "inviteToken">, clock: Clock, scope: { regionId: number; unitId?: number }, page: { skip: number; take: number }) {
  const where = { ...scope, revokedAt: null, usesLeft: { gt: 0 }, expiresAt: { gt: clock.now() } };
  const [rows, total] = await Promise.all([
    db.inviteToken.findMany({ where, include: { unit: { select: { name: true } } }, orderBy: { id: "desc" }, skip: page.skip, take: page.take }),
    db.inviteToken.count({ where }),
  ]);
  return { rows, total };
}

export async function revokeInvite(db: Db, clock: Clock, inviteId: number, actorId: number | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const revoked = await tx.inviteToken.updateMany({ where: { id: inviteId, revokedAt: null }, data: { revokedAt: clock.now() } });
    if (revoked.count === 0) return false;
    const invite = await tx.inviteToken.findUniqueOrThrow({ where: { id: inviteId } });
    await audit(tx, clock, { actorId, regionId: invite.regionId, action: "invite.revoke", subject: `invite:${inviteId}`, details: { role: invite.role, unitId: invite.unitId } });
    return true;
  });
}
