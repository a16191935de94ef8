// One dispatcher per endpoint kind (wecom, dingtalk, sms), on the same outbox, leases and
// retries as Telegram's. The backoff is longer than Telegram's: a county's SMS gateway or
// a robot API that is down for minutes must not exhaust a row's attempts (with these
// defaults a row keeps trying for over ten minutes before it fails). Every process that
// dispatches runs them when PII_KEY is set (the endpoints' settings are encrypted with it).
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Translate } from "../messages/translate.js";
import type { Channel } from "../scheduler/channel.js";
import { Dispatcher, type DispatcherOptions } from "../scheduler/dispatcher.js";
import type { Store } from "../scheduler/raw-sql.js";
import { optionalPiiKeys, type PiiKeys } from "../services/pii-crypto.js";
import { loadChannelsConfig } from "./channels-config.js";
import { ENDPOINT_KINDS } from "./endpoint-config.js";
import { alertCountyAdmins } from "./endpoint-alerts.js";
import { createEndpointChannel } from "./endpoint-channel.js";
import { endpointRecipients } from "./endpoint-recipients.js";
import { endpointTransports, type TransportOptions } from "./transports.js";

export const ENDPOINT_DISPATCH_DEFAULTS: Partial<DispatcherOptions> = { backoffBaseMs: 5_000, backoffMaxMs: 300_000, maxAttempts: 10 };

export interface ChannelDispatchOptions extends Omit<TransportOptions, "links"> {
  store: Store;
  clock: Clock;
  logger: Logger;
  keys: PiiKeys;
  translate: Translate;
  defaultLocale: string;
  /** The bot's username: messages that need an action link to https://t.me/<username>. */
  botUsername: string;
  /** Spacing per robot (3.1 s: under 20 per minute) and per mobile; scaled down in tests. */
  robotSpacingMs?: number;
  smsSpacingMs?: number;
  dispatcher?: Partial<DispatcherOptions>;
}

export function botLinks(translate: Translate, locale: string, botUsername: string) {
  return { botLink: `https://t.me/${botUsername}`, actionLabel: translate(locale, "channels-action-link") };
}

export function endpointChannels(options: ChannelDispatchOptions): Channel[] {
  const transports = endpointTransports({ ...options, links: botLinks(options.translate, options.defaultLocale, options.botUsername) });
  const onFault = alertCountyAdmins(options);
  return ENDPOINT_KINDS.map((kind) =>
    createEndpointChannel(transports[kind], {
      store: options.store,
      clock: options.clock,
      keys: options.keys,
      onFault,
      sharedAddresses: kind !== "sms",
      spacingMs: kind === "sms" ? options.smsSpacingMs ?? 1000 : options.robotSpacingMs ?? 3100,
    }),
  );
}

/** The dispatchers, not started: the caller starts them, triggers them on its ticks and stops them. */
export function createChannelDispatchers(options: ChannelDispatchOptions): Dispatcher[] {
  return endpointChannels(options).map(
    (channel) =>
      new Dispatcher({
        store: options.store,
        clock: options.clock,
        logger: options.logger,
        channel,
        recipients: endpointRecipients(options.store.db),
        mergedHeader: (locale, count) => options.translate(locale ?? options.defaultLocale, "reminders-merged-header", { count }),
        ...ENDPOINT_DISPATCH_DEFAULTS,
        ...options.dispatcher,
      }),
  );
}

/** Provider windows, pacing and backoff: the defaults suit production; tests scale them down. */
export type ChannelTuning = Partial<Pick<ChannelDispatchOptions, "robotSpacingMs" | "smsSpacingMs" | "wecomWaitMs" | "dingtalkBlockMs" | "timeoutMs" | "dispatcher">>;

export interface ProcessChannels {
  piiKey: string | undefined;
  store: Store;
  clock: Clock;
  logger: Logger;
  translate: Translate;
  defaultLocale: string;
  botUsername: string;
  tuning?: ChannelTuning;
  /** Where WECOM_API_ROOT, DINGTALK_API_ROOT and SMS_MAX_SEGMENTS come from. */
  env?: Record<string, string | undefined>;
}

/**
 * The endpoint dispatchers of one process (not started), or none without PII_KEY: no
 * endpoint can be registered or read without it. Throws on invalid channel settings.
 */
export function processChannelDispatchers(input: ProcessChannels): Dispatcher[] {
  const keys = optionalPiiKeys(input.piiKey);
  if (!keys) return [];
  const loaded = loadChannelsConfig(input.env);
  if (!loaded.ok) throw new Error(loaded.error);
  const { store, clock, logger, translate, defaultLocale, botUsername } = input;
  return createChannelDispatchers({ store, clock, logger, translate, defaultLocale, botUsername, ...input.tuning, keys, config: loaded.config });
}
