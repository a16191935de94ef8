// The bot's own replies obey Telegram's 4096 characters too (B1): a longer sendMessage goes
// out as several messages in order, the keyboard on the last, the reply reference on the first.
// Installed after auto-retry, so each part is retried on its own and none is sent twice.
import type { RawApi, Transformer } from "grammy";
import { splitText } from "../messages/split-text.js";

type SendMessage = Parameters<RawApi["sendMessage"]>[0];

export const splitLongReplies: Transformer = async (prev, method, payload, signal) => {
  if (method !== "sendMessage") return prev(method, payload, signal);
  const message = payload as SendMessage;
  // Explicit entities carry offsets into the whole text; such a text is left as it is.
  const parts = message.entities ? [message.text] : splitText(message.text, { html: message.parse_mode === "HTML" });
  if (parts.length === 1) return prev(method, payload, signal);
  const { reply_markup, reply_parameters, ...common } = message;
  for (const [i, text] of parts.slice(0, -1).entries()) {
    const part: SendMessage = { ...common, text, ...(i === 0 && reply_parameters ? { reply_parameters } : {}) };
    const response = await prev(method, part as typeof payload, signal);
    if (!response.ok) return response;
  }
  const last: SendMessage = { ...common, text: parts.at(-1) ?? "", ...(reply_markup ? { reply_markup } : {}) };
  return prev(method, last as typeof payload, signal);
};
