// What follows /report or /export: an optional scope (the county, by name for admins of
// several; a unit by name; a meeting by number or title words), an optional period at the
// end, and for /export an optional format. Pure parsing; the feature looks the names up.
import { parsePeriodSpec, type PeriodSpec } from "./period.js";

export type ScopeRequest =
  | { kind: "auto" }
  | { kind: "county"; name: string }
  | { kind: "unit"; name: string }
  | { kind: "meeting"; ref: string };

export interface ReportArgs {
  scope: ScopeRequest;
  /** Null when none was given: /report then covers this month, /export everything. */
  period: PeriodSpec | null;
  format: "xlsx" | "csv";
}

export type ParsedArgs = { ok: true; args: ReportArgs } | { ok: false; reason: "bad-period" | "bad-scope" };

const COUNTY = /^(?:county|县|全县|縣|全縣)$/i;
const UNIT = /^(?:unit|单位|單位)$/i;
const MEETING = /^(?:meeting|会议|會議)$/i;
const FORMAT = /^(?:csv|xlsx|excel)$/i;
const DATE = /\d{4}-\d{2}-\d{2}/;

/** The period is the tail: one or two words, or a date range however it is joined. */
function splitPeriod(words: string[]): { rest: string[]; period: PeriodSpec | null; tried: boolean } {
  for (const take of [3, 2, 1]) {
    if (words.length < take) continue;
    const spec = parsePeriodSpec(words.slice(-take).join(" "));
    if (spec) return { rest: words.slice(0, -take), period: spec, tried: true };
  }
  return { rest: words, period: null, tried: DATE.test(words.at(-1) ?? "") };
}

export function parseReportArgs(text: string): ParsedArgs {
  const all = text.trim().split(/\s+/).filter((w) => w.length > 0);
  const format = all.some((w) => /^csv$/i.test(w)) ? "csv" : "xlsx";
  const words = all.filter((w) => !FORMAT.test(w));
  const { rest, period, tried } = splitPeriod(words);
  if (period === null && tried) return { ok: false, reason: "bad-period" };
  const [first, ...others] = rest;
  const tail = others.join(" ");
  let scope: ScopeRequest;
  if (first === undefined) scope = { kind: "auto" };
  else if (COUNTY.test(first)) scope = { kind: "county", name: tail };
  else if (UNIT.test(first)) scope = { kind: "unit", name: tail };
  else if (MEETING.test(first)) scope = { kind: "meeting", ref: tail };
  else scope = { kind: "unit", name: rest.join(" ") };
  if ((scope.kind === "unit" && scope.name === "") || (scope.kind === "meeting" && scope.ref === "")) {
    return { ok: false, reason: "bad-scope" };
  }
  return { ok: true, args: { scope, period, format } };
}

/** The name or reference as typed, for "not found" answers. */
export function requestedName(scope: ScopeRequest): string {
  switch (scope.kind) {
    case "auto":
      return "";
    case "county":
    case "unit":
      return scope.name;
    case "meeting":
      return scope.ref;
  }
}
