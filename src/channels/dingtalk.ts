// DingTalk (钉钉) custom robots with signing (加签): POST
// <root>/robot/send?access_token=…&timestamp=…&sign=…, where sign is
// urlencode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret))) and the
// timestamp is real epoch milliseconds (DingTalk refuses one more than an hour off).
import { createHmac } from "node:crypto";
import type { Transport } from "./endpoint-channel.js";
import { postJson } from "./http.js";
import { renderDingtalk, type RenderLinks } from "./render.js";
import { classifyRobot } from "./robot-answer.js";

export const DINGTALK_API_ROOT = "https://oapi.dingtalk.com";

/**
 * 310000 covers every security check (sign not match, keywords not in content, ip not
 * in whitelist, invalid timestamp); 300001/300005 an unknown or revoked token; 130101
 * "send too fast": more than 20 in a minute blocks the robot for 10 minutes.
 */
export const DINGTALK = { tokenInvalid: 300001, tokenMissing: 300005, security: 310000, tooFast: 130101 } as const;

export const DINGTALK_BLOCK_MS = 10 * 60_000;

export interface DingtalkOptions {
  apiRoot: string;
  links: RenderLinks;
  timeoutMs?: number;
  /** How long a robot waits after 130101. */
  blockMs?: number;
  realNow?: () => number;
}

export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export function dingtalkTransport(options: DingtalkOptions): Transport {
  const realNow = options.realNow ?? Date.now;
  return {
    kind: "dingtalk",
    async send(config, message) {
      if (config.kind !== "dingtalk") return { kind: "rejected", reason: "not a DingTalk robot" };
      const timestamp = realNow();
      const query = new URLSearchParams({ access_token: config.accessToken, timestamp: String(timestamp), sign: dingtalkSign(config.secret, timestamp) });
      const answer = await postJson(`${options.apiRoot}/robot/send?${query.toString()}`, renderDingtalk(message, options.links, config), { timeoutMs: options.timeoutMs ?? 15_000 });
      return answer.kind === "failed" ? answer.outcome : classifyRobot(answer.status, answer.body, {
        provider: "dingtalk",
        faults: [DINGTALK.tokenInvalid, DINGTALK.tokenMissing, DINGTALK.security],
        tooFast: DINGTALK.tooFast,
        waitMs: options.blockMs ?? DINGTALK_BLOCK_MS,
      });
    },
  };
}
