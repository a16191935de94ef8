// Responsible units: the actors of a sentence. An actor is a noun phrase at the start
// of a clause, made of unit-like names (ending in 局, 委, 办, 部门, 工作队, 书记 …)
// joined by 、/和/及/与, and followed by what it must do (要, 必须, 负责, 切实, 每季度 …).
// `由X牵头, Y配合` gives lead and supporting units. Reporters and attendees are never
// actors because 通报/汇报/参加 are not duties.
import { YAO } from "./modal.js";
import { clauses, type Span } from "./segments.js";
import type { PlanWarning, UnitDirectoryEntry } from "./types.js";

export interface Actors {
  lead: string[];
  supporting: string[];
}

const CUE = new RegExp(`${YAO}|必须|务必|应当|应该|须|负责(?!同志|人)|牵头|配合|协助|切实|主动|认真|积极|严格|每(?:季度|年|月|周|半年)|不得|严禁|抓紧|进一步`);
const CUES = new RegExp(CUE.source, "g");
const SUPPORT_CUE = /^(配合|协助)/;
// 由X牵头, also after the decision that sets it (会议同意由X牵头, 决定由X负责).
const LED = /^(?:[^,;。由]{0,10}?(?:同意|决定|明确|议定))?由([^,;。]{2,40}?)(牵头|负责)/;
const UNIT_SUFFIX =
  /(局|委|办|部|组|队|镇|乡|街道|中心|站|所|院|员|专干|责任人|带头人|负责人|书记|部门|单位|领导|干部|政府|党委|党组|组长|厅|处|科|室|理事会|委员会|社|银行|公司|村|县|市|州|区|省|机构|机关|班子|企业|学校|各地|工作者|主任|校长|县长|乡长|镇长|局长|站长|所长|村长)$/;
const NOT_SUBJECT_START = /^(对|在|把|将|通过|按照|围绕|以|为|从|向|让|使|被|是|有|当前|目前|同时|特别|其中|并|还|也|但|而|如|若|因|据|经|凡|就)/;
const NOT_UNIT = /^(全|我们|大家|他们|你们|各方|社会$|工作$|动员$|人员$)|[“”"]/;
const CONNECTOR = /、|以及|和|及|与|或|同/;
const INNER_VERB = /联系|指导|督促|带领|组织|协调|会同|帮扶(?=[^单干责])/;
const TRAILING = /(等相关部门|等有关部门|等部门|等单位|等)$/;
const LEADING_FILLER = /^(同时|另外|此外|特别是|其中|并且|并|还)/;
const TRAILING_ADVERB = /(也|都|还|更|要|一定|必须|务必|进一步|均|亦)$/;
// "X要会同Y, …": Y shares the duty as a supporting unit.
const PARTNER = /^(?:会同|协同)([^,;。]{2,30})/;

const stripParen = (name: string) => name.replace(/\([^()]{1,6}\)$/, "");

function unitLike(name: string): boolean {
  // 全县各级各部门 names units; 全县上下 does not.
  const bare = stripParen(name).replace(/^全[县州市省区]/, "").replace(/^各/, "");
  const suffixed = UNIT_SUFFIX.test(bare) || UNIT_SUFFIX.test(stripParen(name));
  return name.length >= 2 && name.length <= 20 && suffixed && !NOT_UNIT.test(bare) && !NOT_SUBJECT_START.test(name);
}

/** Offsets (relative to the subject) of the unit names in a subject noun phrase. */
function unitsInSubject(subject: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const parts: Array<[number, number]> = [];
  let from = 0;
  for (const m of subject.matchAll(new RegExp(CONNECTOR.source, "g"))) {
    // 各县(市、区) is one name: a 、 inside parentheses joins nothing.
    const before = subject.slice(0, m.index);
    if (before.lastIndexOf("(") > before.lastIndexOf(")")) continue;
    parts.push([from, m.index]);
    from = m.index + m[0].length;
  }
  parts.push([from, subject.length]);
  // Rejoin pieces of one name cut at 和/与 (人力资源和社会保障局): a first half that is no unit.
  const merged: Array<[number, number]> = [];
  for (const [a, b] of parts) {
    const prev = merged[merged.length - 1];
    if (prev && !unitLike(subject.slice(prev[0], prev[1])) && /^[和与]$/.test(subject.slice(prev[1], a)) && !subject.slice(prev[0], prev[1]).includes("的")) prev[1] = b;
    else merged.push([a, b]);
  }
  for (const [a0, b0] of merged) {
    let a = a0;
    let b = b0;
    const piece = subject.slice(a, b);
    const trailing = piece.match(TRAILING);
    if (trailing) b -= trailing[0].length;
    const de = subject.lastIndexOf("的", b - 1);
    if (de >= a) a = de + 1;
    const inner = subject.slice(a, b).match(INNER_VERB);
    const split: Array<[number, number]> = inner?.index !== undefined ? [[a, a + inner.index], [a + inner.index + inner[0].length, b]] : [];
    // 市领导联系社区 names two units; 督导组组长 is one name that contains a verb.
    const pieces = split.length > 0 && split.every(([x, y]) => unitLike(subject.slice(x, y))) ? split : [[a, b] as [number, number]];
    for (const [x, y] of pieces) if (unitLike(subject.slice(x, y))) found.push([x, y]);
  }
  return found;
}

/**
 * Offsets of the units in the phrase after 会同: the whole phrase when it is a list of
 * units (省工业和信息化厅), else its shortest unit-like start, grown by a character or
 * two while it stays a unit (县纪委 → 县纪委监委) — the duty follows.
 */
function partnerUnits(phrase: string): Array<[number, number]> {
  const whole = unitsInSubject(phrase);
  if (whole.length > 0 && whole[whole.length - 1]?.[1] === phrase.length) return whole;
  let end = 0;
  for (let n = 2; n <= Math.min(phrase.length, 20) && end === 0; n++) if (unitLike(phrase.slice(0, n))) end = n;
  for (let grown = true; end > 0 && grown; ) {
    const next = [end + 1, end + 2].find((n) => n <= phrase.length && unitLike(phrase.slice(0, n)));
    grown = next !== undefined;
    end = next ?? end;
  }
  return end > 0 ? [[0, end]] : [];
}

/** Actors named in a sentence; names are sliced from src so they keep the source's script. */
export function sentenceActors(ana: string, src: string, sentence: Span): Actors {
  const actors: Actors = { lead: [], supporting: [] };
  const push = (list: string[], name: string) => {
    if (!actors.lead.includes(name) && !actors.supporting.includes(name)) list.push(name);
  };
  const parts = clauses(ana, sentence);
  parts.forEach((clause, i) => {
    let start = clause.start;
    let text = ana.slice(start, clause.end);
    const filler = text.match(LEADING_FILLER);
    if (filler) {
      start += filler[0].length;
      text = text.slice(filler[0].length);
    }
    const led = text.match(LED);
    if (led?.[1]) {
      const at = start + led[0].length - led[1].length - (led[2]?.length ?? 0);
      for (const [a, b] of unitsInSubject(led[1])) push(actors.lead, src.slice(at + a, at + b));
      return;
    }
    const cues = [...text.matchAll(CUES)];
    // 牵头/负责 opening a clause qualify the subject (牵头重点项目的县直单位要…): the duty comes later.
    let cue: RegExpExecArray | RegExpMatchArray | null | undefined = cues[0];
    if (cue?.index !== undefined && cue.index < 2 && /^(牵头|负责|配合|协助)/.test(cue[0])) cue = cues.find((c) => c.index >= 2);
    const next = parts[i + 1];
    // "山区乡和各县(市),要…": a clause that is only the subject, its duty after the comma.
    if (!cue && next && ana.slice(next.start, next.end).search(CUE) === 0) cue = /[,;:]$/.exec(text);
    if (!cue || cue.index === undefined || cue.index < 2) return;
    let subject = text.slice(0, cue.index);
    const adverb = subject.match(TRAILING_ADVERB);
    if (adverb) subject = subject.slice(0, subject.length - adverb[0].length);
    if (subject.length > 40 || NOT_SUBJECT_START.test(subject)) return;
    const list = SUPPORT_CUE.test(text.slice(cue.index)) ? actors.supporting : actors.lead;
    for (const [a, b] of unitsInSubject(subject)) push(list, src.slice(start + a, start + b));
    const after = cue.index + cue[0].length;
    const partner = text.slice(after).match(PARTNER);
    const at = start + after + 2;
    for (const [a, b] of partnerUnits(partner?.[1] ?? "")) push(actors.supporting, src.slice(at + a, at + b));
  });
  return actors;
}

// Common short forms of county departments, used to match a report's mention to a directory entry.
const ALIASES: Array<[string, string]> = [
  ["扶贫办", "扶贫开发领导小组办公室"],
  ["发改委", "发展和改革委员会"],
  ["人社局", "人力资源和社会保障局"],
  ["卫计委", "卫生和计划生育委员会"],
  ["卫健委", "卫生健康委员会"],
  ["教体局", "教育和体育局"],
  ["住建局", "住房和城乡建设局"],
  ["农办", "农村工作办公室"],
  ["农业局", "农业农村局"],
  ["交通局", "交通运输局"],
  ["民政局", "民政局"],
];

const LEVEL_PREFIX = /^(各|县|州|市|省|区|乡|镇)+/;

export interface DirectoryMatch {
  units: string[];
  warnings: PlanWarning[];
}

/** Maps mentions to directory names (by name, alias or a known short form); unknown ones are kept and flagged. */
export function matchDirectory(mentions: string[], directory: UnitDirectoryEntry[], simplify: (s: string) => string): DirectoryMatch {
  const keys = directory.map((entry) => ({
    entry,
    names: [entry.name, ...entry.aliases].map((n) => simplify(n).replace(LEVEL_PREFIX, "")),
  }));
  const units: string[] = [];
  const warnings: PlanWarning[] = [];
  for (const mention of mentions) {
    const bare = simplify(mention).replace(LEVEL_PREFIX, "");
    const forms = new Set([bare, ...ALIASES.flatMap(([short, long]) => (bare.endsWith(short) ? [long] : bare.endsWith(long) ? [short] : []))]);
    const hit = keys.find((k) => k.names.some((n) => n !== "" && [...forms].some((f) => f === n || (f.length > 2 && n.endsWith(f)) || (n.length > 2 && f.endsWith(n)))));
    if (hit) {
      if (!units.includes(hit.entry.name)) units.push(hit.entry.name);
    } else {
      if (!units.includes(mention)) units.push(mention);
      warnings.push({ kind: "unknown-unit", text: `${mention}: not in the unit directory` });
    }
  }
  return { units, warnings };
}
