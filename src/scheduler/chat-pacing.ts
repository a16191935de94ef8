// Spacing per chat: ≈1 message per second to a private chat, 20 per minute to a group.
// Private chats are paced in memory (a person's rows stay with one process, see
// claimDue); groups through the shared SendPace table, because a group's budget is a
// whole minute and any process may send to it next.
import type { ChannelLimits } from "./channel.js";
import { nextFreeSlot, reserveSlots } from "./pace.js";
import type { Store } from "./raw-sql.js";

export class ChatPacing {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly paceKey: string,
    private readonly limits: ChannelLimits,
  ) {}

  /**
   * Reserves the next slot for `address`; resolves to its real epoch ms. A slot more than
   * `maxAheadMs` away is only looked at, not taken: the row waits in the database until
   * then, and taking a slot it will not use would push every later row of the chat further
   * out each time it comes back (a chat with a long queue would never be reached).
   */
  async reserve(address: string, nowMs: number, maxAheadMs = Infinity): Promise<number> {
    const spacing = this.limits.spacingMs(address);
    if (this.limits.isGroup(address)) {
      const key = `${this.paceKey}:${address}`;
      const next = await nextFreeSlot(this.store, key, nowMs);
      if (next - nowMs > maxAheadMs) return next;
      return (await reserveSlots(this.store, key, 1, spacing, nowMs)).startMs;
    }
    const slot = Math.max(nowMs, this.next.get(address) ?? 0);
    if (slot - nowMs <= maxAheadMs) this.next.set(address, slot + spacing);
    return slot;
  }

  /** Forgets chats whose spacing has long passed, so the map stays small. */
  prune(nowMs: number): void {
    for (const [address, at] of this.next) if (at < nowMs) this.next.delete(address);
  }
}
