// When a provider refuses an endpoint (invalid key, signature mismatch, keyword missing),
// the county's admins hear it in Telegram at once, not only when they next open /channels.
import type { Clock } from "../clock.js";
import { escapeHtml } from "../bot/html.js";
import type { Translate } from "../messages/translate.js";
import { enqueue } from "../scheduler/outbox.js";
import type { Store } from "../scheduler/raw-sql.js";

export interface AlertDeps {
  store: Store;
  clock: Clock;
  translate: Translate;
  defaultLocale: string;
}

export function alertCountyAdmins(deps: AlertDeps): (endpointId: number, reason: string) => Promise<void> {
  return async (endpointId, reason) => {
    const { db } = deps.store;
    const endpoint = await db.channelEndpoint.findUnique({ where: { id: endpointId } });
    if (!endpoint) return;
    const admins = await db.membership.findMany({
      where: { regionId: endpoint.regionId, role: "admin", person: { active: true, telegramUserId: { not: null } } },
      include: { person: true },
    });
    const now = deps.clock.now();
    const rows = admins.map((m) => {
      const locale = m.person.locale ?? deps.defaultLocale;
      return {
        address: String(m.person.telegramUserId),
        kind: "channel.fault",
        payload: { text: deps.translate(locale, "channels-fault-alert", { name: escapeHtml(endpoint.name), kind: endpoint.kind, reason: escapeHtml(reason) }), html: true },
        dueAt: now,
        dedupeKey: `chfault:${endpoint.id}:${endpoint.lastErrorAt?.getTime() ?? now.getTime()}:${m.personId}`,
      };
    });
    await enqueue(deps.store, rows, now);
  };
}
