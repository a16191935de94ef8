// One bot's pending updates: getUpdates long polling with offsets, allowed_updates
// filtering, the one-poller rule (409) and webhook delivery, one update at a time.
import { pollingConflict, webhookConflict } from "./errors.js";
import { type TgUpdate, type UpdateKind, type UpdatePayload, updateKind } from "./types.js";

/** Telegram's default when allowed_updates was never set: everything but chat_member (and reactions). */
const DEFAULT_KINDS: readonly UpdateKind[] = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "callback_query",
  "my_chat_member",
];

export interface Webhook {
  url: string;
  secretToken?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface ActivePoll {
  finish: (error?: Error) => void;
}

export interface QueueOptions {
  /** Pause before re-delivering an update the webhook refused. */
  retryMs: number;
  /** How long one delivery may take before it counts as failed. */
  timeoutMs: number;
  /** Seconds since the epoch on the simulated clock, for last_error_date. */
  nowSeconds: () => number;
  /**
   * The next update_id. Shared and never reset, so a bot still polling with a high
   * offset after the emulator was reset does not skip the new updates.
   */
  nextUpdateId: () => number;
}

export class UpdateQueue {
  private pending: TgUpdate[] = [];
  private allowed: readonly UpdateKind[] = DEFAULT_KINDS;
  private poll: ActivePoll | null = null;
  private waiters = new Set<() => void>();
  private delivering = false;
  private closed = false;
  webhook: Webhook | null = null;

  constructor(private readonly options: QueueOptions) {}

  push(payload: UpdatePayload): void {
    if (!this.allowed.includes(updateKind(payload))) return;
    this.pending.push({ update_id: this.options.nextUpdateId(), ...payload });
    for (const wake of this.waiters) wake();
    this.deliver();
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Persists allowed_updates the way Telegram does: an empty list restores the default. */
  setAllowed(kinds: readonly string[] | undefined): void {
    if (kinds === undefined) return;
    this.allowed = kinds.length === 0 ? DEFAULT_KINDS : (kinds as UpdateKind[]);
  }

  dropPending(): void {
    this.pending = [];
  }

  /**
   * getUpdates: confirms everything below `offset`, then answers with what is pending,
   * waiting up to `timeoutSec` for something to arrive. A newer poll ends this one with 409.
   */
  async getUpdates(offset: number, limit: number, timeoutSec: number): Promise<TgUpdate[]> {
    if (this.webhook) throw webhookConflict();
    this.poll?.finish(pollingConflict());
    this.confirm(offset);
    if (this.pending.length > 0 || timeoutSec <= 0 || this.closed) return this.pending.slice(0, limit);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(), timeoutSec * 1000);
      const done = (error?: Error): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        if (this.poll === poll) this.poll = null;
        if (error) reject(error);
        else resolve();
      };
      const wake = (): void => done();
      const poll: ActivePoll = { finish: done };
      this.poll = poll;
      this.waiters.add(wake);
    });
    return this.pending.slice(0, limit);
  }

  setWebhook(webhook: Webhook | null): void {
    this.webhook = webhook;
    this.deliver();
  }

  /** Ends any waiting poll and stops webhook delivery, for shutdown or reset. */
  close(): void {
    this.closed = true;
    this.webhook = null;
    this.poll?.finish();
  }

  private confirm(offset: number): void {
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);
  }

  private deliver(): void {
    if (this.delivering || !this.webhook || this.pending.length === 0) return;
    this.delivering = true;
    void this.deliverLoop().finally(() => {
      this.delivering = false;
    });
  }

  private async deliverLoop(): Promise<void> {
    for (let webhook = this.webhook, update = this.pending[0]; webhook && update; webhook = this.webhook, update = this.pending[0]) {
      const error = await this.post(webhook, update);
      if (error === null) {
        this.pending = this.pending.filter((u) => u !== update);
        continue;
      }
      webhook.lastErrorDate = this.options.nowSeconds();
      webhook.lastErrorMessage = error;
      await new Promise((resolve) => setTimeout(resolve, this.options.retryMs));
    }
  }

  /** POSTs one update; returns null on a 2xx answer, else Telegram's error wording. */
  private async post(webhook: Webhook, update: TgUpdate): Promise<string | null> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (webhook.secretToken) headers["x-telegram-bot-api-secret-token"] = webhook.secretToken;
    try {
      const response = await fetch(webhook.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer();
      return response.ok ? null : `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    } catch (error) {
      return `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
