// The outline of a report: which text holds directives, as items (with their
// enumeration marker) nested to any depth, grouped by speaker.
//
// Groups: a paragraph that opens with a speaker (a known person, 会议, 他/她) starts a
// group; other paragraphs continue the current one. Header lines before the lead
// paragraph (导语) give nothing; the lead gives enumerated lists only, since its
// unnumbered exhortations summarise what the speakers say further down.
//
// Items: enumerations (一是, 一要, 第一, (一), 1., 一、, 首先/其次, 一方面/另一方面) at
// clause starts, accepted when the next ordinal of the same family follows. A list
// whose items mostly do not ask anything (no 要/必须/…) and whose introduction does not
// announce duties is narrative and dropped.
// A group without lists yields unnumbered items — each sentence that asks something,
// with the sentences after it that do not — when the report has no enumerated lists
// at all, or when the group holds a parallel run (two or more sentences opening with 要).
import { isConcrete } from "./concrete.js";
import { headingParagraphs, isHeadingLine } from "./headings.js";
import { hasModal, opensWithYao, SPEAKER_INTRO } from "./modal.js";
import { sentences, type Span } from "./segments.js";

export interface OutlineNode {
  /** Where the enumeration marker is written, if the item has one. */
  marker: Span | null;
  /** The item's text (after its marker) up to the next item. */
  span: Span;
  /** Where the speaker's name (or 会议) is written. */
  speaker: Span | null;
  children: OutlineNode[];
}

interface Marker {
  family: string;
  ordinal: number;
  last: boolean;
  rank: number;
  start: number;
  end: number;
  para: number;
}

interface Group {
  /** Where the speaker's name (or 会议) is written. */
  speaker: Span | null;
  paras: number[];
  /** The lead paragraph (导语), if the group holds it and paragraphs follow it. */
  lead: number | null;
  /** Whether a paragraph of the group opens with a section marker (一、). */
  sectioned: boolean;
}

const CN = "[一二三四五六七八九十]{1,3}";
// Real reports nest three or four levels; the cap keeps recursion bounded on any input.
const MAX_DEPTH = 8;
const SEQ: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 第三: 3, 最后: 99 };
// Rank in the usual hierarchy of official documents (一、 > (一) > 1. > (1)); inline styles last.
const PATTERNS: Array<{ re: RegExp; family: (m: RegExpExecArray) => string; ordinal: (m: RegExpExecArray) => number; rank: number }> = [
  { re: new RegExp(`(${CN})、`, "y"), family: () => "cn-dun", ordinal: (m) => cnOrdinal(m[1]), rank: 0 },
  { re: new RegExp(`\\((${CN})\\)`, "y"), family: () => "paren-cn", ordinal: (m) => cnOrdinal(m[1]), rank: 1 },
  { re: new RegExp(`第(${CN})(?=[,、:是要条])`, "y"), family: () => "di", ordinal: (m) => cnOrdinal(m[1]), rank: 1 },
  { re: /(\d{1,2})[.、](?!\d)/y, family: () => "num", ordinal: (m) => Number(m[1]), rank: 2 },
  { re: /\((\d{1,2})\)/y, family: () => "paren-num", ordinal: (m) => Number(m[1]), rank: 3 },
  { re: new RegExp(`(${CN})(是|要|则|抓)(?!否)`, "y"), family: (m) => `cn-${m[2]}`, ordinal: (m) => cnOrdinal(m[1]), rank: 4 },
  { re: /(首先|其次|再次|最后)/y, family: () => "seq", ordinal: (m) => SEQ[m[1] ?? ""] ?? 0, rank: 4 },
  { re: /(另一方面|一方面)/y, family: () => "side", ordinal: (m) => (m[1] === "一方面" ? 1 : 2), rank: 4 },
];

function cnOrdinal(s: string | undefined): number {
  const d = "一二三四五六七八九";
  if (!s) return 0;
  if (s.length === 1) return s === "十" ? 10 : d.indexOf(s) + 1;
  if (s.startsWith("十")) return 10 + d.indexOf(s[1] ?? "") + 1;
  return (d.indexOf(s[0] ?? "") + 1) * 10 + (s[2] ? d.indexOf(s[2]) + 1 : 0);
}

const MEETING_OPENER = /^(会议|会上)/;
const PRONOUN_OPENER = /^(他|她)(?:在[^,。]{0,20})?(指出|强调|要求|提出|表示|说)/;

export function outline(ana: string, paras: Span[], lead: number, people: string[]): OutlineNode[] {
  const markersByPara = paras.map((_, p) => (p >= lead ? findMarkers(ana, paras, p) : []));
  const groups = groupParagraphs(ana, paras, lead, people, markersByPara);
  for (const g of groups) addHeadingMarkers(ana, paras, g, markersByPara);
  const markersOf = groups.map((g) => g.paras.flatMap((p) => markersByPara[p] ?? []));
  const listsOf = groups.map((g, i) => {
    const continued = (p: number) => continuedEnd(ana, paras, g, markersByPara, p);
    return buildLists(ana, paras, markersOf[i] ?? [], g.speaker, continued).filter((list) => isDirectiveList(ana, list));
  });
  const hasLists = listsOf.some((lists) => lists.length > 0);
  return groups.flatMap((group, i) => {
    const lists = listsOf[i] ?? [];
    if (lists.length > 0) return lists.flat();
    return unnumberedItems(ana, paras, group, hasLists);
  });
}

function groupParagraphs(ana: string, paras: Span[], lead: number, people: string[], markersByPara: Marker[][]): Group[] {
  const groups: Group[] = [];
  for (let p = Math.min(lead, paras.length - 1); p < paras.length; p++) {
    const span = paras[p];
    if (!span) continue;
    const head = ana.slice(span.start, Math.min(span.end, span.start + 40));
    const startsWithMarker = (markersByPara[p] ?? []).some((m) => m.start === span.start);
    const previous = groups[groups.length - 1];
    // 他强调 continues the previous speaker in a new statement.
    const speaker = startsWithMarker ? null : PRONOUN_OPENER.test(head) ? previous?.speaker ?? null : speakerOf(head, span.start, people);
    // In minutes sectioned by 一、二、, 会议听取/会议明确 go on with the section, not a new speaker.
    const inSection = MEETING_OPENER.test(head) && previous?.sectioned === true;
    const opens = !startsWithMarker && !inSection && (speaker !== null || PRONOUN_OPENER.test(head));
    const section = (markersByPara[p] ?? []).some((m) => m.rank === 0 && m.start === span.start);
    if (opens || !previous) groups.push({ speaker, paras: [p], lead: p === lead && p < paras.length - 1 ? p : null, sectioned: section });
    else {
      previous.paras.push(p);
      previous.sectioned ||= section;
    }
  }
  return groups;
}

/** The known person named last before the speaking verb, or 会议/会上 opening the paragraph. */
function speakerOf(head: string, offset: number, people: string[]): Span | null {
  const verb = head.search(/指出|强调|要求|提出|讲话|部署|表示|说/);
  let best: Span | null = null;
  for (const name of people) {
    const at = head.indexOf(name);
    if (at >= 0 && (verb < 0 || at < verb) && (!best || offset + at > best.start)) best = { start: offset + at, end: offset + at + name.length };
  }
  if (best) return best;
  return MEETING_OPENER.test(head) ? { start: offset, end: offset + 2 } : null;
}

const opensWithMarker = (paras: Span[], markersByPara: Marker[][], p: number): boolean =>
  (markersByPara[p] ?? []).some((m) => m.start === paras[p]?.start);

/** Bare heading lines become zero-width markers of their own family, numbered in order. */
function addHeadingMarkers(ana: string, paras: Span[], group: Group, markersByPara: Marker[][]): void {
  const headings = headingParagraphs(ana, paras, group.paras, (p) => opensWithMarker(paras, markersByPara, p));
  headings.forEach((p, k) => {
    const start = paras[p]?.start ?? 0;
    // Ranked with (一): numbered items under a heading nest in it, and headings nest under 一、.
    markersByPara[p] = [{ family: "heading", ordinal: k + 1, last: false, rank: 1, start, end: start, para: p }, ...(markersByPara[p] ?? [])];
  });
}

/**
 * Where the last item of a list ends: its paragraph, and the paragraphs after it in the
 * same group that carry no marker and still ask for something (a new paragraph often
 * goes on with the same item). When the item's line is only a title (一、关于校舍安全改造,
 * a bare heading), the paragraph after it is its body whatever it says.
 */
function continuedEnd(ana: string, paras: Span[], group: Group, markersByPara: Marker[][], p: number): number {
  const own = paras[p];
  const opener = (markersByPara[p] ?? []).find((m) => m.start === own?.start);
  const heading = own !== undefined && opener !== undefined && isHeadingLine(ana.slice(opener.end, own.end).trim());
  let end = own?.end ?? ana.length;
  const at = group.paras.indexOf(p);
  for (let k = at + 1; at >= 0 && k < group.paras.length; k++) {
    const q = group.paras[k] ?? -1;
    const span = paras[q];
    if (!span || opensWithMarker(paras, markersByPara, q)) break;
    if (!hasModal(ana.slice(span.start, span.end)) && !(heading && k === at + 1)) break;
    end = span.end;
  }
  return end;
}

function findMarkers(ana: string, paras: Span[], p: number): Marker[] {
  const span = paras[p];
  if (!span) return [];
  const found: Marker[] = [];
  for (let i = span.start; i < span.end; i++) {
    if (!isClauseStart(ana, span.start, i)) continue;
    for (const pattern of PATTERNS) {
      pattern.re.lastIndex = i;
      const m = pattern.re.exec(ana);
      if (!m || m.index !== i || i + m[0].length > span.end) continue;
      const ordinal = pattern.ordinal(m);
      if (ordinal <= 0) continue;
      // The comma or colon written after 第一, 首先 stays with the marker, so marker + text reads as the source.
      const end = i + m[0].length + (/[,:]/.test(ana[i + m[0].length] ?? "") && i + m[0].length < span.end ? 1 : 0);
      found.push({ family: pattern.family(m), ordinal, last: ordinal === 99, rank: pattern.rank, start: i, end, para: p });
      break;
    }
  }
  return found;
}

function isClauseStart(text: string, paraStart: number, i: number): boolean {
  if (i === paraStart) return true;
  const prev = text[i - 1] ?? "";
  if (/[。;:!?,]/.test(prev)) return true;
  return /[”"]/.test(prev) && /[。!?]/.test(text[i - 2] ?? "");
}

interface Frame {
  family: string;
  rank: number;
  ordinal: number;
  container: OutlineNode[];
  current: OutlineNode;
  currentPara: number;
}

function buildLists(ana: string, paras: Span[], markers: Marker[], speaker: Span | null, continued: (p: number) => number): OutlineNode[][] {
  const roots: OutlineNode[][] = [];
  let stack: Frame[] = [];
  const node = (m: Marker): OutlineNode => ({
    marker: { start: m.start, end: m.end },
    span: { start: m.end, end: m.end },
    speaker,
    children: [],
  });
  const nextOfFamily = nextSameFamily(markers);
  markers.forEach((m, i) => {
    const idx = findLastIndex(stack, (f) => f.family === m.family && (m.ordinal === f.ordinal + 1 || (m.last && f.ordinal >= 2)));
    const frame = stack[idx];
    if (frame) {
      stack = stack.slice(0, idx + 1);
      const n = node(m);
      frame.container.push(n);
      Object.assign(frame, { current: n, ordinal: m.ordinal, currentPara: m.para });
      return;
    }
    const next = markers[nextOfFamily[i] ?? -1];
    // An ordinal-1 marker opens a list only when its ordinal-2 sibling is the next of its family.
    if (m.ordinal !== 1 || !next || !(next.ordinal === 2 || (next.last && m.family === "seq"))) return;
    // A second 一是 list closes the first one: it is a sibling list, not a sub-list of 二是.
    const same = findLastIndex(stack, (f) => f.family === m.family);
    if (same >= 0) stack = stack.slice(0, same);
    if (stack.length >= MAX_DEPTH) stack = [];
    const top = stack[stack.length - 1];
    const n = node(m);
    if (top && (m.para === top.currentPara || m.rank > top.rank)) {
      top.current.children.push(n);
      stack.push({ family: m.family, rank: m.rank, ordinal: 1, container: top.current.children, current: n, currentPara: m.para });
    } else {
      const list = [n];
      roots.push(list);
      stack = [{ family: m.family, rank: m.rank, ordinal: 1, container: list, current: n, currentPara: m.para }];
    }
  });
  roots.forEach((list, k) => {
    const last = lastMarkerStart(list);
    const lastPara = paraIndexAt(paras, last);
    const nextList = roots[k + 1]?.[0]?.marker?.start ?? Infinity;
    setEnds(ana, list, Math.min(lastPara >= 0 ? continued(lastPara) : ana.length, nextList));
  });
  return roots.map(withText).filter((list) => list.length > 0);
}

/** A marker with nothing after it (a cut-off 其次) is no item. */
function withText(list: OutlineNode[]): OutlineNode[] {
  return list.filter((n) => {
    n.children = withText(n.children);
    return n.span.end > n.span.start || n.children.length > 0;
  });
}

/** The index of the paragraph holding a position (binary search: reports can hold many thousands). */
function paraIndexAt(paras: Span[], pos: number): number {
  let lo = 0;
  let hi = paras.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paras[mid];
    if (!p) break;
    if (pos < p.start) hi = mid - 1;
    else if (pos > p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A list runs to the end of the paragraph holding its last marker, however deep. */
function lastMarkerStart(list: OutlineNode[]): number {
  const last = list[list.length - 1];
  if (!last) return 0;
  return last.children.length > 0 ? lastMarkerStart(last.children) : last.span.start;
}

/** For each marker, the index of the next marker of the same family (-1 if none). */
function nextSameFamily(markers: Marker[]): number[] {
  const next = new Array<number>(markers.length).fill(-1);
  const seen = new Map<string, number>();
  for (let i = markers.length - 1; i >= 0; i--) {
    const family = markers[i]?.family ?? "";
    next[i] = seen.get(family) ?? -1;
    seen.set(family, i);
  }
  return next;
}

function findLastIndex<T>(list: T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i] as T)) return i;
  return -1;
}

function setEnds(ana: string, list: OutlineNode[], end: number): void {
  list.forEach((n, i) => {
    const next = list[i + 1];
    let stop = next?.marker ? next.marker.start : end;
    while (stop > n.span.start && /\s/.test(ana[stop - 1] ?? "")) stop--;
    let start = n.span.start;
    while (start < stop && /[,:、\s]/.test(ana[start] ?? "")) start++;
    n.span = { start, end: stop };
    setEnds(ana, n.children, stop);
  });
}

const ANNOUNCES_DUTIES = /要求|部署|强调|提出|安排|必须|抓好|做好|做到|着力|重点|如下/;

/**
 * A list asks for work when most of its items hold a modal, or when the clause that
 * introduces it announces duties (会议要求:, 提出要求:, 作出了部署。); a list introduced
 * otherwise (取得显著成效:, 突出“两个结合”。) with items that ask nothing is narrative.
 */
function isDirectiveList(ana: string, list: OutlineNode[]): boolean {
  const asking = list.filter((n) => hasModal(ana.slice(n.marker?.start ?? n.span.start, n.span.end))).length;
  if (asking * 2 >= list.length) return true;
  const start = list[0]?.marker?.start ?? 0;
  const before = ana.slice(Math.max(0, start - 30), start).replace(/[\s,;:。]+$/, "");
  const clause = before.slice(Math.max(before.lastIndexOf("。"), before.search(/[^,;:]*$/)));
  return ANNOUNCES_DUTIES.test(clause) && !/了|已|取得|成效/.test(clause);
}

function unnumberedItems(ana: string, paras: Span[], group: Group, reportHasLists: boolean): OutlineNode[] {
  // The lead summarises the meeting; its exhortations are repeated, in detail, further down.
  const perPara = group.paras.filter((p) => p !== group.lead).map((p) => {
    const span = paras[p];
    return span ? sentences(ana, span.start, span.end) : [];
  });
  const all = perPara.flat();
  // In a report that enumerates, a lone exhortation is commentary unless it assigns concrete work.
  const lone = reportHasLists && all.filter((s) => opensWithYao(ana.slice(s.start, s.end))).length < 2;
  const items: OutlineNode[] = [];
  for (const list of perPara) {
    let current: OutlineNode | null = null;
    for (const s of list) {
      const text = ana.slice(s.start, s.end);
      if (hasModal(text) && lone && !isConcrete(ana, s)) {
        current = null;
      } else if (hasModal(text)) {
        const intro = text.match(SPEAKER_INTRO);
        const start = s.start + (intro && !hasModal(intro[0]) && !/按照|根据|遵照|对照/.test(intro[0]) ? intro[0].length : 0);
        current = { marker: null, span: { start, end: s.end }, speaker: group.speaker, children: [] };
        items.push(current);
      } else if (current) {
        current.span = { start: current.span.start, end: s.end };
      }
    }
  }
  return items;
}
