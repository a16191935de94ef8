// Hands out send slots for one channel identity (bot token) in this process. Slots come
// in small batches from the shared SendPace row, so they are spaced 1/rate apart across
// all processes, and Telegram's window (30 in any second) holds as long as requests
// arrive on their slots. A request that arrived late (it left late, or its round trip
// says it was held up on the way) moves the part of the schedule not reserved yet on by
// its delay, so that the request 30 places after it cannot bunch with it; one that would
// leave later than a slot takes a fresh slot ahead of the queue instead. Waiters are
// served in order; a slot too far away (a long retry_after, a halted token) is not waited
// for in memory: the caller defers its rows instead (F5).
import { setTimeout as sleep } from "node:timers/promises";
import { LateArrivals } from "./late-arrivals.js";
import { delaySlots, halt, haltReason, pauseUntil, reserveSlots } from "./pace.js";
import type { Store } from "./raw-sql.js";

/** `go`: send at `atMs` (real epoch ms), which is about LEAD_MS away when acquire resolves. */
export type GateResult = { kind: "go"; atMs: number } | { kind: "later"; atMs: number } | { kind: "halted"; reason: string };

/** The caller gets its slot this early: time to record "sending" before the request leaves on time. */
export const LEAD_MS = 80;

/**
 * How late a request may arrive without moving the schedule. Slots 1000/r ms apart put
 * the request 30 places later (30/r)·1000 ms after it: at r = 29.5, 17 ms more than
 * Telegram's second, of which this much is ours and the rest covers what we cannot see.
 */
export const LATE_BUDGET_MS = 12;

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

interface Waiter {
  resolve: (result: GateResult) => void;
  reject: (error: unknown) => void;
}

export class TokenGate {
  private slots: number[] = [];
  private reserving: Promise<void> | null = null;
  private reserveError: unknown = null;
  private readonly waiters: Waiter[] = [];
  private readonly lateArrivals = new LateArrivals({ budgetMs: LATE_BUDGET_MS, leadMs: LEAD_MS });
  private serving = false;
  private blockedUntilMs = 0;
  private haltedReason: string | null = null;
  private readonly intervalMs: number;
  private readonly batch: number;

  constructor(private readonly options: TokenGateOptions) {
    this.intervalMs = 1000 / options.perSecond;
    // An eighth of a second per reservation: few database writes, and what all processes
    // hold reserved stays far below the second that a late request's shift must reach.
    this.batch = Math.max(1, Math.ceil(options.perSecond / 8));
  }

  /** Real epoch ms before which this process knows the token is paused. */
  get blockedUntil(): number {
    return this.blockedUntilMs;
  }

  /** Whether a slot handed out earlier was voided since by a 429 or a 401. */
  voided(slotMs: number): boolean {
    return this.blockedUntilMs > slotMs || this.haltedReason !== null;
  }

  /**
   * Whether a request for `slotMs` may leave now: not when it is so late that a fresh slot
   * costs the schedule less than moving it on (see `answered`).
   */
  depart(slotMs: number): boolean {
    return this.options.realNow() - slotMs - LATE_BUDGET_MS < this.intervalMs;
  }

  /** The request for `slotMs` left at `departedMs` and was answered now: a late arrival moves the schedule on. */
  answered(slotMs: number, departedMs: number): void {
    const shiftMs = this.lateArrivals.record(slotMs, departedMs, this.options.realNow());
    // Not awaited: the request 30 places later is reserved only a good half second from now.
    if (shiftMs > 0) void delaySlots(this.options.store, this.options.key, shiftMs).catch(() => undefined);
  }

  /** The next slot; `retry` (a request that missed its slot) goes ahead of the queue. */
  acquire(retry = false): Promise<GateResult> {
    return new Promise((resolve, reject) => {
      if (retry) this.waiters.unshift({ resolve, reject });
      else this.waiters.push({ resolve, reject });
      if (!this.serving) void this.serve();
    });
  }

  /** Gives each slot to whoever heads the queue when the slot comes up. */
  private async serve(): Promise<void> {
    this.serving = true;
    while (this.waiters.length > 0) {
      try {
        const result = await this.next();
        this.waiters.shift()?.resolve(result);
      } catch (error) {
        this.waiters.shift()?.reject(error);
      }
    }
    this.serving = false;
  }

  private async next(): Promise<GateResult> {
    const { realNow, store, key, maxWaitMs, signal } = this.options;
    for (;;) {
      const now = realNow();
      if (signal.aborted) return { kind: "later", atMs: now };
      if (this.haltedReason !== null) {
        this.haltedReason = await haltReason(store, key);
        if (this.haltedReason !== null) return { kind: "halted", reason: this.haltedReason };
      }
      if (this.blockedUntilMs > now) {
        if (this.blockedUntilMs - now > maxWaitMs) return { kind: "later", atMs: this.blockedUntilMs };
        await sleep(this.blockedUntilMs - now, undefined, { signal }).catch(() => undefined);
        continue;
      }
      // A slot half gone (this loop woke late) costs less dropped than shifted; one before a pause is void.
      while (this.slots.length > 0 && ((this.slots[0] ?? 0) < now - this.intervalMs / 2 || (this.slots[0] ?? 0) < this.blockedUntilMs)) this.slots.shift();
      // The next batch is reserved while the last slot of this one is still ahead: a slow
      // database write must not leave its first slots in the past.
      if (this.slots.length <= 1) this.reserve(now);
      if (this.slots.length === 0) {
        await this.reserving;
        if (this.reserveError !== null) {
          const error = this.reserveError;
          this.reserveError = null;
          throw error;
        }
        continue;
      }
      const slot = this.slots[0] ?? now;
      if (slot - now > maxWaitMs) {
        // Another process met a 429 and moved the shared slot far ahead.
        this.blockedUntilMs = Math.max(this.blockedUntilMs, slot);
        this.slots = [];
        return { kind: "later", atMs: slot };
      }
      if (slot - LEAD_MS > now) {
        // A 429 or a 401 that arrives meanwhile voids the slot: look again after the sleep.
        await sleep(slot - LEAD_MS - now, undefined, { signal }).catch(() => undefined);
        continue;
      }
      this.slots.shift();
      return { kind: "go", atMs: slot };
    }
  }

  /** Starts reserving the next batch unless a reservation is under way. */
  private reserve(now: number): void {
    const { store, key } = this.options;
    // From a lead time ahead, so that the first slot, too, leaves the caller its lead.
    this.reserving ??= reserveSlots(store, key, this.batch, this.intervalMs, now + LEAD_MS)
      .then((reservation) => {
        if (reservation.haltReason !== null) {
          // Another process met a 401: the slots this one holds are void too.
          this.haltedReason = reservation.haltReason;
          this.slots = [];
          return;
        }
        for (let i = 0; i < this.batch; i++) this.slots.push(reservation.startMs + i * this.intervalMs);
      })
      .catch((error: unknown) => {
        this.reserveError = error;
      })
      .finally(() => {
        this.reserving = null;
      });
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
