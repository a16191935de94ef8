// SMS through a county's own HTTP gateway, so no provider is built in. The contract (see
// README): POST <url> with the configured auth header and
//   { "to": "<mobile>", "templateId": "<id>", "params": ["<≤70 chars>", …] }
// 2xx = accepted ({ "id": … }); 401/403 = our credentials refused; 429 = slow down
// (Retry-After seconds); 400/404/422 with { "code": "invalid_phone" } = that number
// cannot receive; other 4xx = this message refused; 5xx = try again.
import type { Transport, TransportAnswer } from "./endpoint-channel.js";
import { postJson } from "./http.js";
import { renderSms, type RenderLinks } from "./render.js";

export interface SmsGatewayOptions {
  links: RenderLinks;
  timeoutMs?: number;
  /** Template variables per message (segments of 70 characters). */
  maxSegments?: number;
}

export interface SmsRequest {
  to: string;
  templateId: string;
  params: string[];
}

const field = (body: unknown, name: string): string | undefined => {
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
};

export function classifySms(status: number, body: unknown, retryAfter: string | null): TransportAnswer {
  const reason = `HTTP ${status}${field(body, "code") ? ` ${field(body, "code")}` : ""}${field(body, "message") ? `: ${field(body, "message")}` : ""}`;
  if (status >= 200 && status < 300) return { kind: "sent", providerMessageId: field(body, "id") ?? `sms-${Date.now()}` };
  if (status === 401 || status === 403) return { kind: "endpoint-fault", reason };
  // Only this county's gateway slows down; the other counties' gateways go on.
  if (status === 429) return { kind: "endpoint-blocked", blockMs: Math.max(1, Number(retryAfter) || 60) * 1000, reason };
  if (field(body, "code") === "invalid_phone") return { kind: "gone", reason };
  if (status >= 500) return { kind: "retry", reason };
  return { kind: "rejected", reason };
}

export function smsGatewayTransport(options: SmsGatewayOptions): Transport {
  return {
    kind: "sms",
    async send(config, message, phone) {
      if (config.kind !== "sms") return { kind: "rejected", reason: "not an SMS gateway" };
      if (phone === null) return { kind: "rejected", reason: "no mobile in the address" };
      const request: SmsRequest = { to: phone, templateId: config.templateId, params: renderSms(message, options.links, options.maxSegments ?? 3) };
      const answer = await postJson(config.url, request, { headers: { [config.authHeader.name]: config.authHeader.value }, timeoutMs: options.timeoutMs ?? 15_000 });
      return answer.kind === "failed" ? answer.outcome : classifySms(answer.status, answer.body, answer.headers.get("retry-after"));
    },
  };
}
