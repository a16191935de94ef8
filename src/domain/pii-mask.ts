// How personal numbers appear wherever they leave the database for a person's eyes
// (chat, exported files): never whole (P2). Pure: no I/O.

/** `110101********1234`: region code and last four; anything shorter is hidden entirely. */
export function maskIdNumber(id: string): string {
  if (id.length < 15) return "*".repeat(id.length);
  return `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}

/** `138****5678` for a mobile, `0871-****5678` for a landline; the area code is not personal. */
export function maskPhone(phone: string): string {
  const landline = /^(0\d{2,3})-(\d+)$/.exec(phone);
  if (landline) return `${landline[1]}-${"*".repeat(Math.max(0, (landline[2] ?? "").length - 4))}${(landline[2] ?? "").slice(-4)}`;
  if (phone.length <= 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** ID-number-shaped runs: 18 characters (17 digits and a check character) or 15 digits, not inside longer numbers. */
const ID_IN_TEXT = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
/** Mainland mobiles as people type them: optional +86/0086/86, separators between digits. */
const MOBILE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?!\d)/g;

/** Free text (a household's reply) with any ID number or mobile in it masked, before it goes to chat. */
export function maskNumbersIn(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id: string) => maskIdNumber(id.toUpperCase()))
    .replace(MOBILE_IN_TEXT, (_match: string, mobile: string) => maskPhone(mobile.replace(/\D/g, "")));
}
