// ingestReport: raw report text → the checked plan (the JSON contract). Pure and
// deterministic; never throws on a string (problems become warnings).
import { format, type Ymd } from "./calendar.js";
import { cleanReport, type CleanText } from "./clean.js";
import { findDeadline, findVague } from "./deadlines.js";
import { meetingFacts, type MeetingFacts } from "./meeting.js";
import { outline, type OutlineNode } from "./outline.js";
import { findRecurrences } from "./recurrence.js";
import { detectScript, simplifiedView } from "./script.js";
import { clauses, paragraphs, sentences, type Span } from "./segments.js";
import { findTargets, plausibility } from "./targets.js";
import type { Directive, IngestOptions, Plan, PlanWarning, Target } from "./types.js";
import { matchDirectory, sentenceActors, type Actors } from "./units.js";

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

interface Context {
  clean: CleanText;
  facts: MeetingFacts;
  options: IngestOptions;
}

export function ingestReport(text: string, options: IngestOptions = {}): Plan {
  const input = typeof text === "string" ? text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n") : "";
  const clean = cleanReport(input);
  const paras = paragraphs(clean.ana);
  const facts = meetingFacts(clean, paras, options);
  const nodes = outline(clean.ana, paras, facts.lead, facts.people.map(simplifiedView));
  const ctx: Context = { clean, facts, options };
  const directives = nodes.map((n) => {
    const d = toDirective(ctx, n, { lead: [], supporting: [] });
    setSpeaker(d, n.speaker ? sliceSrc(ctx, n.speaker) : null);
    return d;
  });
  const warnings: PlanWarning[] = [...facts.warnings];
  if (directives.length === 0) warnings.push({ kind: "no-directives", text: "no directives found: the report reads as a news story" });
  return {
    meeting: {
      title: facts.title,
      date: facts.date ? format(facts.date) : null,
      publishedAt: facts.publishedAt ? format(facts.publishedAt) : null,
      place: facts.place,
      level: facts.level,
      convener: facts.convener,
      people: facts.people,
      source: facts.source,
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
      script: detectScript(clean.src, clean.ana),
    },
    directives,
    targets: [],
    warnings,
  };
}

/** An outline item: its first sentence is its heading; later sentences and sub-items are its children. */
function toDirective(ctx: Context, node: OutlineNode, inherited: Actors): Directive {
  const { ana } = ctx.clean;
  const firstChild = node.children[0]?.marker?.start ?? node.span.end;
  const own = sentences(ana, node.span.start, firstChild);
  const [heading, ...rest] = own.length > 0 ? own : [node.span];
  const head = sentenceDirective(ctx, heading ?? node.span, inherited);
  // The marker as written: 最後 and （一） stay as the source has them. A bare heading has none.
  const marker = node.marker && node.marker.end > node.marker.start ? sliceSrc(ctx, node.marker) : null;
  const directive: Directive = { ...head, marker, text: sliceSrc(ctx, node.span), source: sourceSpan(ctx, node.span) };
  if (node.marker) directive.source.start = ctx.clean.origin[node.marker.start] ?? directive.source.start;
  let previous: Actors = actorsOf(head);
  const children: Directive[] = [...head.children];
  for (const s of rest) {
    const child = sentenceDirective(ctx, s, previous);
    previous = actorsOf(child);
    children.push(child);
  }
  for (const sub of node.children) children.push(toDirective(ctx, sub, actorsOf(head)));
  directive.children = children;
  return directive;
}

const actorsOf = (d: Directive): Actors => ({ lead: d.lead, supporting: d.supporting });

function setSpeaker(d: Directive, speaker: string | null): void {
  d.speaker = speaker;
  for (const child of d.children) setSpeaker(child, speaker);
}

/**
 * One sentence. It is split into parts, each its own duty, before the clause of each
 * recurrence after the first (quarterly calls, then a yearly leaflet) and after a
 * semicolon that hands work to other actors (…9月15日前完成整改；各乡镇要…).
 */
function sentenceDirective(ctx: Context, span: Span, inherited: Actors): Directive {
  const { ana, src } = ctx.clean;
  const pieces = clauses(ana, span);
  const recurrenceCuts = findRecurrences(ana.slice(span.start, span.end))
    .slice(1)
    .map((r) => pieces.find((c) => c.start <= span.start + r.start && span.start + r.start < c.end)?.start ?? span.start + r.start);
  const actorCuts = pieces
    .filter((c, i) => i > 0 && ana[c.start - 1] === ";")
    .filter((c) => {
      const next = ana.indexOf(";", c.start);
      const own = sentenceActors(ana, src, { start: c.start, end: next < 0 || next > span.end ? span.end : next });
      return own.lead.length + own.supporting.length > 0;
    })
    .map((c) => c.start);
  const cuts = [...new Set([...recurrenceCuts, ...actorCuts])].sort((a, b) => a - b);
  if (cuts.length === 0) return analyse(ctx, span, inherited);
  const parts: Span[] = [];
  let from = span.start;
  for (const cut of cuts) {
    if (cut > from) parts.push({ start: from, end: cut });
    from = cut;
  }
  parts.push({ start: from, end: span.end });
  const whole = analyse(ctx, span, inherited);
  let previous = inherited;
  whole.children = parts.map((p) => {
    const part = analyse(ctx, p, previous);
    previous = actorsOf(part);
    return part;
  });
  return whole;
}

function analyse(ctx: Context, span: Span, inherited: Actors): Directive {
  const { ana } = ctx.clean;
  const text = ana.slice(span.start, span.end);
  const warnings: PlanWarning[] = [];
  const own = sentenceActors(ana, ctx.clean.src, span);
  let actors = own.lead.length + own.supporting.length > 0 ? own : inherited;
  if (ctx.options.directory) {
    const lead = matchDirectory(actors.lead, ctx.options.directory, simplifiedView);
    const supporting = matchDirectory(actors.supporting, ctx.options.directory, simplifiedView);
    if (actors === own) warnings.push(...lead.warnings, ...supporting.warnings);
    actors = { lead: lead.units, supporting: supporting.units };
  }
  const units = [...new Set([...actors.lead, ...actors.supporting])];
  const meeting: Ymd | null = ctx.facts.date;
  const deadline = findDeadline(text, meeting);
  const vague = deadline ? null : findVague(text);
  const deadlineText = deadline ? sliceSrc(ctx, { start: span.start + deadline.start, end: span.start + deadline.end }) : null;
  if (deadline?.beforeMeeting) warnings.push({ kind: "deadline-before-meeting", text: `${deadlineText} → ${deadline.date}, before the meeting on ${meeting ? format(meeting) : "?"}` });
  if (vague) warnings.push({ kind: "vague-deadline", text: `${sliceSrc(ctx, { start: span.start + vague.start, end: span.start + vague.end })}: no date given; set one` });
  const recurrence = findRecurrences(text)[0];
  const targets: Target[] = findTargets(text).map((t) => {
    const target = { text: sliceSrc(ctx, { start: span.start + t.start, end: span.start + t.end }), value: t.value, unit: t.unit };
    const warning = plausibility(target, ctx.facts.level);
    if (warning) warnings.push(warning);
    return target;
  });
  return {
    marker: null,
    text: sliceSrc(ctx, span),
    speaker: null,
    units,
    lead: actors.lead,
    supporting: actors.supporting,
    deadline: deadline?.date ?? null,
    deadlineText,
    vague: vague !== null,
    recurrence: recurrence ? { freq: recurrence.freq, interval: recurrence.interval, ...(recurrence.count !== undefined ? { count: recurrence.count } : {}), text: recurrence.text } : null,
    targets,
    warnings,
    source: sourceSpan(ctx, span),
    children: [],
  };
}

const sliceSrc = (ctx: Context, span: Span): string => ctx.clean.src.slice(span.start, span.end).trim();

function sourceSpan(ctx: Context, span: Span): { start: number; end: number } {
  const { origin } = ctx.clean;
  const start = origin[span.start] ?? 0;
  const last = origin[Math.max(span.start, span.end - 1)] ?? start;
  return { start, end: last + 1 };
}
