// Recurring duties: 每季度…不少于一次, 每年, 每月, 每两周, 每半年 (monthly, interval 6).
import type { Recurrence, RecurrenceFreq } from "./types.js";
import { toNumber } from "./numerals.js";

export interface RecurrenceMatch extends Recurrence {
  start: number;
  end: number;
}

const PERIODS: Array<[string, RecurrenceFreq, number]> = [
  ["半年", "monthly", 6], ["半月", "weekly", 2], ["季度", "quarterly", 1], ["季", "quarterly", 1], ["年度", "yearly", 1], ["年", "yearly", 1],
  ["个月", "monthly", 1], ["月", "monthly", 1], ["周", "weekly", 1], ["星期", "weekly", 1], ["天", "daily", 1], ["日", "daily", 1],
];

const RECURRENCE = /(?:每|按)(?:隔)?(\d{1,2}|[一二两三四五六七八九十]{1,2})?个?(半年|半月|季度|季|年度|年|个月|月|周|星期|天|日)(?!前|底|末)/g;
const COUNT = /(?:不少于|至少|不低于)(\d{1,2}|[一二两三四五六七八九十]{1,2})次|(\d{1,2}|[一二两三四五六七八九十]{1,2})次以上/;

export function findRecurrences(text: string): RecurrenceMatch[] {
  const found: RecurrenceMatch[] = [];
  RECURRENCE.lastIndex = 0;
  for (let m = RECURRENCE.exec(text); m; m = RECURRENCE.exec(text)) {
    const period = PERIODS.find(([name]) => name === m![2]);
    if (!period) continue;
    const [, freq, base] = period;
    const every = m[1] ? toNumber(m[1]) ?? 1 : 1;
    const clauseEnd = text.slice(m.index).search(/[,;。!?]/);
    const clause = text.slice(m.index, clauseEnd < 0 ? text.length : m.index + clauseEnd);
    const countMatch = clause.match(COUNT);
    const count = countMatch ? toNumber(countMatch[1] ?? countMatch[2] ?? "") : null;
    const rec: RecurrenceMatch = { freq, interval: base * every, text: m[0], start: m.index, end: m.index + m[0].length };
    if (count !== null) rec.count = count;
    found.push(rec);
  }
  return found;
}
