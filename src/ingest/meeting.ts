// Meeting facts: title, publication and meeting dates, place and level, convener, people.
import { addDays, format, isValid, parseYmd, type Ymd } from "./calendar.js";
import type { CleanText } from "./clean.js";
import type { Meeting, PlaceLevel, PlanWarning } from "./types.js";
import { simplifiedView } from "./script.js";
import type { Span } from "./segments.js";
import { isPersonName, NAME } from "./names.js";
import { toNumber } from "./numerals.js";

/** The plan's meeting facts with dates still as calendar days, plus what the outline needs. */
export interface MeetingFacts extends Pick<Meeting, "title" | "place" | "level" | "convener" | "people" | "source"> {
  date: Ymd | null;
  publishedAt: Ymd | null;
  /** Index of the lead paragraph (导语); paragraphs before it are header lines. */
  lead: number;
  warnings: PlanWarning[];
}

const LEAD_DATE = /\d{1,2}月\d{1,2}日|昨\(?\d{0,2}\)?日|今\(\d{1,2}\)日|日前|近日/;
const CONVENES = /召开|举行|召集|主持|会议/;
const DATELINE = /^[^,。\n]{0,16}?(\d{1,2})月(\d{1,2})日(?:讯|电)/;
const FULL_DATE = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})/;
// Minutes and notices are dated in Chinese numerals: 二〇二〇年六月十八日.
const CHINESE_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

const TITLE_WORDS = "副?(?:书记|省长|州长|市长|县长|区长|乡长|镇长|主席|主任|组长|局长|部长|秘书长|常委|委员|司令员|政委)";
const NAME_FOLLOW = "(?=(主持|出席|指出|强调|要求|讲话|在|就|作|传达|对|表示|提出|参加|结合|从|通报|说|同志|代表|带领|率|,|、|。|和|及|与))";
const TITLED_NAME = new RegExp(`${TITLE_WORDS}(${NAME})${NAME_FOLLOW}`, "g");
// A name chairing or speaking vouches for itself (才让多杰主持); 在, 和, 、 could follow any word.
const STRONG_FOLLOW = /^(主持|出席|指出|强调|要求|讲话)$/;
const SPEAKER_START = new RegExp(`(?<=^|\\n)(${NAME.replace(/\?/g, "")})(?:在[^,。]{0,30})?(?:指出|强调|要求|提出|表示|说)`, "g");
const PLACE = /([\u4e00-\u9fff]{2,6}?)(自治州|自治县|自治区|县|州|市|省|区)(?=委|政府|人民|人大|政协|长|召开|脱贫|党|,|的|各|全)/g;
const COLLECTIVE = /[我全本](县|州|市|省|区)/;
// An organ named by its level alone (市政府召开…, ,县委书记…) is the report's own place.
const BARE_ORGAN = /(?<![\u4e00-\u9fff])(县|州|市|省|区)(?=委|政府|人大|政协)/;
const NOT_PLACE = /^[全我各本该市省州县区乡镇]|[的了在是要对]/;
// Words that end a run of characters before a place name (召开岚溪县… → 岚溪县).
const BEFORE_PLACE = /^.*(召开|举行|举办|在|赴|到|于|深入|来自|副|常务)/;
// The source name keeps its script, so its suffix is matched in both.
const NATIONAL_OUTLET = /^(中国|中央|人民|新华|光明|央视|经济|国际|环球|中新)/;
const SOURCE_SUFFIX = /(广播电视台|廣播電視台|电视台|電視台|日报社|日報社|日报|日報|晚报|晚報|新闻网|新聞網|融媒体中心|融媒體中心|融媒|报|報|网|網)$/;

const LEVEL: Record<string, PlaceLevel> = {
  县: "county", 区: "county", 自治县: "county", 州: "prefecture", 自治州: "prefecture", 市: "city", 省: "province", 自治区: "province",
};

export function meetingFacts(clean: CleanText, paras: Span[], options: { referenceDate?: string; county?: string }): MeetingFacts {
  const { ana, src } = clean;
  const warnings: PlanWarning[] = [];
  const para = (i: number) => (paras[i] ? ana.slice(paras[i].start, paras[i].end) : "");
  const lead = findLead(paras.map((_, i) => para(i)));
  const header = paras.slice(0, lead);
  const leadText = para(lead);
  const firstSentence = paras[lead] ? src.slice(paras[lead].start, paras[lead].end).split(/[。!?]/)[0] ?? "" : "";
  const title = header[0] ? src.slice(header[0].start, header[0].end) : clean.header.originalTitle ?? firstSentence.replace(DATELINE, "").trim().slice(0, 60);

  const reference = parseYmd(options.referenceDate);
  const textYear = firstYear(leadText) ?? dominantYear(ana);
  const published = publicationDate(clean, header.map((s) => ana.slice(s.start, s.end)), leadText, textYear ?? reference?.y ?? null);
  if (published.guessed) warnings.push({ kind: "guessed-year", text: `publication year ${published.date?.y} inferred from the text` });

  const yearHint = published.date?.y ?? textYear ?? reference?.y ?? null;
  const meeting = meetingDate(leadText.replace(DATELINE, ""), published.date, yearHint);
  if (meeting.date && !published.date && textYear === null) {
    warnings.push({ kind: "guessed-year", text: `meeting year ${meeting.date.y} taken from the reference date` });
  } else if (meeting.date && meeting.yearGuessed && !published.date) {
    warnings.push({ kind: "guessed-year", text: `meeting year ${meeting.date.y} inferred from years written in the text` });
  }
  const date = meeting.date ?? published.date ?? reference;
  if (!meeting.date) {
    const day = leadText.replace(DATELINE, "").match(/\d{1,2}月\d{1,2}日/)?.[0];
    const found = day ? `the meeting day ${day} has no year; give a reference date` : "meeting date not found";
    warnings.push({ kind: "no-meeting-date", text: date ? `${found}; using ${format(date)}` : found });
  }

  // Header lines and the lead are the start of the cleaned text: they end where the lead ends.
  const scopeEnd = paras[lead]?.end ?? 0;
  const sourceName = clean.header.source;
  const place = options.county
    ? { place: options.county, level: levelOf(options.county) ?? "county" }
    : findPlace(ana, src, scopeEnd, sourceName);

  const { convener, people } = findPeople(ana, src, clean.header.originalTitle);
  return { title: title.trim(), date, publishedAt: published.date, ...place, convener, people, source: sourceName, lead, warnings };
}

function findLead(texts: string[]): number {
  // The lead opens the report: a dated paragraph further down is a directive, not the lead.
  const i = texts.slice(0, 6).findIndex((t) => t.length >= 12 && LEAD_DATE.test(t) && CONVENES.test(t));
  if (i >= 0) return i;
  const long = texts.findIndex((t) => t.length >= 60);
  return long >= 0 ? long : 0;
}

/** A year written in the lead (召开2017年第三次常务会议) is the meeting's own. */
function firstYear(text: string): number | null {
  const m = text.match(/(?<!\d)((?:19|20)\d{2})年/);
  return m ? Number(m[1]) : null;
}

/** The most frequent year; on a tie the earlier, since later years are usually goals (2018年底脱贫). */
function dominantYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && y < best)) best = y;
  return best;
}

function publicationDate(clean: CleanText, headerTexts: string[], leadText: string, yearHint: number | null): { date: Ymd | null; guessed: boolean } {
  for (const text of [...clean.header.dates, ...headerTexts]) {
    const m = text.match(FULL_DATE) ?? text.match(CHINESE_DATE);
    const date = m ? { y: toNumber(m[1] ?? "") ?? 0, m: toNumber(m[2] ?? "") ?? 0, d: toNumber(m[3] ?? "") ?? 0 } : null;
    if (date && isValid(date)) return { date, guessed: false };
  }
  const dl = leadText.match(DATELINE);
  if (dl && yearHint !== null) {
    const date = { y: yearHint, m: Number(dl[1]), d: Number(dl[2]) };
    if (isValid(date)) return { date, guessed: true };
  }
  return { date: null, guessed: false };
}

function meetingDate(lead: string, published: Ymd | null, yearHint: number | null): { date: Ymd | null; yearGuessed: boolean } {
  const rel = lead.match(/(昨|今|前)(?:天|日|\((\d{1,2})\)日)/);
  const full = lead.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  const md = lead.match(/(\d{1,2})月(\d{1,2})日(?!讯|电)/);
  const positions = [rel, full, md].map((m) => m?.index ?? Infinity);
  const first = Math.min(...positions);
  if (first === Infinity) return { date: null, yearGuessed: false };
  if (full && full.index === first) {
    const date = { y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) };
    return { date: isValid(date) ? date : null, yearGuessed: false };
  }
  if (rel && rel.index === first && published) {
    const back = rel[1] === "昨" ? -1 : rel[1] === "前" ? -2 : 0;
    const day = rel[2] ? Number(rel[2]) : null;
    let date = addDays(published, back);
    // 昨(14)日 names the day: trust it over the arithmetic when they disagree.
    if (day !== null && day !== date.d) date = day <= published.d ? { ...published, d: day } : { ...addDays({ ...published, d: 1 }, -1), d: day };
    return { date: isValid(date) ? date : null, yearGuessed: false };
  }
  if (md && md.index === first && yearHint !== null) {
    const m = Number(md[1]);
    const d = Number(md[2]);
    let y = published?.y ?? yearHint;
    // A meeting is reported after it happens: a later month than publication means last year.
    if (published && (m > published.m || (m === published.m && d > published.d))) y--;
    const date = { y, m, d };
    return { date: isValid(date) ? date : null, yearGuessed: !published };
  }
  return { date: null, yearGuessed: false };
}

function levelOf(name: string): PlaceLevel {
  const suffix = name.match(/(自治州|自治县|自治区|县|州|市|省|区)$/)?.[1];
  return suffix ? LEVEL[suffix] ?? null : null;
}

function findPlace(ana: string, src: string, scopeEnd: number, source: string | null): { place: string | null; level: PlaceLevel } {
  const scope = ana.slice(0, scopeEnd);
  const collective = scope.match(COLLECTIVE);
  // Where the level word is written (我縣, 市政府); a bare organ counts only when a source can name the place.
  const levelAt = collective ? (collective.index ?? 0) + 1 : source ? scope.search(BARE_ORGAN) : -1;
  const levelWord = levelAt >= 0 ? ana[levelAt] ?? "" : "";
  const wanted = LEVEL[levelWord] ?? null;
  if (wanted) {
    // 我縣 in a traditional report: the suffix keeps the source's script.
    const suffix = src[levelAt] ?? levelWord;
    // 来源:岚溪县人民政府 names the place outright.
    const named = sourcePlace(source);
    if (named?.level === wanted) return named;
    const fromSource = source?.replace(SOURCE_SUFFIX, "");
    if (fromSource && fromSource.length >= 2 && fromSource.length <= 6 && fromSource !== source && !NATIONAL_OUTLET.test(fromSource)) {
      return { place: fromSource.endsWith(suffix) ? fromSource : fromSource + suffix, level: wanted };
    }
    // Otherwise the place of that level named most often anywhere in the report.
    const counts = new Map<string, number>();
    for (const p of places(ana, src, ana.length)) if (p.level === wanted) counts.set(p.place, (counts.get(p.place) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) return { place: best[0], level: wanted };
  }
  // A county TV station or a prefecture's daily reports on its own place (来源:柳川县广播电视台).
  return places(ana, src, scopeEnd)[0] ?? sourcePlace(source) ?? { place: null, level: wanted };
}

/** The place a source is named after (岚溪县人民政府, 柳川县广播电视台), in the source's script. */
function sourcePlace(source: string | null): { place: string; level: PlaceLevel } | null {
  const named = source ? simplifiedView(source).match(/^([^日晚都报网]{2,6}?)(自治州|自治县|自治区|县|州|市|省|区)/) : null;
  return source && named?.[1] ? { place: source.slice(0, named[0].length), level: LEVEL[named[2] ?? ""] ?? null } : null;
}

function places(ana: string, src: string, end: number): Array<{ place: string; level: PlaceLevel }> {
  const found: Array<{ place: string; level: PlaceLevel }> = [];
  for (const m of ana.slice(0, end).matchAll(PLACE)) {
    const run = m[1] ?? "";
    const name = run.replace(BEFORE_PLACE, "");
    if (name.length < 2 || NOT_PLACE.test(name)) continue;
    const suffix = m[2] ?? "";
    const at = m.index + run.length - name.length;
    // Keep the source's script: the analysis view is index-aligned with it.
    found.push({ place: src.slice(at, at + name.length + suffix.length), level: LEVEL[suffix] ?? null });
  }
  return found;
}

function findPeople(ana: string, src: string, originalTitle: string | null): { convener: string | null; people: string[] } {
  const people: string[] = [];
  // Names are checked on the simplified view (key) and stored as written (name).
  const add = (name: string, key: string = name, titled = false) => {
    if (isPersonName(key, titled) && !people.includes(name)) people.push(name);
  };
  let convener: string | null = null;
  for (const m of ana.matchAll(TITLED_NAME)) {
    const at = m.index + m[0].length - (m[1]?.length ?? 0);
    const name = src.slice(at, at + (m[1]?.length ?? 0));
    add(name, m[1], STRONG_FOLLOW.test(m[2] ?? ""));
    if (!convener && people.includes(name) && ana.startsWith("主持", m.index + m[0].length)) convener = name;
  }
  for (const m of ana.matchAll(SPEAKER_START)) add(src.slice(m.index, m.index + (m[1]?.length ?? 0)), m[1]);
  if (originalTitle) {
    for (const m of originalTitle.matchAll(new RegExp(`([\\u4e00-\\u9fff]{2,3})主持`, "g"))) {
      const name = m[1] ?? "";
      add(name);
      if (people.includes(name)) convener ??= name;
    }
  }
  if (!convener) {
    const m = ana.match(/由([\u4e00-\u9fff]{2,3})(?:同志)?主持/);
    const name = m?.[1] ? src.slice((m.index ?? 0) + 1, (m.index ?? 0) + 1 + m[1].length) : "";
    add(name, m?.[1]);
    if (people.includes(name)) convener = name;
  }
  return { convener, people };
}
