// A per-household deep link (printable as a QR code): one member of the household joins
// the bot with it to receive the county's notices and reply to their helper cadre. Only
// the SHA-256 of the token is stored; a link works once and lapses after 30 days.
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { audit } from "./audit.js";
import { hashToken } from "./invites.js";

const PREFIX = "hh_";
/** `hh_` + 32 base64url characters: within Telegram's 64-character start payload. */
const TOKEN_PATTERN = /^hh_[A-Za-z0-9_-]{32}$/;
const VALID_MS = 30 * 86_400_000;

export function isHouseholdPayload(payload: string): boolean {
  return payload.startsWith(PREFIX);
}

export async function createHouseholdInvite(db: Db, clock: Clock, householdId: number, actorId: number | null): Promise<{ token: string; expiresAt: Date }> {
  const token = PREFIX + randomBytes(24).toString("base64url");
  const expiresAt = new Date(clock.now().getTime() + VALID_MS);
  const household = await db.household.findUniqueOrThrow({ where: { id: householdId } });
  await db.householdInvite.create({ data: { householdId, tokenHash: hashToken(token), expiresAt, createdById: actorId, createdAt: clock.now() } });
  await audit(db, clock, { actorId, regionId: household.regionId, action: "household.invite", subject: `household:${householdId}` });
  return { token, expiresAt };
}

export type HouseholdJoin = { ok: true; householdId: number; regionName: string } | { ok: false };

/** Links the Telegram user to the household; the use is taken by a conditional update (B4). */
export async function joinHousehold(db: Db, clock: Clock, token: string, telegramUserId: number): Promise<HouseholdJoin> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false };
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const invite = await tx.householdInvite.findUnique({ where: { tokenHash: hashToken(token) }, include: { household: { include: { region: { select: { name: true } } } } } });
    if (!invite || !invite.household.active) return { ok: false } as const;
    const taken = await tx.householdInvite.updateMany({ where: { id: invite.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (taken.count !== 1) return { ok: false } as const;
    await tx.household.update({ where: { id: invite.householdId }, data: { telegramUserId: BigInt(telegramUserId) } });
    await audit(tx, clock, { regionId: invite.household.regionId, action: "household.join", subject: `household:${invite.householdId}` });
    return { ok: true, householdId: invite.householdId, regionName: invite.household.region.name } as const;
  });
}

/** The household a Telegram user joined, if any. */
export function householdOfUser(db: Db, telegramUserId: number) {
  return db.household.findFirst({ where: { telegramUserId: BigInt(telegramUserId), active: true }, include: { helper: true } });
}

/** /stop: the household leaves; nothing more is sent to this user. Resolves to whether they were linked. */
export async function leaveHousehold(db: Db, clock: Clock, telegramUserId: number): Promise<boolean> {
  const linked = await db.household.findMany({ where: { telegramUserId: BigInt(telegramUserId) }, select: { id: true, regionId: true } });
  if (linked.length === 0) return false;
  await db.household.updateMany({ where: { telegramUserId: BigInt(telegramUserId) }, data: { telegramUserId: null } });
  await db.outboxMessage.updateMany({ where: { address: String(telegramUserId), state: "pending", kind: { startsWith: "household.notice" } }, data: { state: "skipped", lastError: "household left (/stop)" } });
  for (const h of linked) await audit(db, clock, { regionId: h.regionId, action: "household.leave", subject: `household:${h.id}` });
  return true;
}
