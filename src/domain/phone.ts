// Phone numbers as offices write them: mainland mobiles (11 digits from 13x to 19x), with
// or without +86 / 0086 / 86, spaces, dashes or brackets; and landlines with an area code
// (0xx or 0xxx, then 7–8 digits; written after +86 without its 0). Normalized to digits
// for mobiles and `0AREA-NUMBER` for landlines. Pure: no I/O.

export type PhoneKind = "mobile" | "landline";
export type PhoneResult = { ok: true; value: string; kind: PhoneKind } | { ok: false };

const MOBILE = /^1[3-9]\d{9}$/;
/** Area codes: 010 and 02x are three digits, all others four. */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/;

/** Digits after the country code, or null when another country's code is given. */
function nationalDigits(text: string): string | null {
  const digits = text.replace(/\D/g, "");
  if (text.startsWith("+")) return digits.startsWith("86") ? `0${digits.slice(2)}`.replace(/^0(1[3-9])/, "$1") : null;
  if (digits.startsWith("0086")) return `0${digits.slice(4)}`.replace(/^0(1[3-9])/, "$1");
  if (digits.length === 13 && MOBILE.test(digits.slice(2)) && digits.startsWith("86")) return digits.slice(2);
  return digits;
}

export function parsePhone(text: string): PhoneResult {
  const compact = text.replace(/[\s\-()（）]/g, "");
  if (!/^\+?\d+$/.test(compact)) return { ok: false };
  const digits = nationalDigits(compact);
  if (digits === null) return { ok: false };
  if (MOBILE.test(digits)) return { ok: true, value: digits, kind: "mobile" };
  const landline = LANDLINE.exec(digits);
  return landline ? { ok: true, value: `${landline[1]}-${landline[2]}`, kind: "landline" } : { ok: false };
}
