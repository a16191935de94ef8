// What the dispatcher needs from a way of reaching people: Telegram, and the endpoint
// channels of src/channels (WeCom and DingTalk robots, SMS gateways) implement it.
import type { ButtonSpec } from "./outbox.js";

export interface OutgoingMessage {
  text: string;
  html: boolean;
  buttons?: ButtonSpec[][];
}

/** How one send ended, in the terms the dispatcher acts on. */
export type SendOutcome =
  | { kind: "sent"; providerMessageId: string }
  /** Safe to send again: the request never arrived or the server failed it (5xx). */
  | { kind: "retry"; reason: string }
  /** The request may have been delivered (connection lost after writing, timeout). */
  | { kind: "unknown"; reason: string }
  /** The whole channel identity must wait (429 retry_after). */
  | { kind: "rate-limited"; retryAfterMs: number; reason: string }
  /**
   * Only this address must wait (one robot over its own 20 per minute, or blocked by
   * DingTalk): its rows are deferred, the channel goes on with every other address.
   */
  | { kind: "address-limited"; retryAfterMs: number; reason: string }
  /** The recipient is gone (blocked the bot, deactivated): stop writing to them. */
  | { kind: "gone"; reason: string }
  /** The address changed (group upgraded to supergroup): send there instead. */
  | { kind: "moved"; newAddress: string; reason: string }
  /** Permanently refused (chat not found, kicked, bad markup): do not retry. */
  | { kind: "rejected"; reason: string }
  /** The channel's credentials are refused: halt everything and alert. */
  | { kind: "unauthorized"; reason: string };

export interface ChannelLimits {
  /** Sends per second for the whole identity (a bot token). */
  perSecond: number;
  /** Minimum spacing between two sends to `address`. */
  spacingMs(address: string): number;
  /** Whether `address` is shared by many (a group): pacing then goes through the database. */
  isGroup(address: string): boolean;
}

export interface Channel {
  /** The value of OutboxMessage.channel this channel sends. */
  readonly name: string;
  /** Identity whose limits are shared across processes, e.g. `telegram:<bot id>`. */
  readonly paceKey: string;
  readonly limits: ChannelLimits;
  send(address: string, message: OutgoingMessage): Promise<SendOutcome>;
}

/** What happens to people and chats when a channel reports them gone or moved. */
export interface RecipientDirectory {
  /** Marks the recipient inactive; resolves to how many queued rows for them were dropped. */
  gone(channel: string, address: string, reason: string, at: Date): Promise<number>;
  /** Rewrites the address everywhere (chat record and queued rows) in one transaction. */
  moved(channel: string, from: string, to: string): Promise<void>;
}
