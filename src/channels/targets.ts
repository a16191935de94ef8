// Outbox rows for endpoints, next to the Telegram rows of the same event: a unit's
// reminders also go to the unit's WeCom/DingTalk groups, county-wide notices to the
// county's, and households without Telegram get notices by SMS through the county's
// gateway. Dedupe keys extend the event's key, so planning again never doubles a row.
// Mobiles travel only in SMS rows, never in a Telegram payload.
import type { Db } from "../db/client.js";
import type { NewOutboxRow } from "../scheduler/outbox.js";
import { isMobile } from "./endpoint-config.js";
import { endpointAddress } from "./endpoints.js";

/** One event, without its recipient: the fields every copy shares. */
export type ChannelNotice = Omit<NewOutboxRow, "channel" | "address">;

const ROBOTS = ["wecom", "dingtalk"];

export type RobotTarget = { unitId: number } | { regionId: number };

/** The active robots of a unit, or (regionId) the county-wide robots. */
export async function robotEndpoints(db: Pick<Db, "channelEndpoint">, target: RobotTarget): Promise<Array<{ id: number; kind: string }>> {
  const scope = "unitId" in target ? { unitId: target.unitId } : { regionId: target.regionId, unitId: null };
  return db.channelEndpoint.findMany({ where: { ...scope, active: true, kind: { in: ROBOTS } }, select: { id: true, kind: true } });
}

/** One copy of the notice per robot. */
export function robotCopies(endpoints: ReadonlyArray<{ id: number; kind: string }>, notice: ChannelNotice): NewOutboxRow[] {
  return endpoints.map((e) => ({ ...notice, channel: e.kind, address: endpointAddress(e.id), dedupeKey: `${notice.dedupeKey}:ep${e.id}` }));
}

/** Copies for the active robots of a unit, or (regionId) the county-wide robots. */
export async function robotRows(db: Pick<Db, "channelEndpoint">, target: RobotTarget, notice: ChannelNotice): Promise<NewOutboxRow[]> {
  return robotCopies(await robotEndpoints(db, target), notice);
}

/** "138 0013-8000" → "13800138000"; null when it is not a mobile number. */
export function normalizeMobile(text: string | null): string | null {
  if (text === null) return null;
  const compact = text.replace(/[\s()-]/g, "");
  return isMobile(compact) ? compact : null;
}

/**
 * Copies by SMS for the county's households that have no Telegram but a mobile, through
 * its first active gateway; none when the county has no gateway.
 */
export async function householdSmsRows(db: Db, regionId: number, notice: ChannelNotice): Promise<NewOutboxRow[]> {
  const gateway = await db.channelEndpoint.findFirst({ where: { regionId, kind: "sms", active: true }, orderBy: { id: "asc" }, select: { id: true } });
  if (!gateway) return [];
  const households = await db.household.findMany({ where: { regionId, active: true, telegramUserId: null, phone: { not: null } }, select: { id: true, phone: true } });
  return households.flatMap((h) => {
    const mobile = normalizeMobile(h.phone);
    if (mobile === null) return [];
    return [{ ...notice, channel: "sms", address: endpointAddress(gateway.id, mobile), dedupeKey: `${notice.dedupeKey}:hh${h.id}:sms`, subjectType: "household", subjectId: h.id }];
  });
}
