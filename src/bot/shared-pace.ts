// The bot's replies and the outbox dispatcher send with one token, and Telegram counts them
// against one budget (about 30 messages a second). Each reply takes the token's next send slot
// from the shared SendPace row, as the dispatcher's sends do, so people writing during a
// broadcast are not answered with 429s: the broadcast makes room instead (L4). A reply waits
// at most `maxWaitMs` for its slot (after a long 429 it goes anyway, and auto-retry handles it).
import { setTimeout as sleep } from "node:timers/promises";
import type { Transformer } from "grammy";
import { reserveSlots } from "../scheduler/pace.js";
import type { Store } from "../scheduler/raw-sql.js";

/** The calls Telegram counts against the token's rate. */
const SENDS = new Set(["sendMessage", "sendDocument", "sendPhoto", "sendMediaGroup", "sendVideo", "sendAudio", "sendVoice", "sendAnimation", "sendSticker", "copyMessage", "forwardMessage"]);

export function sharedTokenPace(store: Store, key: string, perSecond: number, maxWaitMs = 5000): Transformer {
  const intervalMs = 1000 / perSecond;
  return async (prev, method, payload, signal) => {
    if (SENDS.has(method)) {
      const now = Date.now();
      // Without the database the reply still goes: pacing is a courtesy, the answer is the point.
      const slot = await reserveSlots(store, key, 1, intervalMs, now).catch(() => null);
      const wait = slot === null ? 0 : Math.min(slot.startMs - now, maxWaitMs);
      if (wait > 0) await sleep(wait);
    }
    return prev(method, payload, signal);
  };
}
