// What an admin types when registering a channel, checked and reduced to the settings a
// send needs. Only the provider's key or token is kept from a pasted webhook URL: the host
// comes from configuration (WECOM_API_ROOT, DINGTALK_API_ROOT), so a pasted URL can never
// send traffic elsewhere.
export const ENDPOINT_KINDS = ["wecom", "dingtalk", "sms"] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export interface WecomConfig {
  kind: "wecom";
  key: string;
}

export interface DingtalkConfig {
  kind: "dingtalk";
  accessToken: string;
  /** The robot's signing secret (加签, "SEC…"). */
  secret: string;
  /** The robot's custom keyword (自定义关键词), added to every message that lacks it. */
  keyword: string | null;
  /** Mobiles @-mentioned in every message (e.g. the unit head). */
  atMobiles: string[];
}

export interface SmsConfig {
  kind: "sms";
  url: string;
  authHeader: { name: string; value: string };
  templateId: string;
}

export type EndpointConfig = WecomConfig | DingtalkConfig | SmsConfig;

export function isEndpointKind(value: string | undefined): value is EndpointKind {
  return (ENDPOINT_KINDS as readonly string[]).includes(value ?? "");
}

/** A parameter of a pasted webhook URL, or the text itself when it is a bare value. */
function fromUrlOrBare(text: string, parameter: string): string {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed).searchParams.get(parameter) ?? "";
  } catch {
    return "";
  }
}

/** A WeCom robot's key from its webhook URL (…/cgi-bin/webhook/send?key=…) or the bare key. */
export function wecomKey(text: string): string | null {
  const key = fromUrlOrBare(text, "key");
  return /^[A-Za-z0-9-]{8,80}$/.test(key) ? key : null;
}

/** A DingTalk robot's access token from its webhook URL (…/robot/send?access_token=…) or the bare token. */
export function dingtalkToken(text: string): string | null {
  const token = fromUrlOrBare(text, "access_token");
  return /^[A-Za-z0-9]{16,128}$/.test(token) ? token : null;
}

export function dingtalkSecret(text: string): string | null {
  const secret = text.trim();
  return /^SEC[A-Za-z0-9]{16,128}$/.test(secret) ? secret : null;
}

/** "-" (or nothing) means none. */
export function optionalKeyword(text: string): string | null {
  const keyword = text.trim();
  return keyword === "" || keyword === "-" ? null : keyword.slice(0, 20);
}

/** Mainland mobiles, comma or space separated; "-" for none. Null when any is malformed. */
export function mobileList(text: string): string[] | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "-") return [];
  const mobiles = trimmed.split(/[\s,，、]+/).filter((m) => m !== "");
  return mobiles.every((m) => /^1\d{10}$/.test(m)) ? mobiles : null;
}

export function gatewayUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** "Authorization: Bearer abc" → the header to send with each request. */
export function authHeader(text: string): { name: string; value: string } | null {
  const match = /^\s*([A-Za-z0-9-]{1,64})\s*:\s*(\S.{0,500})$/.exec(text);
  return match?.[1] && match[2] ? { name: match[1], value: match[2].trim() } : null;
}

export function templateId(text: string): string | null {
  const id = text.trim();
  return /^[A-Za-z0-9_.-]{1,64}$/.test(id) ? id : null;
}

/** The part of the main secret shown in lists: its last four characters. */
export function secretHint(config: EndpointConfig): string {
  const secret = config.kind === "wecom" ? config.key : config.kind === "dingtalk" ? config.accessToken : config.authHeader.value;
  return secret.slice(-4);
}

/** A number as SMS gateways take it: digits, optionally with a leading + and country code. */
export function isMobile(text: string): boolean {
  return /^\+?\d{6,15}$/.test(text);
}
