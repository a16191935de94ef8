// Dates as people type them in chat: 2026-06-30, 2026年6月30日, 6月30日, 6月30号, 6/30, 6.30.
// A date without a year is the next such day from today (in the county's zone), so
// "6月30日" typed in July means next June.
import { parseLocalDate, type LocalDate } from "../time.js";

const FULL = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:-|\/|\.|月)\s*(\d{1,2})\s*(?:日|号)?$/;
const MONTH_DAY = /^(\d{1,2})\s*(?:\/|\.|-|月)\s*(\d{1,2})\s*(?:日|号)?$/;

const pad = (n: number): string => String(n).padStart(2, "0");

export function parseTypedDate(text: string, today: LocalDate): LocalDate | null {
  const input = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const full = FULL.exec(input);
  if (full) return parseLocalDate(`${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`);
  const short = MONTH_DAY.exec(input);
  if (!short) return null;
  const year = Number(today.slice(0, 4));
  const [month, day] = [pad(Number(short[1])), pad(Number(short[2]))];
  const thisYear = parseLocalDate(`${year}-${month}-${day}`);
  if (thisYear && thisYear >= today) return thisYear;
  return parseLocalDate(`${year + 1}-${month}-${day}`);
}
