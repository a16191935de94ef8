// Resident ID numbers (居民身份证号码, GB 11643-1999): 18 characters — a 6-digit region
// code, the birth date YYYYMMDD, a 3-digit sequence and an ISO 7064 MOD 11-2 check
// character (0–9 or X) — or the legacy 15-digit form (region, YYMMDD, sequence) issued
// before 1999, which always means a birth year 19YY and converts to 18 digits by inserting
// the century and computing the check character. Pure: no I/O.

export type IdNumberProblem = "format" | "region" | "birth-date" | "checksum";

export type IdNumberResult =
  | { ok: true; value: string; legacy: boolean }
  | { ok: false; problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/** The first two digits: the provinces of GB/T 2260 (and 71/81/82/83 for Taiwan, Hong Kong, Macao, their residence permits). */
const PROVINCES = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
  "71", "81", "82", "83",
]);

/** The check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? "";
}

function isBirthDate(yyyymmdd: string, today: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const probe = new Date(Date.UTC(y, m - 1, d));
  const real = probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  return real && y >= 1900 && `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` <= today;
}

/** Spaces and a lower-case x are how people type them; nothing else is forgiven. */
export function compactIdNumber(text: string): string {
  return text.replace(/[\s\u3000-]/g, "").toUpperCase();
}

/**
 * Validates and normalizes an ID number to its 18-character form. `today` (YYYY-MM-DD,
 * the county's date) bounds the birth date: nobody is born in the future.
 */
export function parseIdNumber(text: string, today: string): IdNumberResult {
  const id = compactIdNumber(text);
  const legacy = /^\d{15}$/.test(id);
  if (!legacy && !/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: "format" };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, problem: "region" };
  const first17 = legacy ? `${id.slice(0, 6)}19${id.slice(6, 15)}` : id.slice(0, 17);
  if (!isBirthDate(first17.slice(6, 14), today)) return { ok: false, problem: "birth-date" };
  const check = idCheckCharacter(first17);
  if (!legacy && id[17] !== check) return { ok: false, problem: "checksum" };
  return { ok: true, value: first17 + check, legacy };
}
