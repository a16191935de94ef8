// Quantitative targets in a directive sentence (58个贫困村出列, 20个以上的村, 2万余户,
// 5.08万人, 百分之九十五, 95%) and plausibility checks on them.
import type { PlaceLevel, PlanWarning, Target } from "./types.js";
import { toNumber } from "./numerals.js";

export interface TargetMatch extends Target {
  start: number;
  end: number;
}

const NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)";
const MEASURE = "(个百分点|个|名|户|人次|人|家|所|座|项|条|公里|千米|米|亩|平方米|万元|亿元|元|套|间|批|场|台|辆|吨|村|乡镇)";
const COUNTED = new RegExp(`${NUM}(万|亿|千)?(余|多)?${MEASURE}(以上|以内|左右)?`, "g");
// 1.2万贫困人口: a count in 万/亿 may name its noun without a measure word.
const TEN_THOUSANDS = new RegExp(`${NUM}(万|亿)(余|多)?(?=[\\u4e00-\\u9fff])(?!元|亩|平方|公里|吨|个|名|户|人次|人|家)`, "g");
const PEOPLE_NOUN = /^(贫困人口|人口|贫困群众|群众|农民|劳动力|贫困户人口)/;
const PERCENT = /(\d+(?:\.\d+)?)\s*%|百分之([零〇一二两三四五六七八九十百]+)/g;

// Counts that are already done, or who sat in the room, are reports, not targets.
const DONE = /已|累计|共计|共有|完成了|实现了|取得了|出席|参加|列席|参会|到会/;
const ATTENDING = /参加会议|出席会议|列席会议|参会|到会|出席|列席/;
const ORDINAL_BEFORE = /第$/;

/** Plausible upper bound of people living in a place of this level. */
const POPULATION: Record<Exclude<PlaceLevel, null>, number> = {
  county: 3e6,
  city: 3.5e7,
  prefecture: 3.5e7,
  province: 1.3e8,
};
const NATION = 1.45e9;

export function findTargets(text: string): TargetMatch[] {
  const found: TargetMatch[] = [];
  const add = (value: number | null, start: number, end: number, unit: string) => {
    if (value === null || !Number.isFinite(value) || found.some((t) => t.start <= start && start < t.end)) return;
    const clauseStart = Math.max(0, text.slice(0, start).search(/[^,;。:、]*$/));
    if (DONE.test(text.slice(clauseStart, start))) return;
    const clauseEnd = text.slice(end).search(/[,;。:!?]/);
    if (ATTENDING.test(text.slice(end, clauseEnd < 0 ? text.length : end + clauseEnd))) return;
    const tail = text.slice(end).match(/^[^,;。:!?、(“”]{0,12}/)?.[0] ?? "";
    found.push({ text: text.slice(start, end) + tail, value, unit, start, end: end + tail.length });
  };
  COUNTED.lastIndex = 0;
  for (let m = COUNTED.exec(text); m; m = COUNTED.exec(text)) {
    const numeral = m[1] ?? "";
    if (ORDINAL_BEFORE.test(text.slice(0, m.index))) continue;
    const arabic = /^\d/.test(numeral);
    // Small Chinese numerals are idioms (一户一户, 两个全覆盖), not targets.
    if (!arabic && (toNumber(numeral) ?? 0) < 10 && !m[2]) continue;
    if (arabic && /\d$/.test(text.slice(0, m.index))) continue;
    add(toNumber(numeral, m[2] ?? ""), m.index, m.index + m[0].length, m[4] ?? "");
  }
  TEN_THOUSANDS.lastIndex = 0;
  for (let m = TEN_THOUSANDS.exec(text); m; m = TEN_THOUSANDS.exec(text)) {
    if (/\d$/.test(text.slice(0, m.index))) continue;
    const end = m.index + m[0].length;
    add(toNumber(m[1] ?? "", m[2] ?? ""), m.index, end, PEOPLE_NOUN.test(text.slice(end)) ? "人" : "");
  }
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    add(m[1] !== undefined ? Number(m[1]) : toNumber(m[2] ?? ""), m.index, m.index + m[0].length, "%");
  }
  return found.sort((a, b) => a.start - b.start);
}

const HEAD_COUNT = /^(名|人|人次)$/;

export function plausibility(target: Target, level: PlaceLevel): PlanWarning | null {
  if (target.unit === "%" && target.value > 100) {
    return { kind: "implausible-number", text: `${target.text}: a percentage over 100` };
  }
  const peopleCount = HEAD_COUNT.test(target.unit) || (target.unit === "户" && target.value * 3 > (level ? POPULATION[level] : NATION));
  const cap = level ? POPULATION[level] : NATION;
  if (peopleCount && target.value > cap) {
    return { kind: "implausible-number", text: `${target.text}: ${target.value} is more people than such a place holds (${cap})` };
  }
  return null;
}
