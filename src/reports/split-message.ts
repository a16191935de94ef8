// Telegram refuses texts over 4096 characters: long reports go out as several messages,
// cut between lines so no HTML tag is split. Lengths are UTF-16 units, which is never less
// than what Telegram counts.
import { TELEGRAM_TEXT_LIMIT } from "../scheduler/merge.js";

export function splitMessage(lines: readonly string[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of lines) {
    const piece = line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
    if (current !== "" && current.length + 1 + piece.length > limit) {
      parts.push(current);
      current = piece;
    } else {
      current = current === "" ? piece : `${current}\n${piece}`;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}
