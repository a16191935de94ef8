// The transport of each endpoint kind, configured once: the dispatchers and the admin's
// test send use the same ones.
import type { ChannelsConfig } from "./channels-config.js";
import type { EndpointKind } from "./endpoint-config.js";
import type { Transport } from "./endpoint-channel.js";
import { dingtalkTransport } from "./dingtalk.js";
import type { RenderLinks } from "./render.js";
import { smsGatewayTransport } from "./sms-gateway.js";
import { wecomTransport } from "./wecom.js";

export interface TransportOptions {
  config: ChannelsConfig;
  links: RenderLinks;
  /** Scaled down in tests: a robot's wait after WeCom's 45009 (a minute) and DingTalk's 130101 block (10 minutes). */
  wecomWaitMs?: number;
  dingtalkBlockMs?: number;
  timeoutMs?: number;
}

export function endpointTransports(options: TransportOptions): Record<EndpointKind, Transport> {
  const { config, links } = options;
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  return {
    wecom: wecomTransport({ apiRoot: config.WECOM_API_ROOT, links, ...timeout, ...(options.wecomWaitMs !== undefined ? { limitedWaitMs: options.wecomWaitMs } : {}) }),
    dingtalk: dingtalkTransport({ apiRoot: config.DINGTALK_API_ROOT, links, ...timeout, ...(options.dingtalkBlockMs !== undefined ? { blockMs: options.dingtalkBlockMs } : {}) }),
    sms: smsGatewayTransport({ links, ...timeout, maxSegments: config.SMS_MAX_SEGMENTS }),
  };
}
