// What Telegram's "gone" and "moved" answers change in our records. The chat state itself
// belongs to src/services/chats.ts (the bot's my_chat_member and migration messages change
// it too); here it is changed together with the queued rows, in one transaction: a blocked
// or deactivated recipient turns inactive (F7), an upgraded group moves to its new id with
// its subscriptions (F8).
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { migrateChatIn, setChatActiveIn } from "../services/chats.js";
import type { RecipientDirectory } from "./channel.js";

const QUEUED = ["pending", "claimed"];

const asChatId = (address: string): number | null => (/^-?\d+$/.test(address) ? Number(address) : null);

export function telegramRecipients(db: Db, clock: Clock): RecipientDirectory {
  return {
    async gone(channel, address, reason, at) {
      const chatId = asChatId(address);
      return db.$transaction(async (tx) => {
        // Only a chat Duban knows is marked; an unknown address has no record to keep.
        if (chatId !== null && (await tx.chat.count({ where: { telegramChatId: BigInt(chatId) } })) > 0) {
          await setChatActiveIn(tx, { now: () => at }, chatId, false, reason);
        }
        const dropped = await tx.outboxMessage.updateMany({
          where: { channel, address, state: { in: QUEUED } },
          data: { state: "dead", lastError: `recipient inactive: ${reason}`, leaseOwner: null, leaseExpiresAt: null },
        });
        return dropped.count;
      });
    },
    async moved(channel, from, to) {
      const [oldId, newId] = [asChatId(from), asChatId(to)];
      await db.$transaction(async (tx) => {
        if (oldId !== null && newId !== null) await migrateChatIn(tx, clock, oldId, newId);
        await tx.outboxMessage.updateMany({ where: { channel, address: from, state: { in: [...QUEUED, "sending"] } }, data: { address: to } });
      });
    },
  };
}
