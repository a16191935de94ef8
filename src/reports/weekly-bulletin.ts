// Queues the weekly bulletin (督查通报) of every county whose wall clock shows Monday 09:00
// or later and which has not had this week's yet: to its admins and to the groups that
// follow it with digests on. Ticks call it every few minutes; the dedupe key (county, ISO
// week, recipient) makes it once a week however often it runs, in however many processes.
import type { Region } from "../../prisma/sqlite/generated/client.js";
import { countySettings } from "../domain/county-settings.js";
import { bind, type Translate } from "../messages/translate.js";
import { digestGroupsOf } from "../services/subscriptions.js";
import { queueForEachCounty } from "../scheduler/county-jobs.js";
import { enqueue, type NewOutboxRow } from "../scheduler/outbox.js";
import type { Store } from "../scheduler/raw-sql.js";
import { localDateOf, localMinutesOf, parseWallTime, weekday } from "../time.js";
import { bulletinData, bulletinMessages } from "./bulletin.js";
import { isoWeekOf } from "./period.js";

export const BULLETIN_KIND = "report.bulletin";
export const BULLETIN_TIME = "09:00";
const MONDAY = 1;
/** A bulletin still queued two days later (the dispatcher was down) is not sent any more. */
const EXPIRES_AFTER_MS = 2 * 86_400_000;

export interface BulletinDeps {
  store: Store;
  translate: Translate;
  defaultLocale: string;
}

interface Recipient {
  address: string;
  locale: string;
}

async function recipientsOf(store: Store, regionId: number, defaultLocale: string): Promise<Recipient[]> {
  const { db } = store;
  const [admins, groups] = await Promise.all([
    db.membership.findMany({ where: { regionId, role: "admin", person: { active: true, telegramUserId: { not: null } } }, include: { person: true } }),
    db.subscription.findMany({ where: digestGroupsOf(regionId), include: { chat: true } }),
  ]);
  const people = admins.map((m) => ({ address: String(m.person.telegramUserId), locale: m.person.locale ?? defaultLocale }));
  const chats = groups.map((s) => ({ address: String(s.chat.telegramChatId), locale: defaultLocale }));
  return [...new Map([...people, ...chats].map((r) => [r.address, r])).values()];
}

function isBulletinTime(now: Date, zone: string): boolean {
  return weekday(localDateOf(now, zone)) === MONDAY && localMinutesOf(now, zone) >= (parseWallTime(BULLETIN_TIME) ?? 0);
}

/** Queues the bulletins due at `now`; resolves to the number of rows queued. */
export function sendWeeklyBulletins(deps: BulletinDeps, now: Date): Promise<number> {
  return queueForEachCounty(deps.store.db, "weekly bulletin", (region) => queueBulletin(deps, region, now));
}

async function queueBulletin(deps: BulletinDeps, region: Region, now: Date): Promise<number> {
  const settings = countySettings(region);
  if (!isBulletinTime(now, settings.timeZone)) return 0;
  const prefix = `bulletin:${region.id}:${isoWeekOf(localDateOf(now, settings.timeZone))}:`;
  const sent = await deps.store.db.outboxMessage.findFirst({ where: { kind: BULLETIN_KIND, subjectType: "region", subjectId: region.id, dedupeKey: { startsWith: prefix } }, select: { id: true } });
  if (sent) return 0;
  const recipients = await recipientsOf(deps.store, region.id, deps.defaultLocale);
  if (recipients.length === 0) return 0;
  const data = await bulletinData(deps.store.db, region.id, settings, now);
  const texts = new Map<string, string[]>();
  const rows: NewOutboxRow[] = recipients.flatMap((r) => {
    const parts = texts.get(r.locale) ?? bulletinMessages(bind(deps.translate, r.locale), region.name, data, settings.timeZone);
    texts.set(r.locale, parts);
    return parts.map((text, i) => ({
      address: r.address,
      kind: BULLETIN_KIND,
      payload: { text, html: true, locale: r.locale },
      // The parts of one bulletin keep their order: each is due a moment after the one before.
      dueAt: new Date(now.getTime() + i),
      expiresAt: new Date(now.getTime() + EXPIRES_AFTER_MS),
      dedupeKey: `${prefix}${r.address}:${i}`,
      subjectType: "region",
      subjectId: region.id,
    }));
  });
  return enqueue(deps.store, rows, now);
}
