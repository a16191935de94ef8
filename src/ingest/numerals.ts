// Chinese and Arabic numerals as numbers (一百二十 → 120, 5.08万 → 50800).

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };


export function chineseToNumber(text: string): number | null {
  if (text === "") return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = digit !== null && digit !== 0 && /^[零〇一二三四五六七八九]+$/.test(text) ? digit * 10 + d : d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}

/** "12", "5.08", "三百" with an optional 万/亿 multiplier. */
export function toNumber(numeral: string, multiplier = ""): number | null {
  const base = /^\d+(\.\d+)?$/.test(numeral) ? Number(numeral) : chineseToNumber(numeral);
  if (base === null) return null;
  const factor = multiplier === "万" ? 1e4 : multiplier === "亿" ? 1e8 : multiplier === "千" ? 1e3 : 1;
  return Math.round(base * factor * 1e6) / 1e6;
}
