// Plain calendar arithmetic on YYYY-MM-DD strings: no Date.now, no time zone of the host.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 30;
}

export function isValid({ y, m, d }: Ymd): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export const pad = (n: number): string => String(n).padStart(2, "0");

export const format = ({ y, m, d }: Ymd): string => `${y}-${pad(m)}-${pad(d)}`;

export function parseYmd(text: string | undefined | null): Ymd | null {
  const m = text?.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(ymd) ? ymd : null;
}

export function addDays(date: Ymd, days: number): Ymd {
  let { y, m, d } = date;
  d += days;
  while (d < 1) {
    m--;
    if (m < 1) {
      m = 12;
      y--;
    }
    d += daysInMonth(y, m);
  }
  while (d > daysInMonth(y, m)) {
    d -= daysInMonth(y, m);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return { y, m, d };
}

export const compare = (a: Ymd, b: Ymd): number => a.y - b.y || a.m - b.m || a.d - b.d;

export const endOfMonth = (y: number, m: number): Ymd => ({ y, m, d: daysInMonth(y, m) });
