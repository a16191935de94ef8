// Spacing per chat: ≈1 message per second to a private chat, 20 per minute to a group.
// Private chats are paced in memory (a person's rows stay with one process, see
// claimDue); groups through the shared SendPace table, because a group's budget is a
// whole minute and any process may send to it next.
import type { ChannelLimits } from "./channel.js";
import { reserveSlots } from "./pace.js";
import type { Store } from "./raw-sql.js";

export class ChatPacing {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly paceKey: string,
    private readonly limits: ChannelLimits,
  ) {}

  /** Reserves the next slot for `address`; resolves to its real epoch ms. */
  async reserve(address: string, nowMs: number): Promise<number> {
    const spacing = this.limits.spacingMs(address);
    if (this.limits.isGroup(address)) {
      return (await reserveSlots(this.store, `${this.paceKey}:${address}`, 1, spacing, nowMs)).startMs;
    }
    const slot = Math.max(nowMs, this.next.get(address) ?? 0);
    this.next.set(address, slot + spacing);
    return slot;
  }

  /** Forgets chats whose spacing has long passed, so the map stays small. */
  prune(nowMs: number): void {
    for (const [address, at] of this.next) if (at < nowMs) this.next.delete(address);
  }
}
