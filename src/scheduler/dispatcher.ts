// The dispatcher: claims due outbox rows with a lease, merges each person's rows (L2),
// paces sends per chat and per token, and settles every row from the channel's answer.
// Any number of dispatchers may share one database. Ticks (node-cron) only wake it; the
// table decides what is due, so missed ticks and restarts catch up (F13).
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Channel, RecipientDirectory } from "./channel.js";
import { ChatPacing } from "./chat-pacing.js";
import { settle, type SettleContext } from "./settle.js";
import { planDeliveries, type Delivery, type MergedHeader } from "./merge.js";
import { claimDue, finish, markSending, nextDueAt, reclaimExpired, releaseClaims, retryLater } from "./outbox.js";
import { haltReason } from "./pace.js";
import type { Store } from "./raw-sql.js";
import { TokenGate } from "./token-gate.js";
import { emptyStats, type DispatchStats } from "./dispatch-stats.js";

export interface DispatcherOptions {
  store: Store;
  clock: Clock;
  channel: Channel;
  recipients: RecipientDirectory;
  logger: Logger;
  /** Lease owner name; unique per process. */
  owner?: string;
  mergedHeader?: MergedHeader;
  /** How long claimed rows stay ours before another dispatcher may take them; longer than `maxHoldMs`. */
  leaseMs?: number;
  /** Lease from "sending" on (a slot's lead time before the request): longer than the channel's per-call timeout. */
  sendingLeaseMs?: number;
  maxInFlight?: number;
  claimBatch?: number;
  /** Longest sleep between looks at the table when nothing is due and no tick comes. */
  idleMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A row that would wait longer than this for its chat or token is deferred in the database. */
  maxHoldMs?: number;
  /** Sent this long after its due time, a row is marked late (F13). */
  lateAfterMs?: number;
  reclaimEveryMs?: number;
  /** While the token is halted (401), look again this often whether an operator resumed it. */
  haltRecheckMs?: number;
  realNow?: () => number;
  onAlert?: (alert: { kind: "unauthorized"; channel: string; reason: string }) => void;
}

/** Shortest sleep between looks at the table while rows are due but held by another dispatcher. */
const MIN_POLL_MS = 250;

export function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export class Dispatcher {
  readonly owner: string;
  readonly stats: DispatchStats = emptyStats();
  private readonly options: Required<Omit<DispatcherOptions, "onAlert" | "owner">> & Pick<DispatcherOptions, "onAlert">;
  private readonly gate: TokenGate;
  private readonly pacing: ChatPacing;
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private lastReclaim = 0;
  private haltedReason: string | null = null;
  /** Addresses that changed while their rows were in memory (F8). */
  private readonly moved = new Map<string, string>();

  constructor(options: DispatcherOptions) {
    this.owner = options.owner ?? defaultOwner();
    // Every waiting delivery listens on the one abort signal.
    setMaxListeners(0, this.abort.signal);
    this.options = {
      mergedHeader: (_locale, count) => `${count} reminders:`,
      leaseMs: 60_000,
      sendingLeaseMs: 45_000,
      maxInFlight: 200,
      claimBatch: 60,
      idleMs: 5_000,
      maxAttempts: 6,
      backoffBaseMs: 2_000,
      backoffMaxMs: 300_000,
      maxHoldMs: 10_000,
      lateAfterMs: 15 * 60_000,
      reclaimEveryMs: 5_000,
      haltRecheckMs: 30_000,
      realNow: Date.now,
      ...options,
    };
    const { store, channel, realNow, maxHoldMs } = this.options;
    this.gate = new TokenGate({ store, key: channel.paceKey, perSecond: channel.limits.perSecond, maxWaitMs: maxHoldMs, realNow, signal: this.abort.signal });
    this.pacing = new ChatPacing(store, channel.paceKey, channel.limits);
  }

  /** Starts the loop in the background; errors are logged, never thrown. */
  start(): void {
    this.loop ??= this.run();
  }

  /** A tick: look at the table now instead of after the idle wait. */
  trigger(): void {
    this.wakeUp?.();
  }

  /**
   * Stops claiming at once, lets sends on the wire finish (bounded by `graceMs`), and
   * hands rows not yet started back to the queue (F15).
   */
  async stop(graceMs = 8_000): Promise<void> {
    this.abort.abort();
    this.trigger();
    await this.loop;
    await Promise.race([Promise.allSettled([...this.inFlight]), sleep(graceMs)]);
    await releaseClaims(this.options.store, this.owner).catch((err: unknown) => this.options.logger.error({ err }, "releasing claims failed"));
  }

  /** One pass: claim a batch and deliver it completely. Resolves to the rows claimed (tests, bench). */
  async runOnce(): Promise<number> {
    await this.reclaim(true);
    const claimed = await this.claimAndStart();
    await Promise.allSettled([...this.inFlight]);
    return claimed;
  }

  /** Runs passes until nothing due is left. */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.reclaim(false);
        const wait = await this.step();
        failures = 0;
        if (wait > 0) await this.idle(wait);
      } catch (err) {
        // Database down or locked (F10): back off and try again; never crash the process.
        failures++;
        this.options.logger.warn({ err, failures }, "dispatcher pass failed; retrying");
        await this.idle(Math.min(10_000, 250 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** Does one unit of work; resolves to how long to idle afterwards (0 = go on). */
  private async step(): Promise<number> {
    const { realNow, idleMs, haltRecheckMs } = this.options;
    if (this.haltedReason !== null) {
      // Halted (401): claim nothing until an operator resumes the token (F19).
      this.haltedReason = await haltReason(this.options.store, this.options.channel.paceKey);
      if (this.haltedReason !== null) return haltRecheckMs;
    }
    const blocked = this.gate.blockedUntil - realNow();
    if (blocked > 0) return Math.min(blocked, idleMs);
    const { maxInFlight, claimBatch } = this.options;
    // Claim whole batches: refilling one row per finished send would query the table for every message.
    if (maxInFlight - this.inFlight.size < Math.min(claimBatch, maxInFlight)) {
      await Promise.race([...this.inFlight]);
      return 0;
    }
    if ((await this.claimAndStart()) > 0) return 0;
    // Nothing due: sleep until the next row falls due rather than a whole idle period (L6).
    const next = await nextDueAt(this.options.store, this.options.channel.name);
    if (next === null) return idleMs;
    return Math.min(idleMs, Math.max(MIN_POLL_MS, next.getTime() - this.options.clock.now().getTime()));
  }

  private idle(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async reclaim(force: boolean): Promise<void> {
    const now = this.options.realNow();
    if (!force && now - this.lastReclaim < this.options.reclaimEveryMs) return;
    this.lastReclaim = now;
    const report = await reclaimExpired(this.options.store, this.options.clock.now());
    this.stats.reclaimed += report.released + report.resent;
    this.stats.possibleDuplicates += report.resent;
    this.stats.failed += report.failed;
    if (report.released + report.resent + report.failed > 0) this.options.logger.info({ ...report }, "expired leases reclaimed");
  }

  private async claimAndStart(): Promise<number> {
    const { store, clock, channel, leaseMs, claimBatch, maxInFlight, mergedHeader } = this.options;
    const limit = Math.min(claimBatch, maxInFlight - this.inFlight.size);
    if (limit <= 0 || this.stopping) return 0;
    const rows = await claimDue(store, { owner: this.owner, channel: channel.name, now: clock.now(), leaseMs, limit });
    for (const delivery of planDeliveries(rows, mergedHeader)) this.track(this.deliver(delivery));
    this.pacing.prune(this.options.realNow());
    return rows.length;
  }

  private track(task: Promise<void>): void {
    const tracked = task.catch((err: unknown) => this.options.logger.error({ err }, "delivery failed unexpectedly; its lease will expire"));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { store, clock, channel, realNow, maxHoldMs, sendingLeaseMs } = this.options;
    const now = clock.now();
    const expired = delivery.rows.filter((r) => r.expiresAt !== null && r.expiresAt < now);
    if (expired.length > 0) {
      this.stats.skipped += await finish(store, expired.map((r) => r.id), this.owner, "skipped", "expired before it could be sent");
      if (expired.length === delivery.rows.length) return;
      const live = delivery.rows.filter((r) => !expired.includes(r));
      for (const rest of planDeliveries(live, this.options.mergedHeader)) await this.deliver(rest);
      return;
    }
    const ids = delivery.rows.map((r) => r.id);
    const chatSlot = await this.pacing.reserve(delivery.address, realNow(), maxHoldMs);
    if (chatSlot - realNow() > maxHoldMs) {
      await retryLater(store, ids, this.owner, { at: new Date(now.getTime() + chatSlot - realNow()), error: "waiting for the chat's rate limit", countAttempt: false });
      return;
    }
    await sleep(Math.max(0, chatSlot - realNow()), undefined, { signal: this.abort.signal }).catch(() => undefined);
    if (this.stopping) return;
    const gate = await this.gate.acquire();
    if (gate.kind !== "go") {
      if (gate.kind === "halted") this.haltedReason = gate.reason;
      const wait = gate.kind === "later" ? Math.max(0, gate.atMs - realNow()) : 0;
      await retryLater(store, ids, this.owner, { at: new Date(clock.now().getTime() + wait), error: gate.kind === "halted" ? gate.reason : "token paused", countAttempt: false });
      return;
    }
    if (this.stopping) return;
    // "sending" is recorded in the slot's lead time, so no database write sits between the
    // slot and the request (a late request bunches with the next ones and meets a 429),
    // and only rows really about to go out count as possibly delivered after a crash.
    const sending = await markSending(store, ids, this.owner, new Date(clock.now().getTime() + sendingLeaseMs));
    if (sending.length === 0) return;
    const slot = await this.onTime(gate.atMs);
    if (slot === null) {
      const wait = this.stopping ? 0 : Math.max(0, this.gate.blockedUntil - realNow());
      await retryLater(store, sending, this.owner, { at: new Date(clock.now().getTime() + wait), error: "token paused", countAttempt: false });
      return;
    }
    const rows = delivery.rows.filter((r) => sending.includes(r.id));
    const address = this.moved.get(delivery.address) ?? delivery.address;
    const departedAt = realNow();
    const outcome = await channel.send(address, delivery.message);
    this.gate.answered(slot, departedAt);
    await settle(this.settleContext(), { ...delivery, address, rows }, outcome);
  }

  /**
   * Waits for the slot; a request that would leave too late (a slow "sending" write, a
   * busy event loop) takes a fresh slot first. Resolves to the slot it leaves on, or null
   * when it must not go out now: the token was paused or halted, or the dispatcher is stopping.
   */
  private async onTime(slotMs: number): Promise<number | null> {
    let slot = slotMs;
    for (;;) {
      await sleep(Math.max(0, slot - this.options.realNow()), undefined, { signal: this.abort.signal }).catch(() => undefined);
      if (this.stopping || this.gate.voided(slot)) return null;
      if (this.gate.depart(slot)) return slot;
      this.stats.reslotted++;
      const again = await this.gate.acquire(true);
      if (again.kind !== "go") return null;
      slot = again.atMs;
    }
  }

  private settleContext(): SettleContext {
    const o = this.options;
    return {
      store: o.store, clock: o.clock, channel: o.channel, recipients: o.recipients, logger: o.logger, owner: this.owner, gate: this.gate, stats: this.stats,
      maxAttempts: o.maxAttempts, backoffBaseMs: o.backoffBaseMs, backoffMaxMs: o.backoffMaxMs, lateAfterMs: o.lateAfterMs, realNow: o.realNow,
      onHalt: (reason) => {
        this.haltedReason = reason;
        o.onAlert?.({ kind: "unauthorized", channel: o.channel.name, reason });
      },
      onMoved: (from, to) => this.moved.set(from, to),
    };
  }
}
