// The Telegram channel: one bot token, sent through grammY's Api (so `apiRoot` points it
// at the emulator in tests and the demo). No retries here: the dispatcher decides, from
// the classified outcome, whether and when a row is tried again. A text over Telegram's
// limit goes out as several messages in order (B1); the row is sent when all of them are.
import { inlineKeyboardOf } from "../messages/inline-keyboard.js";
import { splitText } from "../messages/split-text.js";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Api } from "grammy";
import type { Message } from "grammy/types";
import type { Channel, OutgoingMessage, SendOutcome } from "./channel.js";
import { classifyTelegramError } from "./telegram-errors.js";

export interface TelegramChannelOptions {
  token: string;
  apiRoot?: string;
  /** Per-call timeout: a send that never answers is abandoned after this (F16; ≈30 s). */
  timeoutSeconds?: number;
  /** Sends per second for the token (TELEGRAM_PER_SECOND). */
  perSecond?: number;
  /** Spacing per private chat (≈1/s) and per group (20 per minute). */
  privateSpacingMs?: number;
  groupSpacingMs?: number;
}

const chatId = (address: string): number | string => (/^-?\d+$/.test(address) ? Number(address) : address);

/** Sends per second for one token, the dispatcher's and the bot's replies together: Telegram allows about 30. */
export const TELEGRAM_PER_SECOND = 29.5;

/**
 * The key of a token's shared send budget (SendPace), for the dispatcher and the bot's replies.
 * A new token for the same bot starts unhalted; the hash keeps the token out of the database.
 */
export function telegramPaceKey(token: string): string {
  const botId = token.split(":")[0] ?? "bot";
  return `telegram:${botId}:${createHash("sha256").update(token).digest("hex").slice(0, 8)}`;
}

/** Long texts whose first parts went out before a send failed, at most this many remembered. */
const REMEMBERED_PARTIAL_SENDS = 1000;

export function createTelegramChannel(options: TelegramChannelOptions): Channel & { api: Api } {
  const api = new Api(options.token, {
    ...(options.apiRoot !== undefined ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 30,
  });
  const isGroup = (address: string): boolean => address.startsWith("-");
  const spacingMs = (address: string): number => (isGroup(address) ? options.groupSpacingMs ?? 3100 : options.privateSpacingMs ?? 1050);
  // Parts already delivered, by address and text: the row's next attempt goes on after them
  // instead of repeating them (in memory: after a crash the row counts as a possible duplicate anyway).
  const partsSent = new Map<string, number>();
  return {
    api,
    name: "telegram",
    paceKey: telegramPaceKey(options.token),
    limits: { perSecond: options.perSecond ?? TELEGRAM_PER_SECOND, isGroup, spacingMs },
    async send(address: string, message: OutgoingMessage): Promise<SendOutcome> {
      const parts = splitText(message.text, { html: message.html });
      const key = `${address}:${createHash("sha256").update(message.text).digest("base64")}`;
      const first = partsSent.get(key) ?? 0;
      let sent: Message.TextMessage | undefined;
      try {
        for (let part = first; part < parts.length; part++) {
          // The dispatcher paced the first request to this chat; the next parts keep its spacing.
          if (part > first) await sleep(spacingMs(address));
          const last = part === parts.length - 1;
          sent = await api.sendMessage(chatId(address), parts[part] ?? "", {
            ...(message.html ? { parse_mode: "HTML" as const } : {}),
            ...(last && message.buttons && message.buttons.length > 0 ? { reply_markup: inlineKeyboardOf(message.buttons) } : {}),
            link_preview_options: { is_disabled: true },
          });
          if (!last) remember(partsSent, key, part + 1);
        }
        partsSent.delete(key);
        return { kind: "sent", providerMessageId: String(sent?.message_id ?? "") };
      } catch (error) {
        const outcome = classifyTelegramError(error);
        // Only a row tried again with the same text at the same address continues where it stopped.
        if (outcome.kind !== "retry" && outcome.kind !== "unknown" && outcome.kind !== "rate-limited") partsSent.delete(key);
        return outcome;
      }
    },
  };
}

function remember(partsSent: Map<string, number>, key: string, count: number): void {
  partsSent.delete(key);
  partsSent.set(key, count);
  const oldest = partsSent.keys().next();
  if (partsSent.size > REMEMBERED_PARTIAL_SENDS && !oldest.done) partsSent.delete(oldest.value);
}
