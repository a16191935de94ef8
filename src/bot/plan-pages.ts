// The plan preview of a draft meeting, cut into pages that each fit one Telegram message
// (B1: 4096 characters): meeting facts on top, then the directives in reading order,
// grouped by speaker, each with its units, deadline, recurrence and warnings.
import type { T } from "../messages/translate.js";
import { unitPlanOf } from "../services/meetings.js";
import { localDateOf } from "../time.js";
import { escapeHtml } from "./html.js";

/** Room left for the header and the page line under Telegram's 4096 characters. */
const PAGE_BUDGET = 3300;
const ITEM_TEXT_CHARS = 70;
const WARNING_CHARS = 80;
const UNITS_CHARS = 200;

export interface OutlineItem {
  id: number;
  meetingId: number;
  number: string;
  depth: number;
  text: string;
  marker: string | null;
  speaker: string | null;
  deadline: Date | null;
  vague: boolean;
  recurrence: unknown;
  requiresEvidence: boolean;
  warnings: unknown;
  unitPlan: unknown;
}

export interface MeetingFacts {
  title: string;
  timeZone: string;
  meetingDate: Date | null;
  metadata: unknown;
}

export function clip(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return [...flat].length > chars ? `${[...flat].slice(0, chars - 1).join("")}…` : flat;
}

export function warningsOf(value: unknown): Array<{ kind: string; text: string }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((w: unknown) => {
    const { kind, text } = (typeof w === "object" && w !== null ? w : {}) as Record<string, unknown>;
    return typeof kind === "string" ? [{ kind, text: typeof text === "string" ? text : "" }] : [];
  });
}

/**
 * The part of an ingest warning worth showing in any language: the ingester writes the
 * quoted phrase of the report (or a year) followed by an English explanation, and the
 * explanation is what the localised label already says.
 */
function warningDetail(text: string): string {
  const phrase = text.split(/: | → /)[0] ?? "";
  if (/\p{Script=Han}/u.test(phrase)) return phrase;
  return /\b(1\d{3}|2\d{3})\b/.exec(text)?.[1] ?? "";
}

/** One warning as a line: its localised label and, when there is one, the phrase it is about. */
export function warningLine(t: T, w: { kind: string; text: string }, chars: number): string {
  const detail = warningDetail(w.text);
  return `⚠ ${detail ? t("plan-warning", { kind: w.kind, text: escapeHtml(clip(detail, chars)) }) : t("warning-kind", { kind: w.kind })}`;
}

export function recurrenceLabel(t: T, value: unknown): string | null {
  const r = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof r.freq !== "string") return null;
  return typeof r.text === "string" && r.text !== "" ? r.text : t("review-freq", { freq: r.freq });
}

/** Units, deadline and recurrence of one directive on one line; unknown names are marked. */
export function factsLine(t: T, d: OutlineItem, timeZone: string): string {
  const plan = unitPlanOf(d);
  const names = (role: "lead" | "supporting") =>
    escapeHtml(clip(plan.filter((u) => u.role === role).map((u) => (u.unitId === null ? `❓${u.name}` : u.name)).join("、"), UNITS_CHARS) || "—");
  const due = d.deadline ? localDateOf(d.deadline, timeZone) : d.vague ? t("review-due-vague") : t("card-no-due");
  const rule = recurrenceLabel(t, d.recurrence);
  return [
    t("card-units", { lead: names("lead"), supporting: names("supporting") }),
    t("review-due", { due }),
    ...(rule ? [t("card-recurrence", { rule: escapeHtml(rule) })] : []),
    ...(d.requiresEvidence ? [t("card-needs-evidence")] : []),
  ].join(" · ");
}

function itemLines(t: T, d: OutlineItem, timeZone: string): string {
  const indent = "　".repeat(d.depth);
  const label = escapeHtml(d.marker ?? "");
  return [
    `${indent}<b>${d.number}</b> ${label}${escapeHtml(clip(d.text, ITEM_TEXT_CHARS))}`,
    `${indent}${factsLine(t, d, timeZone)}`,
    ...warningsOf(d.warnings).slice(0, 3).map((w) => `${indent}${warningLine(t, w, WARNING_CHARS)}`),
  ].join("\n");
}

/** Directive ids of each page; every page holds at least one item. */
export function paginate(t: T, items: readonly OutlineItem[], timeZone: string): OutlineItem[][] {
  const pages: OutlineItem[][] = [];
  let page: OutlineItem[] = [];
  let used = 0;
  for (const item of items) {
    const size = itemLines(t, item, timeZone).length + 40;
    if (page.length > 0 && used + size > PAGE_BUDGET) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += size;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

function meetingHeader(t: T, meeting: MeetingFacts, count: number): string[] {
  const meta = (typeof meeting.metadata === "object" && meeting.metadata !== null ? meeting.metadata : {}) as Record<string, unknown>;
  const facts = (typeof meta.meeting === "object" && meta.meeting !== null ? meta.meeting : {}) as Record<string, unknown>;
  const convener = typeof facts.convener === "string" ? facts.convener : "—";
  const date = meeting.meetingDate ? localDateOf(meeting.meetingDate, meeting.timeZone) : "—";
  return [
    t("plan-title", { title: escapeHtml(clip(meeting.title, 120)) }),
    t("plan-facts", { date, convener: escapeHtml(convener), count }),
    ...warningsOf(meta.warnings).map((w) => warningLine(t, w, WARNING_CHARS)),
  ];
}

/** One page of the preview as HTML text. */
export function renderPlanPage(t: T, meeting: MeetingFacts, pages: readonly OutlineItem[][], page: number, total: number): string {
  const lines = [...meetingHeader(t, meeting, total), t("plan-page", { page: page + 1, pages: pages.length })];
  let speaker: string | null | undefined;
  for (const item of pages[page] ?? []) {
    if (item.speaker !== speaker || speaker === undefined) {
      speaker = item.speaker;
      lines.push("", `【${escapeHtml(speaker ?? "—")}】`);
    }
    lines.push(itemLines(t, item, meeting.timeZone));
  }
  return lines.join("\n");
}
