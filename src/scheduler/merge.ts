// L2: several due rows for one person in the same run become one message listing them,
// instead of one message each (which would also queue behind Telegram's 1/s per chat).
// Their own buttons cannot all fit under it; it offers what the rows name for that case.
import type { OutgoingMessage } from "./channel.js";
import type { ButtonSpec, OutboxRow } from "./outbox.js";

export interface Delivery {
  address: string;
  rows: OutboxRow[];
  message: OutgoingMessage;
}

/** The header of a merged message, e.g. "你有 3 条督办提醒：", in the recipient's locale. */
export type MergedHeader = (locale: string | undefined, count: number) => string;

export const TELEGRAM_TEXT_LIMIT = 4096;
/** A merged message keeps a keyboard one can take in at a glance. */
const MERGED_BUTTON_ROWS = 8;

function single(row: OutboxRow): Delivery {
  const { text, html, buttons } = row.payload;
  return { address: row.address, rows: [row], message: { text, html: html ?? false, ...(buttons ? { buttons } : {}) } };
}

/** The button rows the merged rows offer (`mergedButtons`), each distinct row once. */
function mergedButtons(pack: readonly OutboxRow[]): ButtonSpec[][] {
  const rows = new Map<string, ButtonSpec[]>();
  for (const row of pack) for (const buttons of row.payload.mergedButtons ?? []) rows.set(JSON.stringify(buttons), buttons);
  return [...rows.values()].slice(0, MERGED_BUTTON_ROWS);
}

/** Packs mergeable rows of one address into as few messages as fit the text limit. */
function merged(rows: OutboxRow[], header: MergedHeader, limit: number): Delivery[] {
  const deliveries: Delivery[] = [];
  let pack: OutboxRow[] = [];
  const flush = (): void => {
    if (pack.length === 1 && pack[0]) deliveries.push(single(pack[0]));
    else if (pack.length > 1) {
      const text = [header(pack[0]?.payload.locale, pack.length), ...pack.map((r) => r.payload.line ?? "")].join("\n");
      const buttons = mergedButtons(pack);
      deliveries.push({ address: pack[0]?.address ?? "", rows: pack, message: { text, html: true, ...(buttons.length > 0 ? { buttons } : {}) } });
    }
    pack = [];
  };
  let length = 0;
  for (const row of rows) {
    const line = (row.payload.line ?? "").length + 1;
    // The header's length is not known before the count; 200 characters cover it.
    if (pack.length > 0 && length + line + 200 > limit) flush();
    if (pack.length === 0) length = 0;
    pack.push(row);
    length += line;
  }
  flush();
  return deliveries;
}

/**
 * Groups claimed rows into deliveries: rows with a `line` for the same address are
 * merged; the others go out one by one. Order of first appearance is kept.
 */
export function planDeliveries(rows: readonly OutboxRow[], header: MergedHeader, limit = TELEGRAM_TEXT_LIMIT): Delivery[] {
  const mergeable = new Map<string, OutboxRow[]>();
  const order: Array<OutboxRow | string> = [];
  for (const row of rows) {
    if (row.payload.line === undefined) {
      order.push(row);
      continue;
    }
    const list = mergeable.get(row.address);
    if (list) list.push(row);
    else {
      mergeable.set(row.address, [row]);
      order.push(row.address);
    }
  }
  return order.flatMap((item) => (typeof item === "string" ? merged(mergeable.get(item) ?? [], header, limit) : [single(item)]));
}
