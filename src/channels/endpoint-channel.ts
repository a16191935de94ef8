// The part every endpoint channel shares: the outbox address names an endpoint, whose
// settings are read and decrypted per send, so an admin's change applies at once. The
// provider's answer, already classified by the transport, is turned into what the
// dispatcher acts on:
//   endpoint-fault (invalid key, signature mismatch, keyword missing …): the endpoint is
//     switched off with the reason, county admins are told in Telegram, its rows dropped;
//   endpoint-blocked (WeCom 45009, DingTalk 130101 = 10 minutes, a gateway's 429): only
//     that endpoint waits. The block's end is kept in SendPace under the endpoint's own
//     key, so every process defers that endpoint's rows without knocking on it again; a
//     robot's pacing row (the one the dispatcher reserves group slots from,
//     `<paceKey>:<address>`) is moved past it too, so its newly claimed rows are deferred
//     in the database at once. The outcome is `address-limited`: the rows wait without
//     counting an attempt, and the channel goes on with every other county's endpoints.
import type { Clock } from "../clock.js";
import type { Channel, OutgoingMessage, SendOutcome } from "../scheduler/channel.js";
import { nextFreeSlot, pauseUntil } from "../scheduler/pace.js";
import type { Store } from "../scheduler/raw-sql.js";
import type { PiiKeys } from "../services/pii-crypto.js";
import type { EndpointConfig, EndpointKind } from "./endpoint-config.js";
import { endpointAddress, loadEndpoint, parseEndpointAddress, recordFault } from "./endpoints.js";

export type TransportAnswer = SendOutcome | { kind: "endpoint-fault"; reason: string } | { kind: "endpoint-blocked"; blockMs: number; reason: string };

export interface Transport {
  kind: EndpointKind;
  send(config: EndpointConfig, message: OutgoingMessage, phone: string | null): Promise<TransportAnswer>;
}

export interface EndpointChannelOptions {
  store: Store;
  clock: Clock;
  keys: PiiKeys;
  /** Called once when an endpoint is switched off (tell the county's admins). */
  onFault?: (endpointId: number, reason: string) => Promise<void>;
  /** Sends per second over all endpoints of the kind (our own bound; providers limit per robot). */
  perSecond?: number;
  /** Spacing per address: 3.1 s keeps a robot under 20 per minute. */
  spacingMs?: number;
  /** Robots are paced through the database (any process may send to one next); SMS recipients in memory. */
  sharedAddresses: boolean;
  realNow?: () => number;
}

export function createEndpointChannel(transport: Transport, options: EndpointChannelOptions): Channel {
  const { store, clock, keys } = options;
  const realNow = options.realNow ?? Date.now;
  const paceKey = `endpoint-${transport.kind}`;
  return {
    name: transport.kind,
    paceKey,
    limits: {
      perSecond: options.perSecond ?? 20,
      isGroup: () => options.sharedAddresses,
      spacingMs: () => options.spacingMs ?? 3100,
    },
    async send(address, message) {
      const parsed = parseEndpointAddress(address);
      const endpoint = parsed ? await loadEndpoint(store.db, keys, parsed.endpointId) : null;
      if (!parsed || !endpoint || endpoint.kind !== transport.kind) return { kind: "gone", reason: "channel removed or unreadable (registered under another PII_KEY?)" };
      if (!endpoint.active) return { kind: "gone", reason: "channel switched off after an error; fix it with /channels" };
      // Only the endpoint's id is in the key: no mobile lands in the pacing table.
      const blockKey = `${paceKey}:${endpointAddress(endpoint.id)}:blocked`;
      const blockedMs = (await nextFreeSlot(store, blockKey, realNow())) - realNow();
      if (blockedMs > 0) return { kind: "address-limited", retryAfterMs: blockedMs, reason: `endpoint blocked for ${blockedMs} ms more` };
      const answer = await transport.send(endpoint.config, message, parsed.phone);
      if (answer.kind === "endpoint-fault") {
        if (await recordFault(store.db, clock, endpoint.id, answer.reason)) await options.onFault?.(endpoint.id, answer.reason);
        return { kind: "gone", reason: answer.reason };
      }
      if (answer.kind === "endpoint-blocked") {
        const until = realNow() + answer.blockMs;
        await pauseUntil(store, blockKey, until);
        if (options.sharedAddresses) await pauseUntil(store, `${paceKey}:${address}`, until);
        return { kind: "address-limited", retryAfterMs: answer.blockMs, reason: answer.reason };
      }
      return answer;
    },
  };
}
