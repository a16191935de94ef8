// WeCom (企业微信) group robots: POST <root>/cgi-bin/webhook/send?key=<key> with a markdown
// message; every answer is HTTP 200 with { errcode, errmsg }.
import type { Transport } from "./endpoint-channel.js";
import { postJson } from "./http.js";
import { renderWecom, type RenderLinks } from "./render.js";
import { classifyRobot } from "./robot-answer.js";

export const WECOM_API_ROOT = "https://qyapi.weixin.qq.com";

/** WeCom's documented error codes that concern us. */
export const WECOM = { invalidKey: 93000, tooFast: 45009 } as const;

export interface WecomOptions {
  apiRoot: string;
  links: RenderLinks;
  timeoutMs?: number;
  /** WeCom counts 20 per robot per minute: after a 45009 the robot waits this long. */
  limitedWaitMs?: number;
}

export function wecomTransport(options: WecomOptions): Transport {
  return {
    kind: "wecom",
    async send(config, message) {
      if (config.kind !== "wecom") return { kind: "rejected", reason: "not a WeCom robot" };
      const url = `${options.apiRoot}/cgi-bin/webhook/send?key=${encodeURIComponent(config.key)}`;
      const answer = await postJson(url, renderWecom(message, options.links), { timeoutMs: options.timeoutMs ?? 15_000 });
      return answer.kind === "failed" ? answer.outcome : classifyRobot(answer.status, answer.body, { provider: "wecom", faults: [WECOM.invalidKey], tooFast: WECOM.tooFast, waitMs: options.limitedWaitMs ?? 60_000 });
    },
  };
}
