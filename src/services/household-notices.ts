// Notices a county publishes to its households (text and an optional leaflet file). They go
// through the outbox like every other message; the outbox sends text, so the leaflet is
// a button that sends the file when the household presses it. Households without Telegram
// but with a mobile get the text by SMS through the county's gateway, when it has one.
import type { Clock } from "../clock.js";
import type { Translate } from "../messages/translate.js";
import { enqueue, type NewOutboxRow } from "../scheduler/outbox.js";
import type { Store } from "../scheduler/raw-sql.js";
import { escapeHtml } from "../bot/html.js";
import { leafletData } from "../bot/keyboards/household-data.js";
import { householdSmsRows } from "../channels/targets.js";
import { audit } from "./audit.js";

export const NOTICE_KIND = "household.notice";
export const MAX_NOTICE_LENGTH = 3500;

export interface NewNotice {
  regionId: number;
  text: string;
  file: { id: string; name: string } | null;
  actorId: number | null;
  translate: Translate;
  defaultLocale: string;
}

/** Stores the notice and queues it for every household that joined; resolves to the number queued. */
export async function publishNotice(store: Store, clock: Clock, notice: NewNotice): Promise<{ noticeId: number; queued: number }> {
  const { db } = store;
  const now = clock.now();
  const row = await db.householdNotice.create({
    data: { regionId: notice.regionId, text: notice.text.slice(0, MAX_NOTICE_LENGTH), fileId: notice.file?.id ?? null, fileName: notice.file?.name ?? null, createdById: notice.actorId, createdAt: now },
  });
  const region = await db.region.findUniqueOrThrow({ where: { id: notice.regionId } });
  const households = await db.household.findMany({ where: { regionId: notice.regionId, active: true, telegramUserId: { not: null } }, select: { id: true, telegramUserId: true } });
  const locale = notice.defaultLocale;
  const text = notice.translate(locale, "hh-notice", { region: escapeHtml(region.name), title: escapeHtml(row.text) });
  const rows: NewOutboxRow[] = households.map((h) => ({
    address: String(h.telegramUserId),
    kind: NOTICE_KIND,
    payload: {
      text,
      html: true,
      ...(row.fileId ? { buttons: [[{ text: notice.translate(locale, "hh-btn-leaflet", { name: escapeHtml(row.fileName ?? "") }), data: leafletData.pack({ notice: row.id }) }]] } : {}),
    },
    dueAt: now,
    dedupeKey: `hhn:${row.id}:${h.id}`,
    subjectType: "household",
    subjectId: h.id,
  }));
  // The leaflet button needs Telegram: an SMS carries the text alone.
  rows.push(...(await householdSmsRows(db, notice.regionId, { kind: NOTICE_KIND, payload: { text, html: true }, dueAt: now, dedupeKey: `hhn:${row.id}` })));
  const queued = await enqueue(store, rows, now);
  await audit(db, clock, { actorId: notice.actorId, regionId: notice.regionId, action: "household.notice", subject: `notice:${row.id}`, details: { households: queued, file: row.fileId !== null } });
  return { noticeId: row.id, queued };
}
