// Deadlines written in a directive sentence, resolved to a calendar day relative to
// the meeting date. Rules (docs/ingest-rules.md): a date without a year takes the
// meeting's year, or the next year if that day is already past at the meeting; the
// end of a period (月底, 年底, 季度末, 下旬) is its last day; "before a holiday" is the
// day before it; a year qualifying a noun (2016年的项目) is not a deadline; 自…起 is a start.
import { compare, endOfMonth, format, isValid, type Ymd } from "./calendar.js";
import { chineseToNumber } from "./numerals.js";

export interface DeadlineMatch {
  date: string | null;
  start: number;
  end: number;
  beforeMeeting: boolean;
}

export interface VagueMatch {
  start: number;
  end: number;
}

const M = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
// Days and years may be written in Chinese numerals too: 十一月十五日前, 二〇二〇年底前.
const D = M;
const Y = "(\\d{4}|[〇零一二三四五六七八九]{4})";
const QUOTE = "[“”\"'‘’]?";

// Spring Festival (正月初一) by year; the lunar calendar has no closed form.
const SPRING_FESTIVAL: Record<number, string> = {
  2010: "02-14", 2011: "02-03", 2012: "01-23", 2013: "02-10", 2014: "01-31", 2015: "02-19",
  2016: "02-08", 2017: "01-28", 2018: "02-16", 2019: "02-05", 2020: "01-25", 2021: "02-12",
  2022: "02-01", 2023: "01-22", 2024: "02-10", 2025: "01-29", 2026: "02-17", 2027: "02-06",
  2028: "01-26", 2029: "02-13", 2030: "02-03", 2031: "01-23", 2032: "02-11", 2033: "01-31",
  2034: "02-19", 2035: "02-08",
};
const DRAGON_BOAT: Record<number, string> = {
  2015: "06-20", 2016: "06-09", 2017: "05-30", 2018: "06-18", 2019: "06-07", 2020: "06-25",
  2021: "06-14", 2022: "06-03", 2023: "06-22", 2024: "06-10", 2025: "05-31", 2026: "06-19",
  2027: "06-09", 2028: "05-28", 2029: "06-16", 2030: "06-05",
};
const MID_AUTUMN: Record<number, string> = {
  2015: "09-27", 2016: "09-15", 2017: "10-04", 2018: "09-24", 2019: "09-13", 2020: "10-01",
  2021: "09-21", 2022: "09-10", 2023: "09-29", 2024: "09-17", 2025: "10-06", 2026: "09-25",
  2027: "09-15", 2028: "10-03", 2029: "09-22", 2030: "09-12",
};

function holidayStart(name: string, y: number): Ymd | null {
  const fixed: Record<string, [number, number]> = { 元旦: [1, 1], 五一: [5, 1], 劳动节: [5, 1], 国庆: [10, 1], 国庆节: [10, 1], 清明: [4, 4] };
  const f = fixed[name];
  if (f) return { y, m: f[0], d: f[1] };
  const table = name === "春节" ? SPRING_FESTIVAL : name === "端午" ? DRAGON_BOAT : name === "中秋" ? MID_AUTUMN : null;
  const md = table?.[y]?.split("-").map(Number);
  return md && md.length === 2 ? { y, m: md[0] ?? 1, d: md[1] ?? 1 } : null;
}

const num = (s: string | undefined): number => (s && /^\d+$/.test(s) ? Number(s) : chineseToNumber(s ?? "") ?? 0);

interface Rule {
  re: RegExp;
  /** explicit: the text names the year, so a day before the meeting is a mistake, not next year's. */
  resolve: (m: RegExpExecArray, year: number, meeting?: Ymd) => { date: Ymd | null; explicit: boolean };
}

const dayBefore = (d: Ymd | null): Ymd | null => (d ? (d.d > 1 ? { ...d, d: d.d - 1 } : d.m > 1 ? endOfMonth(d.y, d.m - 1) : { y: d.y - 1, m: 12, d: 31 }) : null);
const quarterEnd = (y: number, q: number): Ymd => endOfMonth(y, q * 3);
const tenDay = (y: number, m: number, part: string): Ymd => (part === "上旬" ? { y, m, d: 10 } : part === "中旬" ? { y, m, d: 20 } : endOfMonth(y, m));

const RULES: Rule[] = [
  { re: new RegExp(`${Y}年${M}月${D}日(?:前|之前|以前|为止|止)`, "g"), resolve: (m) => ({ date: { y: num(m[1]), m: num(m[2]), d: num(m[3]) }, explicit: true }) },
  { re: new RegExp(`${Y}年${M}月(?:底|末)(?:前|之前|以前)?`, "g"), resolve: (m) => ({ date: endOfMonth(num(m[1]), num(m[2])), explicit: true }) },
  { re: new RegExp(`${Y}年(上旬|中旬|下旬)`, "g"), resolve: () => ({ date: null, explicit: true }) },
  { re: new RegExp(`${Y}年(?:底|末|年底|年末|内)?(?:前|之前|以前)?(?<=[底末内前])`, "g"), resolve: (m) => ({ date: { y: num(m[1]), m: 12, d: 31 }, explicit: true }) },
  { re: new RegExp(`(?<!截)(?:到|至|在|于)${Y}年(?![\\d一二三四五六七八九十上下第]|的|度|以来|起)`, "g"), resolve: (m) => ({ date: { y: num(m[1]), m: 12, d: 31 }, explicit: true }) },
  { re: new RegExp(`${M}月${D}日(?:前|之前|以前|为止|止)`, "g"), resolve: (m, y) => ({ date: { y, m: num(m[1]), d: num(m[2]) }, explicit: false }) },
  { re: new RegExp(`${M}月${D}日(?=[^,;。]{0,8}?(?:完成|到位|办结|上报|报送|截止))`, "g"), resolve: (m, y) => ({ date: { y, m: num(m[1]), d: num(m[2]) }, explicit: false }) },
  { re: new RegExp(`${M}月(?:份)?(?:底|末)(?:前|之前|以前)?`, "g"), resolve: (m, y) => ({ date: endOfMonth(y, num(m[1])), explicit: false }) },
  // 6月至8月: work over a span of months is due at the end of the last one.
  { re: new RegExp(`${M}月(?:份)?(?:至|到|—|-|~)${M}月(?!份?[上中下]旬|\\d|[一二三四五六七八九十]{1,3}日)`, "g"), resolve: (m, y) => ({ date: endOfMonth(y, num(m[2])), explicit: false }) },
  { re: /本月(?:底|末)(?:前|之前)?/g, resolve: (_m, y, meeting) => ({ date: endOfMonth(y, meeting?.m ?? 12), explicit: false }) },
  { re: new RegExp(`${M}月(?:份)?(上旬|中旬|下旬)(?:前|之前|以前|末)?`, "g"), resolve: (m, y) => ({ date: tenDay(y, num(m[1]), m[2]!), explicit: false }) },
  { re: /第?([一二三四1-4])季度(?:末|底|前|内)/g, resolve: (m, y) => ({ date: quarterEnd(y, num(m[1])), explicit: false }) },
  // 上半年前, 下半年完成: the half ends on 30 June or 31 December.
  { re: /(?:今年|年内)?(上|下)半年(?:前|内|底|末|(?=[^,;。]{0,3}?(?:完成|到位|办结)))/g, resolve: (m, y) => ({ date: m[1] === "上" ? { y, m: 6, d: 30 } : { y, m: 12, d: 31 }, explicit: false }) },
  { re: /明年(?:底|末|年底|内)?/g, resolve: (_m, y) => ({ date: { y: y + 1, m: 12, d: 31 }, explicit: true }) },
  { re: /今年(?:年底|底|年末|内)?(?:前|之前)?(?!以来|是|初|年初|上半年|前|春|已|共|累计)|(?<![\d明今])(?:年底前?|年末前?|年内)|本年度内/g, resolve: (_m, y) => ({ date: { y, m: 12, d: 31 }, explicit: true }) },
  {
    re: new RegExp(`${QUOTE}(五一|国庆节?|元旦|春节|中秋|端午|清明|劳动节)${QUOTE}(?:节|假期|小长假|长假)?(?:前|之前|以前)`, "g"),
    resolve: (m, y) => ({ date: dayBefore(holidayStart(m[1]!, y)), explicit: false }),
  },
];

const START = /(?:自|从)[^,;。]{0,20}?起|\d{1,2}月\d{1,2}日起/g;
const VAGUE = /限期|尽快|尽早|限时/g;

export function findDeadline(text: string, meeting: Ymd | null): DeadlineMatch | null {
  const starts = [...text.matchAll(START)].map((m) => [m.index, m.index + m[0].length] as const);
  const inStart = (i: number) => starts.some(([a, b]) => i >= a && i < b);
  let best: DeadlineMatch | null = null;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (inStart(m.index) || /每$/.test(text.slice(0, m.index)) || isReport(text, m.index, m.index + m[0].length)) continue;
      if (best && best.start <= m.index) break;
      best = resolve(rule, m, meeting);
      break;
    }
  }
  return best;
}

/** 截至2016年底, 2016年底已完成: a date that reports the state of things, not one that sets work. */
function isReport(text: string, start: number, end: number): boolean {
  return /(截至|截止到?|到目前|去年)$/.test(text.slice(Math.max(0, start - 4), start)) || /^(已|以来|的)/.test(text.slice(end, end + 2));
}

function resolve(rule: Rule, m: RegExpExecArray, meeting: Ymd | null): DeadlineMatch {
  const span = { start: m.index, end: m.index + m[0].length };
  if (!meeting) return { date: null, ...span, beforeMeeting: false };
  let { date, explicit } = rule.resolve(m, meeting.y, meeting);
  if (date && !explicit && isValid(date) && compare(date, meeting) < 0) date = rule.resolve(m, meeting.y + 1, meeting).date;
  if (!date || !isValid(date)) return { date: null, ...span, beforeMeeting: false };
  return { date: format(date), ...span, beforeMeeting: compare(date, meeting) < 0 };
}

export function findVague(text: string): VagueMatch | null {
  VAGUE.lastIndex = 0;
  const m = VAGUE.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
