// The registered endpoints of a county: created with their settings encrypted (PII_KEY,
// AES-256-GCM through services/pii-crypto.ts), listed without secrets, switched off with
// the provider's reason when it refuses them, removed with their queued rows.
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { audit } from "../services/audit.js";
import type { PiiKeys } from "../services/pii-crypto.js";
import { secretHint, type EndpointConfig, type EndpointKind } from "./endpoint-config.js";

const PREFIX = "endpoint:";
/** Outbox states of rows not yet handed to a provider. */
const QUEUED = ["pending", "claimed"];

/** `endpoint:<id>` for a group robot, `endpoint:<id>:<phone>` for one SMS recipient. */
export function endpointAddress(endpointId: number, phone?: string): string {
  return phone === undefined ? `${PREFIX}${endpointId}` : `${PREFIX}${endpointId}:${phone}`;
}

export function parseEndpointAddress(address: string): { endpointId: number; phone: string | null } | null {
  const match = /^endpoint:(\d+)(?::(\+?\d+))?$/.exec(address);
  return match?.[1] ? { endpointId: Number(match[1]), phone: match[2] ?? null } : null;
}

export interface NewEndpoint {
  regionId: number;
  unitId: number | null;
  name: string;
  config: EndpointConfig;
  actorId: number | null;
}

export async function createEndpoint(db: Db, clock: Clock, keys: PiiKeys, input: NewEndpoint) {
  const endpoint = await db.channelEndpoint.create({
    data: {
      regionId: input.regionId,
      unitId: input.unitId,
      kind: input.config.kind,
      name: input.name.slice(0, 64),
      configCipher: keys.encrypt(JSON.stringify(input.config)),
      hint: secretHint(input.config),
      createdById: input.actorId,
      createdAt: clock.now(),
    },
  });
  await audit(db, clock, { actorId: input.actorId, regionId: input.regionId, action: "channel.add", subject: `endpoint:${endpoint.id}`, details: { kind: endpoint.kind, unitId: input.unitId } });
  return endpoint;
}

/** A county's endpoints for lists: no ciphertext leaves this function. */
export async function listEndpoints(db: Db, regionId: number) {
  return db.channelEndpoint.findMany({
    where: { regionId },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, name: true, hint: true, active: true, lastError: true, unit: { select: { name: true } } },
  });
}

export async function findEndpoint(db: Db, endpointId: number) {
  return db.channelEndpoint.findUnique({ where: { id: endpointId }, include: { unit: { select: { name: true } }, region: { select: { timeZone: true } } } });
}

export interface LoadedEndpoint {
  id: number;
  regionId: number;
  kind: EndpointKind;
  active: boolean;
  config: EndpointConfig;
}

/** The endpoint with its settings decrypted, for sending; null when removed or unreadable. */
export async function loadEndpoint(db: Db, keys: PiiKeys, endpointId: number): Promise<LoadedEndpoint | null> {
  const row = await db.channelEndpoint.findUnique({ where: { id: endpointId } });
  if (!row) return null;
  try {
    const config = JSON.parse(keys.decrypt(row.configCipher)) as EndpointConfig;
    return config.kind === row.kind ? { id: row.id, regionId: row.regionId, kind: config.kind, active: row.active, config } : null;
  } catch {
    // Encrypted under another PII_KEY: the admin has to register it again.
    return null;
  }
}

/** The provider refused the endpoint itself (invalid key, signature …): off until the admin fixes it. Resolves to whether it was on. */
export async function recordFault(db: Db, clock: Clock, endpointId: number, reason: string): Promise<boolean> {
  const changed = await db.channelEndpoint.updateMany({ where: { id: endpointId, active: true }, data: { active: false, lastError: reason.slice(0, 500), lastErrorAt: clock.now() } });
  return changed.count > 0;
}

/** A successful test send switches an endpoint back on. */
export async function recordHealthy(db: Db, endpointId: number): Promise<void> {
  await db.channelEndpoint.updateMany({ where: { id: endpointId }, data: { active: true, lastError: null, lastErrorAt: null } });
}

/** Addresses of an endpoint's rows: its own, and those of its SMS recipients. */
function endpointRowsWhere(endpointId: number) {
  const address = endpointAddress(endpointId);
  return { OR: [{ address }, { address: { startsWith: `${address}:` } }] };
}

export interface EndpointActivity {
  /** Rows not yet delivered (waiting, retrying, deferred by a block, on the wire). */
  queued: number;
  lastSentAt: Date | null;
  /** The provider's latest complaint about a row still waiting or given up (5xx, a block, too long …). */
  lastProblem: string | null;
}

/** How an endpoint's messages fare, read from the outbox, for the admin's view. */
export async function endpointActivity(db: Db, endpointId: number): Promise<EndpointActivity> {
  const rows = endpointRowsWhere(endpointId);
  const [queued, sent, problem] = await Promise.all([
    db.outboxMessage.count({ where: { ...rows, state: { in: [...QUEUED, "sending"] } } }),
    db.outboxMessage.aggregate({ where: { ...rows, state: "sent" }, _max: { sentAt: true } }),
    db.outboxMessage.findFirst({
      where: { ...rows, state: { in: [...QUEUED, "failed"] }, lastError: { not: null } },
      orderBy: { id: "desc" },
      select: { lastError: true },
    }),
  ]);
  return { queued, lastSentAt: sent._max.sentAt, lastProblem: problem?.lastError ?? null };
}

/** Queued rows of an endpoint become dead with the reason; resolves to how many. */
export async function dropQueued(db: Db, endpointId: number, reason: string): Promise<number> {
  const dropped = await db.outboxMessage.updateMany({
    where: { ...endpointRowsWhere(endpointId), state: { in: QUEUED } },
    data: { state: "dead", lastError: reason, leaseOwner: null, leaseExpiresAt: null },
  });
  return dropped.count;
}

export async function removeEndpoint(db: Db, clock: Clock, endpointId: number, actorId: number | null): Promise<void> {
  const endpoint = await db.channelEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) return;
  await dropQueued(db, endpointId, "channel removed by an admin");
  await db.channelEndpoint.delete({ where: { id: endpointId } });
  await audit(db, clock, { actorId, regionId: endpoint.regionId, action: "channel.remove", subject: `endpoint:${endpointId}`, details: { kind: endpoint.kind } });
}
