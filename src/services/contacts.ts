// Logging a contact with a household (a call, a visit, a leaflet posted, a reply in
// Telegram): the log row, and the completion of the duty whose period it falls in.
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { localDateOf } from "../time.js";
import { audit } from "./audit.js";
import type { DutyPurpose } from "./household-duties.js";

export const CONTACT_CHANNELS = ["phone", "wechat", "sms", "qq", "visit", "telegram"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export function isContactChannel(value: string): value is ContactChannel {
  return (CONTACT_CHANNELS as readonly string[]).includes(value);
}

/** Notes are for the record, not for essays; Telegram captions are limited too. */
export const MAX_NOTE_LENGTH = 1000;

export interface NewContact {
  householdId: number;
  personId: number | null;
  channel: ContactChannel;
  purpose: DutyPurpose;
  note?: string | null;
  /** Telegram file ids of photos. */
  evidence?: string[];
}

export interface ContactResult {
  contactId: number;
  /** The duty of this period is complete (now or already). */
  dutyDone: boolean;
  regionId: number;
  helperId: number | null;
}

export async function recordContact(db: Db, clock: Clock, contact: NewContact): Promise<ContactResult> {
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const household = await tx.household.findUniqueOrThrow({ where: { id: contact.householdId }, include: { region: { select: { timeZone: true } } } });
    const log = await tx.contactLog.create({
      data: {
        householdId: household.id, personId: contact.personId, channel: contact.channel, purpose: contact.purpose,
        note: contact.note ? contact.note.slice(0, MAX_NOTE_LENGTH) : null, evidence: contact.evidence ?? [], contactedAt: now, createdAt: now,
      },
    });
    const today = localDateOf(now, household.region.timeZone);
    const duty = await tx.householdDuty.findFirst({
      where: { householdId: household.id, purpose: contact.purpose, periodStart: { lte: today }, periodEnd: { gte: today } },
    });
    let dutyDone = false;
    if (duty) {
      const completed = duty.completed + 1;
      dutyDone = completed >= duty.required;
      await tx.householdDuty.update({
        where: { id: duty.id },
        data: { completed, ...(dutyDone && duty.state === "open" ? { state: "done", doneAt: now } : {}) },
      });
    }
    await audit(tx, clock, {
      actorId: contact.personId, regionId: household.regionId, action: `household.${contact.purpose}`, subject: `household:${household.id}`,
      details: { channel: contact.channel, dutyDone },
    });
    return { contactId: log.id, dutyDone, regionId: household.regionId, helperId: household.helperId };
  });
}
