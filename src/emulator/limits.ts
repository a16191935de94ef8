// Telegram's flood control, approximated: a sliding window per token, a token bucket
// per private chat (Telegram tolerates short bursts there) and a sliding window per
// group. Measured on real monotonic time, never on the simulated clock, because the
// clients being limited wait in real time.
import { performance } from "node:perf_hooks";

export interface FloodLimits {
  /** Sends per second allowed for one bot token across all chats. */
  perTokenPerSecond: number;
  /** Burst a private chat tolerates before the refill rate applies. */
  privateBurst: number;
  /** Sends per second refilled into a private chat's bucket. */
  privatePerSecond: number;
  /** Sends allowed per group or supergroup within `groupWindowMs`. */
  groupPerWindow: number;
  groupWindowMs: number;
}

export const defaultFloodLimits: FloodLimits = {
  perTokenPerSecond: 30,
  privateBurst: 3,
  privatePerSecond: 1,
  groupPerWindow: 20,
  groupWindowMs: 60_000,
};

export type ChatKind = "private" | "group";

interface Bucket {
  tokens: number;
  at: number;
}

/** Milliseconds until a sliding window of `size` ms holding `stamps` has room for one more. */
function windowWait(stamps: number[], capacity: number, size: number, now: number): number {
  while (stamps.length > 0 && (stamps[0] as number) <= now - size) stamps.shift();
  return stamps.length < capacity ? 0 : (stamps[stamps.length - capacity] as number) + size - now;
}

export class FloodControl {
  private readonly tokenWindows = new Map<number, number[]>();
  private readonly groupWindows = new Map<string, number[]>();
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    public limits: FloodLimits = defaultFloodLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Admits one send, or returns the whole seconds (at least 1) the caller must wait:
   * the `retry_after` Telegram would give. A refused send consumes nothing.
   */
  admit(botId: number, chatId: number, kind: ChatKind): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    const tokenStamps = this.stamps(this.tokenWindows, botId);
    const key = `${botId}:${chatId}`;
    const chatStamps = kind === "group" ? this.stamps(this.groupWindows, key) : null;
    const waits = [windowWait(tokenStamps, this.limits.perTokenPerSecond, 1000, now)];
    if (chatStamps) waits.push(windowWait(chatStamps, this.limits.groupPerWindow, this.limits.groupWindowMs, now));
    const bucket = kind === "private" ? this.refill(key, now) : null;
    if (bucket && bucket.tokens < 1) waits.push(((1 - bucket.tokens) / this.limits.privatePerSecond) * 1000);
    const wait = Math.max(...waits);
    if (wait > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
    tokenStamps.push(now);
    chatStamps?.push(now);
    if (bucket) bucket.tokens -= 1;
    return { ok: true };
  }

  /** Forgets all history, e.g. when the emulator is reset. */
  clear(): void {
    this.tokenWindows.clear();
    this.groupWindows.clear();
    this.buckets.clear();
  }

  private stamps<K>(map: Map<K, number[]>, key: K): number[] {
    let stamps = map.get(key);
    if (!stamps) map.set(key, (stamps = []));
    return stamps;
  }

  private refill(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.limits.privateBurst, at: now };
    bucket.tokens = Math.min(this.limits.privateBurst, bucket.tokens + ((now - bucket.at) / 1000) * this.limits.privatePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}
