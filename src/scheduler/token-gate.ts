// Hands out send slots for one channel identity (bot token) in this process, reserving
// them in small batches from the shared SendPace row so that all processes together
// keep to the rate. Callers queue in order; a slot too far away (a long retry_after,
// a halted token) is not waited for in memory: the caller defers its rows instead (F5).
import { setTimeout as sleep } from "node:timers/promises";
import { halt, pauseUntil, reserveSlots } from "./pace.js";
import type { Store } from "./raw-sql.js";

/** `go`: send at `atMs` (real epoch ms), which is at most LEAD_MS away when acquire resolves. */
export type GateResult = { kind: "go"; atMs: number } | { kind: "later"; atMs: number } | { kind: "halted"; reason: string };

/** The caller gets its slot this early: time to record "sending" before the request leaves on time. */
export const LEAD_MS = 50;

export interface TokenGateOptions {
  store: Store;
  key: string;
  perSecond: number;
  /** Waits longer than this are handed back to the caller. */
  maxWaitMs: number;
  /** Real time in epoch ms: Telegram's windows are real time, whatever the business clock says. */
  realNow: () => number;
  signal: AbortSignal;
}

/** Slack for the arrival jitter between our send and Telegram's count. */
const WINDOW_MARGIN_MS = 15;

/** A slot this stale is dropped rather than used: using it late could burst above the rate. */
const STALE_MS = 20;

export class TokenGate {
  private slots: number[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private blockedUntilMs = 0;
  private haltedReason: string | null = null;
  private readonly sent: number[] = [];
  private readonly intervalMs: number;
  private readonly batch: number;

  constructor(private readonly options: TokenGateOptions) {
    this.intervalMs = 1000 / options.perSecond;
    // A quarter second of slots per reservation: few database writes, little waste.
    this.batch = Math.max(1, Math.ceil(options.perSecond / 4));
  }

  /** Real epoch ms before which this process knows the token is paused. */
  get blockedUntil(): number {
    return this.blockedUntilMs;
  }

  /**
   * The last check before a request leaves: at most `perSecond` sends of this process in
   * any second, by the time they actually leave. A request that left late (a busy event
   * loop, a slow database write) would otherwise bunch with the punctual ones after it,
   * and Telegram counts arrivals, not our slots.
   */
  async beforeSend(): Promise<void> {
    const { realNow, signal } = this.options;
    const window = Math.floor(this.options.perSecond);
    for (;;) {
      const now = realNow();
      const oldest = this.sent.length >= window ? (this.sent[this.sent.length - window] ?? 0) : 0;
      const wait = oldest + 1000 + WINDOW_MARGIN_MS - now;
      if (wait <= 0 || signal.aborted) break;
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
    this.sent.push(realNow());
    if (this.sent.length > 2 * window) this.sent.splice(0, this.sent.length - window);
  }

  /** Whether a slot handed out earlier was voided since by a 429 or a 401. */
  voided(slotMs: number): boolean {
    return this.blockedUntilMs > slotMs || this.haltedReason !== null;
  }

  acquire(): Promise<GateResult> {
    const turn = this.queue.then(() => this.next());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async next(): Promise<GateResult> {
    const { realNow, store, key, maxWaitMs, signal } = this.options;
    for (;;) {
      const now = realNow();
      if (this.haltedReason !== null) {
        this.haltedReason = (await reserveSlots(store, key, 0, this.intervalMs, now)).haltReason;
        if (this.haltedReason !== null) return { kind: "halted", reason: this.haltedReason };
      }
      if (this.blockedUntilMs > now) {
        if (this.blockedUntilMs - now > maxWaitMs) return { kind: "later", atMs: this.blockedUntilMs };
        await sleep(this.blockedUntilMs - now, undefined, { signal }).catch(() => undefined);
        continue;
      }
      while (this.slots.length > 0 && (this.slots[0] ?? 0) < now - STALE_MS) this.slots.shift();
      if (this.slots.length === 0) {
        const reservation = await reserveSlots(store, key, this.batch, this.intervalMs, now);
        if (reservation.haltReason !== null) return { kind: "halted", reason: reservation.haltReason };
        this.slots = Array.from({ length: this.batch }, (_, i) => reservation.startMs + i * this.intervalMs);
        continue;
      }
      const slot = this.slots[0] ?? now;
      if (slot - now > maxWaitMs) {
        // Another process met a 429 and moved the shared slot far ahead.
        this.blockedUntilMs = Math.max(this.blockedUntilMs, slot);
        this.slots = [];
        return { kind: "later", atMs: slot };
      }
      this.slots.shift();
      if (slot - LEAD_MS > now) await sleep(slot - LEAD_MS - now, undefined, { signal }).catch(() => undefined);
      // A 429 or a 401 that arrived while we slept voids the slot.
      if (this.blockedUntilMs > slot || this.haltedReason !== null) continue;
      return { kind: "go", atMs: slot };
    }
  }

  /** A 429: nothing more from any process before `untilMs` (F4). */
  async pause(untilMs: number): Promise<void> {
    this.slots = [];
    this.blockedUntilMs = Math.max(this.blockedUntilMs, untilMs);
    await pauseUntil(this.options.store, this.options.key, untilMs);
  }

  /** A 401: no process sends with this token until an operator resumes it. Resolves to whether this call halted it. */
  async halt(reason: string, at: Date): Promise<boolean> {
    this.slots = [];
    const first = this.haltedReason === null;
    this.haltedReason = reason;
    await halt(this.options.store, this.options.key, reason, at);
    return first;
  }
}
