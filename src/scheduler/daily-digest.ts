// Queues the daily digest (每日督办汇总) of every county whose wall clock has passed its
// digest time (08:30 unless set) on a working day: one message per reader — each unit
// member their units' tasks due today, overdue and due this week; county admins, unit heads
// and groups following the county with digests on the units' numbers and the unanswered
// check-ins; admins also who cannot be reached. Ticks call it every few minutes; the dedupe
// key (county, local date, address) makes it once a day however often it runs, in however
// many processes. Not merged with reminders (no `line`), and dropped at the end of its day.
import type { Region } from "../../prisma/sqlite/generated/client.js";
import type { Db } from "../db/client.js";
import { countySettings } from "../domain/county-settings.js";
import { TASK_ROLES } from "../domain/permissions.js";
import { bind, type Translate } from "../messages/translate.js";
import { digestGroupsOf } from "../services/subscriptions.js";
import { loadWorkingCalendar } from "../services/holiday-calendar.js";
import { afterQuietHours, endOfLocalDay, localDateOf, localMinutesOf, parseWallTime } from "../time.js";
import { queueForEachCounty } from "./county-jobs.js";
import { countyDigestData, emptyDueLists, mergeDueLists, type CountyDigestData } from "./digest-data.js";
import { digestText, type DigestView } from "./digest-text.js";
import { enqueue, type NewOutboxRow } from "./outbox.js";
import type { Store } from "./raw-sql.js";

export const DIGEST_KIND = "digest.daily";

export interface DigestDeps {
  store: Store;
  translate: Translate;
  defaultLocale: string;
}

interface Reader {
  address: string;
  locale: string;
  /** Units whose tasks are the reader's own work. */
  works: Set<number>;
  /** Units the reader supervises. */
  supervises: Set<number> | "all";
  /** A county admin: also told who cannot be reached. */
  admin: boolean;
}

const ACTIVE = { active: true, telegramUserId: { not: null } };

function readerOf(readers: Map<string, Reader>, address: string, locale: string): Reader {
  const reader = readers.get(address) ?? { address, locale, works: new Set<number>(), supervises: new Set<number>(), admin: false };
  readers.set(address, reader);
  return reader;
}

/** Everyone the county's digest may go to, once per address, with what each of them sees. */
async function readersOf(db: Db, regionId: number, defaultLocale: string): Promise<Reader[]> {
  const [memberships, headed, groups] = await Promise.all([
    db.membership.findMany({ where: { regionId, role: { in: ["admin", ...TASK_ROLES] }, person: ACTIVE }, include: { person: true } }),
    db.unit.findMany({ where: { regionId, head: ACTIVE }, include: { head: true } }),
    db.subscription.findMany({ where: digestGroupsOf(regionId), include: { chat: true, units: true } }),
  ]);
  const readers = new Map<string, Reader>();
  const person = (p: { telegramUserId: bigint | null; locale: string | null }) => readerOf(readers, String(p.telegramUserId), p.locale ?? defaultLocale);
  for (const m of memberships) {
    const reader = person(m.person);
    if (m.role === "admin") {
      reader.admin = true;
      reader.supervises = "all";
    } else if (m.unitId !== null) {
      reader.works.add(m.unitId);
      if (m.role === "unit_head" && reader.supervises !== "all") reader.supervises.add(m.unitId);
    }
  }
  for (const unit of headed) {
    if (!unit.head) continue;
    const reader = person(unit.head);
    reader.works.add(unit.id);
    if (reader.supervises !== "all") reader.supervises.add(unit.id);
  }
  for (const sub of groups) {
    const reader = readerOf(readers, String(sub.chat.telegramChatId), defaultLocale);
    // A group following chosen units sees those; one following the whole county every unit.
    reader.supervises = sub.units.length > 0 ? new Set(sub.units.map((u) => u.unitId)) : "all";
  }
  return [...readers.values()];
}

function viewFor(reader: Reader, region: Region, data: CountyDigestData): DigestView {
  const watched = (unitId: number): boolean => reader.supervises === "all" || reader.supervises.has(unitId);
  return {
    region: region.name,
    today: data.today,
    mine: reader.works.size === 0 ? null : mergeDueLists([...reader.works].map((id) => data.due.get(id) ?? emptyDueLists())),
    units: data.units.filter((u) => watched(u.unitId)),
    checkIns: data.checkIns.filter((c) => watched(c.unitId)),
    lost: reader.admin ? data.lost : [],
  };
}

/** Queues the digests due at `now`; resolves to the number of rows queued. */
export function sendDailyDigests(deps: DigestDeps, now: Date): Promise<number> {
  return queueForEachCounty(deps.store.db, "daily digest", (region) => queueDigests(deps, region, now));
}

async function queueDigests(deps: DigestDeps, region: Region, now: Date): Promise<number> {
  const { db } = deps.store;
  const settings = countySettings(region);
  const zone = settings.timeZone;
  if (localMinutesOf(now, zone) < (parseWallTime(settings.digestTime) ?? 0)) return 0;
  const today = localDateOf(now, zone);
  const expiresAt = endOfLocalDay(today, zone);
  // A county whose quiet hours cover the rest of the day gets no digest rather than a late one.
  const dueAt = afterQuietHours(now, zone, settings.quiet);
  if (dueAt > expiresAt) return 0;
  // Checked first: after the county's digest is queued, later ticks of the day read nothing else.
  const prefix = `digest:${region.id}:${today}:`;
  const queuedToday = await db.outboxMessage.findFirst({ where: { kind: DIGEST_KIND, subjectType: "region", subjectId: region.id, dedupeKey: { startsWith: prefix } }, select: { id: true } });
  if (queuedToday) return 0;
  const calendar = await loadWorkingCalendar(db, settings.respectWorkingDays);
  if (!calendar.isWorkingDay(today)) return 0;
  const readers = await readersOf(db, region.id, deps.defaultLocale);
  if (readers.length === 0) return 0;
  const data = await countyDigestData(db, region.id, settings, now);
  const rows: NewOutboxRow[] = readers.flatMap((reader) => {
    const text = digestText(bind(deps.translate, reader.locale), viewFor(reader, region, data));
    if (text === null) return [];
    return [{
      address: reader.address,
      kind: DIGEST_KIND,
      payload: { text, html: true, locale: reader.locale },
      dueAt,
      expiresAt,
      dedupeKey: `${prefix}${reader.address}`,
      subjectType: "region",
      subjectId: region.id,
    }];
  });
  return enqueue(deps.store, rows, now);
}
