// What becomes of the rows of one delivery after the channel answered (F2–F9, F19).
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Channel, RecipientDirectory, SendOutcome } from "./channel.js";
import type { DispatchStats } from "./dispatch-stats.js";
import type { Delivery } from "./merge.js";
import { finish, markSent, retryLater } from "./outbox.js";
import type { Store } from "./raw-sql.js";
import type { TokenGate } from "./token-gate.js";

export interface SettleContext {
  store: Store;
  clock: Clock;
  channel: Channel;
  recipients: RecipientDirectory;
  logger: Logger;
  owner: string;
  gate: TokenGate;
  stats: DispatchStats;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  lateAfterMs: number;
  realNow: () => number;
  onHalt: (reason: string) => void;
  onMoved: (from: string, to: string) => void;
}

/** Exponential backoff with jitter, so retries of many rows do not arrive together. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const later = (clock: Clock, ms: number): Date => new Date(clock.now().getTime() + ms);

export async function settle(ctx: SettleContext, delivery: Delivery, outcome: SendOutcome): Promise<void> {
  const { store, clock, owner, stats } = ctx;
  const ids = delivery.rows.map((r) => r.id);
  const attempts = Math.max(...delivery.rows.map((r) => r.attempts + 1));
  switch (outcome.kind) {
    case "sent": {
      const now = clock.now();
      stats.sent += await markSent(store, ids, owner, { providerMessageId: outcome.providerMessageId, now, lateBefore: new Date(now.getTime() - ctx.lateAfterMs) });
      stats.messages++;
      return;
    }
    case "retry":
      if (attempts >= ctx.maxAttempts) {
        stats.failed += await finish(store, ids, owner, "failed", `gave up after ${attempts} attempts: ${outcome.reason}`);
        return;
      }
      stats.retried += await retryLater(store, ids, owner, { at: later(clock, backoffMs(attempts, ctx.backoffBaseMs, ctx.backoffMaxMs)), error: outcome.reason, countAttempt: true });
      return;
    case "unknown":
      // Maybe delivered: one resend, flagged, and never a blind loop (F3).
      if (delivery.rows.some((r) => r.possibleDuplicate) || attempts >= ctx.maxAttempts) {
        stats.failed += await finish(store, ids, owner, "failed", `delivery unknown twice: ${outcome.reason}`);
        return;
      }
      stats.possibleDuplicates += await retryLater(store, ids, owner, { at: later(clock, backoffMs(1, ctx.backoffBaseMs, ctx.backoffMaxMs)), error: outcome.reason, countAttempt: true, possibleDuplicate: true });
      return;
    case "rate-limited":
      stats.rateLimited++;
      ctx.logger.warn({ retryAfterMs: outcome.retryAfterMs, channel: ctx.channel.name }, "rate limited: pausing the token");
      await ctx.gate.pause(ctx.realNow() + outcome.retryAfterMs);
      await retryLater(store, ids, owner, { at: later(clock, outcome.retryAfterMs), error: outcome.reason, countAttempt: false });
      return;
    case "address-limited":
      // Waiting for one address's own limit is not the row's fault and must not pause the token.
      stats.rateLimited++;
      await retryLater(store, ids, owner, { at: later(clock, outcome.retryAfterMs), error: outcome.reason, countAttempt: false });
      return;
    case "gone":
      stats.dead += await finish(store, ids, owner, "dead", outcome.reason);
      stats.dead += await ctx.recipients.gone(ctx.channel.name, delivery.address, outcome.reason, clock.now());
      return;
    case "moved":
      await ctx.recipients.moved(ctx.channel.name, delivery.address, outcome.newAddress);
      ctx.onMoved(delivery.address, outcome.newAddress);
      if (attempts >= ctx.maxAttempts) {
        stats.failed += await finish(store, ids, owner, "failed", outcome.reason);
        return;
      }
      stats.retried += await retryLater(store, ids, owner, { at: clock.now(), error: outcome.reason, countAttempt: true });
      return;
    case "rejected":
      stats.failed += await finish(store, ids, owner, "failed", outcome.reason);
      return;
    case "unauthorized":
      ctx.logger.error({ channel: ctx.channel.name, reason: outcome.reason }, "token refused (401): dispatching halted until an operator resumes it");
      // Several sends on the wire meet the same 401: the first one alerts.
      const first = await ctx.gate.halt(outcome.reason, clock.now());
      await retryLater(store, ids, owner, { at: clock.now(), error: outcome.reason, countAttempt: false });
      if (first) ctx.onHalt(outcome.reason);
      return;
  }
}
