// The plan object: the JSON contract of ../shared/eval/README.md plus typed extras
// (speaker, lead/supporting units, vague deadlines, source offsets).

export type WarningKind =
  | "implausible-number"
  | "deadline-before-meeting"
  | "vague-deadline"
  | "guessed-year"
  | "unknown-unit"
  | "no-directives"
  | "no-meeting-date";

export interface PlanWarning {
  kind: WarningKind;
  text: string;
}

export type RecurrenceFreq = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

export interface Recurrence {
  freq: RecurrenceFreq;
  interval: number;
  /** Minimum number of times per period (`不少于一次` → 1), when stated. */
  count?: number;
  text: string;
}

export interface Target {
  text: string;
  value: number;
  unit: string;
}

export interface SourceSpan {
  /** Offsets (UTF-16) into the original text passed to ingestReport. */
  start: number;
  end: number;
}

export interface Directive {
  marker: string | null;
  text: string;
  speaker: string | null;
  units: string[];
  lead: string[];
  supporting: string[];
  deadline: string | null;
  deadlineText: string | null;
  /** True when the text asks for speed (限期, 尽快) without a date: the admin must set one. */
  vague: boolean;
  recurrence: Recurrence | null;
  targets: Target[];
  warnings: PlanWarning[];
  source: SourceSpan;
  children: Directive[];
}

export type PlaceLevel = "county" | "prefecture" | "city" | "province" | null;

export interface Meeting {
  title: string;
  date: string | null;
  publishedAt: string | null;
  place: string | null;
  level: PlaceLevel;
  convener: string | null;
  people: string[];
  source: string | null;
  timeZone: string;
  script: "simplified" | "traditional";
}

export interface Plan {
  meeting: Meeting;
  directives: Directive[];
  targets: Target[];
  warnings: PlanWarning[];
}

export interface UnitDirectoryEntry {
  name: string;
  aliases: string[];
}

export interface IngestOptions {
  /** YYYY-MM-DD; the fallback for the year and for relative dates when the report gives none. */
  referenceDate?: string;
  county?: string;
  timeZone?: string;
  directory?: UnitDirectoryEntry[];
}
