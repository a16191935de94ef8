// Removes what web pages and script converters leave around a report (breadcrumbs,
// share widgets, source lines, editor credits, pinyin annotations, line-wrap spaces)
// and keeps, for every kept character, its offset in the original text.
import { simplifiedView } from "./script.js";

export interface HeaderFacts {
  /** Source name from a 来源 line or a "<paper> <date>" line. */
  source: string | null;
  /** Dates written in removed header lines (来源/日期/paper lines), as written. */
  dates: string[];
  originalTitle: string | null;
}

export interface CleanText {
  /** Cleaned text in the source's script; paragraphs separated by "\n". */
  src: string;
  /** The same text in simplified script with half-width punctuation, index-aligned with src. */
  ana: string;
  /** origin[i] is the offset in the original text of src[i]. */
  origin: Int32Array;
  header: HeaderFacts;
}

const BREADCRUMB = /^(您(所在|当前|现在)的?位置|当前位置|所在位置)|^[^。,;]{0,30}(>|»|>>)[^。,;]{0,40}$/;
const WIDGET = /^[•·\-*\s]*(上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|相关链接|分享到|分享[:：]|打印本页|关闭窗口|扫一扫|责任编辑|(编辑|审核|校对|责编|点击|阅读)[:：]|浏览次数|阅读次数|点击数|字号|字体)|^【(打印|关闭|字体|字号|收藏|纠错|返回|分享)/;
const SOURCE_FIELD = /(来源|作者|日期|发布时间|发布日期|时间)[:：]/;
const PAPER_LINE = /^([\u4e00-\u9fff]{2,12}?(日报|晚报|报|新闻网|网|电视台))\s+(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/;
const ORIGINAL_TITLE = /^原标题[:：]\s*/;
const PINYIN = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})\)/g;
const CREDIT = /\((责编|责任编辑|编辑|记者|通讯员|作者|摄影|摄|来源)[^()\n]{0,40}\)/g;
const TRAILING_NAMES = /\([\u4e00-\u9fff]{2,4}(?:[ 、,][\u4e00-\u9fff]{2,4})+\)\s*$/;
const DATE_IN_LINE = /\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/g;

// Bullets and emoji that open a line (👉, ✅, ▲, ●, 📌) and separator rules (━━━, 🔹🔹🔹) are layout.
const DECORATION = /^(?:\s|\p{Extended_Pictographic}|[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\ufe0f\u200d])+/u;
const RULE_LINE = /^[-—=*_~·•\s]+$/;
// WeChat articles break lines inside a sentence: a line ending in a comma goes on in the next.
const OPEN_CLAUSE = /[，,、]$/;

const isHan = (ch: string | undefined): boolean => ch !== undefined && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、]/.test(ch);

export function cleanReport(original: string): CleanText {
  const view = simplifiedView(original);
  const keep = new Uint8Array(original.length);
  const header: HeaderFacts = { source: null, dates: [], originalTitle: null };
  const kept: number[] = [];
  let lineStart = 0;
  while (lineStart <= original.length) {
    let lineEnd = original.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = original.length;
    if (keepLine(view.slice(lineStart, lineEnd), original.slice(lineStart, lineEnd), header)) {
      markLine(view, lineStart, lineEnd, keep);
      for (let i = lineStart; i < lineEnd; i++) if (keep[i]) kept.push(i);
      const last = kept[kept.length - 1];
      if (last !== undefined && original[last] !== "\n" && !OPEN_CLAUSE.test(original[last] ?? "")) kept.push(lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  if (kept.length > 0 && kept[kept.length - 1] === original.length) kept.pop();
  const srcParts: string[] = [];
  const anaParts: string[] = [];
  // Copy runs of consecutive kept offsets at once; a separator may point past the end: still a newline.
  for (let r = 0; r < kept.length; ) {
    const from = kept[r] ?? 0;
    let to = from + 1;
    while (r + to - from < kept.length && kept[r + to - from] === to && to < original.length) to++;
    srcParts.push(from < original.length ? original.slice(from, to) : "\n");
    anaParts.push(from < original.length ? view.slice(from, to) : "\n");
    r += to - from;
  }
  const src = srcParts.join("").replace(/\n+$/, "");
  const ana = anaParts.join("");
  return { src, ana: ana.slice(0, src.length), origin: Int32Array.from(kept.slice(0, src.length)), header };
}

/** Decides whether a line is report text; header lines give up their facts on the way out. */
function keepLine(line: string, lineSrc: string, header: HeaderFacts): boolean {
  const bare = line.replace(PINYIN, "");
  // Decorations and blanks before the text, so that 👉上一篇 is a widget line like 上一篇.
  const lead = bare.match(DECORATION)?.[0].length ?? 0;
  const trimmed = bare.slice(lead).trim();
  // The same line in the source's script, aligned with `trimmed`, so that names keep their script.
  const trimmedSrc = lineSrc.replace(PINYIN, "").slice(lead, lead + trimmed.length);
  if (trimmed === "" || RULE_LINE.test(trimmed)) return false;
  if (BREADCRUMB.test(trimmed) || WIDGET.test(trimmed)) return false;
  const original = trimmed.match(ORIGINAL_TITLE);
  if (original) {
    header.originalTitle = trimmed.slice(original[0].length);
    return false;
  }
  const paper = trimmed.match(PAPER_LINE);
  if (paper && trimmed.length < 60) {
    header.source ??= trimmedSrc.slice(paper.index ?? 0, (paper.index ?? 0) + (paper[1]?.length ?? 0)) || null;
    header.dates.push(...(trimmed.match(DATE_IN_LINE) ?? []));
    return false;
  }
  if (SOURCE_FIELD.test(trimmed) && trimmed.length < 100) {
    const source = trimmed.match(/来源[:：]\s*([^\s:：]{2,20})/);
    if (source?.[1]) {
      const at = (source.index ?? 0) + source[0].length - source[1].length;
      header.source = trimmedSrc.slice(at, at + source[1].length);
    }
    header.dates.push(...(trimmed.match(DATE_IN_LINE) ?? []));
    return false;
  }
  return true;
}

function markLine(view: string, start: number, end: number, keep: Uint8Array): void {
  keep.fill(1, start, end);
  const line = view.slice(start, end);
  const drop = (from: number, to: number) => keep.fill(0, start + from, start + to);
  for (const m of line.matchAll(PINYIN)) if (isHan(line[m.index - 1])) drop(m.index, m.index + m[0].length);
  for (const m of line.matchAll(CREDIT)) drop(m.index, m.index + m[0].length);
  const names = line.match(TRAILING_NAMES);
  if (names?.index !== undefined) drop(names.index, line.length);
  // Leading/trailing blanks and blanks between two Chinese characters come from layout, not meaning.
  let i = 0;
  const decoration = line.match(DECORATION)?.[0].length ?? 0;
  while (i < decoration) keep[start + i++] = 0;
  let j = line.length - 1;
  while (j >= 0 && (/\s/.test(line[j] ?? "") || !keep[start + j])) keep[start + j--] = 0;
  for (let k = i; k <= j; k++) {
    if (!/\s/.test(line[k] ?? "")) continue;
    let e = k;
    while (e <= j && /\s/.test(line[e] ?? "")) e++;
    if (isHan(prevKept(line, keep, start, k)) && isHan(line[e])) drop(k, e);
    k = e - 1;
  }
}

function prevKept(line: string, keep: Uint8Array, start: number, at: number): string | undefined {
  for (let p = at - 1; p >= 0; p--) if (keep[start + p]) return line[p];
  return undefined;
}
