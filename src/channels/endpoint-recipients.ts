// What "gone" means for endpoints: a switched-off or removed endpoint loses all its queued
// rows (a robot whose key was revoked reaches no one); a single mobile the SMS gateway
// cannot reach loses only its own.
import type { Db } from "../db/client.js";
import type { RecipientDirectory } from "../scheduler/channel.js";
import { dropQueued, parseEndpointAddress } from "./endpoints.js";

const QUEUED = ["pending", "claimed"];

export function endpointRecipients(db: Db): RecipientDirectory {
  return {
    async gone(channel, address, reason) {
      const parsed = parseEndpointAddress(address);
      if (!parsed) return 0;
      const endpoint = await db.channelEndpoint.findUnique({ where: { id: parsed.endpointId }, select: { active: true } });
      if (!endpoint?.active) return dropQueued(db, parsed.endpointId, `channel off: ${reason}`);
      const dropped = await db.outboxMessage.updateMany({
        where: { channel, address, state: { in: QUEUED } },
        data: { state: "dead", lastError: `recipient unreachable: ${reason}`, leaseOwner: null, leaseExpiresAt: null },
      });
      return dropped.count;
    },
    async moved(channel, from, to) {
      await db.outboxMessage.updateMany({ where: { channel, address: from, state: { in: [...QUEUED, "sending"] } }, data: { address: to } });
    },
  };
}
