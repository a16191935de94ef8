// The Telegram channel: one bot token, sent through grammY's Api (so `apiRoot` points it
// at the emulator in tests and the demo). No retries here: the dispatcher decides, from
// the classified outcome, whether and when a row is tried again.
import { inlineKeyboardOf } from "../messages/inline-keyboard.js";
import { createHash } from "node:crypto";
import { Api, InlineKeyboard } from "grammy";
import type { Channel, OutgoingMessage, SendOutcome } from "./channel.js";
import type { ButtonSpec } from "./outbox.js";
import { classifyTelegramError } from "./telegram-errors.js";

export interface TelegramChannelOptions {
  token: string;
  apiRoot?: string;
  /** Per-call timeout: a send that never answers is abandoned after this (F16; ≈30 s). */
  timeoutSeconds?: number;
  /** Sends per second for the token; Telegram allows about 30, a little headroom avoids 429s. */
  perSecond?: number;
  /** Spacing per private chat (≈1/s) and per group (20 per minute). */
  privateSpacingMs?: number;
  groupSpacingMs?: number;
}

const chatId = (address: string): number | string => (/^-?\d+$/.test(address) ? Number(address) : address);

export function createTelegramChannel(options: TelegramChannelOptions): Channel & { api: Api } {
  const api = new Api(options.token, {
    ...(options.apiRoot !== undefined ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 30,
  });
  const botId = options.token.split(":")[0] ?? "bot";
  // A new token for the same bot starts unhalted; the hash keeps the token out of the database.
  const fingerprint = createHash("sha256").update(options.token).digest("hex").slice(0, 8);
  const isGroup = (address: string): boolean => address.startsWith("-");
  return {
    api,
    name: "telegram",
    paceKey: `telegram:${botId}:${fingerprint}`,
    limits: {
      perSecond: options.perSecond ?? 28,
      isGroup,
      spacingMs: (address) => (isGroup(address) ? options.groupSpacingMs ?? 3100 : options.privateSpacingMs ?? 1050),
    },
    async send(address: string, message: OutgoingMessage): Promise<SendOutcome> {
      try {
        const sent = await api.sendMessage(chatId(address), message.text, {
          ...(message.html ? { parse_mode: "HTML" as const } : {}),
          ...(message.buttons && message.buttons.length > 0 ? { reply_markup: inlineKeyboardOf(message.buttons) } : {}),
          link_preview_options: { is_disabled: true },
        });
        return { kind: "sent", providerMessageId: String(sent.message_id) };
      } catch (error) {
        return classifyTelegramError(error);
      }
    },
  };
}
