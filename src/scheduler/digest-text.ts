// The text of one reader's daily digest: their units' tasks by deadline, then (for
// supervisors) the units' numbers, the unanswered check-ins and who cannot be reached.
// Pure. Lists are capped so a digest is always one message; names and texts are escaped.
import { escapeHtml } from "../bot/html.js";
import type { T } from "../messages/translate.js";
import { clipText } from "../reports/report-text.js";
import type { LocalDate } from "../time.js";
import { DUE_BUCKETS, type DueItem, type DueLists, type LostRecipient, type UnansweredCheckIn, type UnitSupervision } from "./digest-data.js";

const LISTED_UNITS = 12;
const LISTED_CHECK_INS = 8;
const LISTED_LOST = 8;
const TITLE_CHARS = 30;
const UNIT_CHARS = 20;
const NAMES_LISTED = 3;

export interface DigestView {
  region: string;
  today: LocalDate;
  /** The reader's units' tasks; null for a reader who works in no unit (an admin, a group). */
  mine: DueLists | null;
  units: readonly UnitSupervision[];
  checkIns: readonly UnansweredCheckIn[];
  /** For county admins only. */
  lost: readonly LostRecipient[];
}

const title = (text: string): string => escapeHtml(clipText(text, TITLE_CHARS));
const unitName = (name: string): string => escapeHtml(clipText(name, UNIT_CHARS));
/** `MM-DD`: the digest's own date names the year. */
const shortDate = (date: LocalDate): string => date.slice(5);

function capped<V>(items: readonly V[], max: number, line: (item: V) => string, more: (count: number) => string): string[] {
  const lines = items.slice(0, max).map(line);
  return items.length > max ? [...lines, more(items.length - max)] : lines;
}

function itemLine(t: T, item: DueItem): string {
  const vars = { id: item.assignmentId, title: title(item.directive), due: shortDate(item.dueDate), days: item.daysLate };
  return t(item.daysLate > 0 ? "digest-item-late" : "digest-item", vars);
}

function mineLines(t: T, mine: DueLists | null): string[] {
  if (!mine || DUE_BUCKETS.every((b) => mine[b].count === 0)) return [];
  const lines = ["", t("digest-mine")];
  for (const bucket of DUE_BUCKETS) {
    const list = mine[bucket];
    if (list.count === 0) continue;
    lines.push(t(`digest-${bucket}`, { count: list.count }), ...list.items.map((item) => itemLine(t, item)));
    if (list.count > list.items.length) lines.push(t("digest-more-tasks", { count: list.count - list.items.length }));
  }
  return lines;
}

function numbers(t: T, u: Omit<UnitSupervision, "unitId" | "unitName">): string {
  const parts: Array<[string, number]> = [
    [t("report-col-overdue"), u.overdue],
    [t("digest-col-unsigned"), u.unsigned],
    [t("report-col-blocked"), u.blocked],
    [t("report-col-extensions"), u.extensions],
  ];
  return parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`).join(" · ");
}

function unitLines(t: T, units: readonly UnitSupervision[]): string[] {
  if (units.length === 0) return [];
  const total = units.reduce((acc, u) => ({
    overdue: acc.overdue + u.overdue, unsigned: acc.unsigned + u.unsigned, blocked: acc.blocked + u.blocked, extensions: acc.extensions + u.extensions,
  }), { overdue: 0, unsigned: 0, blocked: 0, extensions: 0 });
  return [
    "",
    t("digest-supervision"),
    ...(units.length > 1 ? [t("digest-total", { text: numbers(t, total) })] : []),
    ...capped(units, LISTED_UNITS, (u) => t("digest-unit", { unit: unitName(u.unitName), text: numbers(t, u) }), (count) => t("report-more-units", { count })),
  ];
}

function checkInLines(t: T, checkIns: readonly UnansweredCheckIn[]): string[] {
  if (checkIns.length === 0) return [];
  const names = (c: UnansweredCheckIn): string => {
    const shown = c.asked.slice(0, NAMES_LISTED).map(escapeHtml).join(t("digest-name-separator"));
    return c.asked.length > NAMES_LISTED ? t("digest-names-more", { names: shown, count: c.asked.length - NAMES_LISTED }) : shown || "—";
  };
  const line = (c: UnansweredCheckIn) => t("digest-check-in", { id: c.assignmentId, title: title(c.directive), unit: unitName(c.unitName), date: shortDate(c.askedOn), names: names(c) });
  return ["", t("digest-check-ins", { count: checkIns.length }), ...capped(checkIns, LISTED_CHECK_INS, line, (count) => t("bulletin-more-items", { count }))];
}

function lostLines(t: T, lost: readonly LostRecipient[]): string[] {
  if (lost.length === 0) return [];
  const line = (r: LostRecipient) => t(`digest-lost-${r.kind}`, { name: escapeHtml(r.name), count: r.skipped });
  return ["", t("digest-lost", { count: lost.length }), ...capped(lost, LISTED_LOST, line, (count) => t("bulletin-more-items", { count }))];
}

/** The digest's text, or null when there is nothing to tell this reader (no empty digests). */
export function digestText(t: T, view: DigestView): string | null {
  const body = [...mineLines(t, view.mine), ...unitLines(t, view.units), ...checkInLines(t, view.checkIns), ...lostLines(t, view.lost)];
  if (body.length === 0) return null;
  return [t("digest-title", { region: escapeHtml(view.region), date: view.today }), ...body].join("\n");
}
