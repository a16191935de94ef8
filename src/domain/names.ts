/** Longest county or unit name accepted: the longest official unit names are about 30 characters. */
export const MAX_NAME_LENGTH = 60;

/**
 * A county or unit name as typed or imported: whitespace collapsed, full-width spaces
 * included; null when empty, too long or made of several lines.
 */
export function cleanName(text: string): string | null {
  if (/[\r\n]/.test(text.trim())) return null;
  const name = text.replace(/[\s\u3000]+/g, " ").trim();
  return name.length > 0 && [...name].length <= MAX_NAME_LENGTH ? name : null;
}
