// What Telegram's "gone" and "moved" answers change in our records: the Chat (and its
// Person) become inactive when blocked or deactivated (F7); an upgraded group's id is
// rewritten, with the queued rows, in one transaction (F8).
import type { Db } from "../db/client.js";
import type { RecipientDirectory } from "./channel.js";

const QUEUED = ["pending", "claimed"];

const asChatId = (address: string): bigint | null => (/^-?\d+$/.test(address) ? BigInt(address) : null);

export function telegramRecipients(db: Db): RecipientDirectory {
  return {
    async gone(channel, address, reason, at) {
      const chatId = asChatId(address);
      return db.$transaction(async (tx) => {
        if (chatId !== null) {
          const chat = await tx.chat.findUnique({ where: { telegramChatId: chatId } });
          if (chat) {
            await tx.chat.update({ where: { id: chat.id }, data: { active: false, inactiveReason: reason, inactiveSince: at } });
            if (chat.personId !== null && chat.type === "private") {
              await tx.person.update({ where: { id: chat.personId }, data: { active: false, inactiveReason: reason } });
            }
          }
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
        if (oldId !== null && newId !== null) {
          const existing = await tx.chat.findUnique({ where: { telegramChatId: newId } });
          if (existing) await tx.chat.updateMany({ where: { telegramChatId: oldId }, data: { active: false, inactiveReason: `upgraded to ${to}` } });
          else await tx.chat.updateMany({ where: { telegramChatId: oldId }, data: { telegramChatId: newId, type: "supergroup" } });
        }
        await tx.outboxMessage.updateMany({ where: { channel, address: from, state: { in: [...QUEUED, "sending"] } }, data: { address: to } });
      });
    },
  };
}
