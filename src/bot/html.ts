/** Escapes text for Telegram's HTML parse mode: user-supplied text is always shown literally (B2). */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
