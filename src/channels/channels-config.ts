// Where the robots' APIs live. Production uses the providers' hosts; tests and the demo
// point them at local fakes on 127.0.0.1. SMS gateways are per county (registered in chat).
import { z } from "zod";
import { DINGTALK_API_ROOT } from "./dingtalk.js";
import { WECOM_API_ROOT } from "./wecom.js";

const root = (fallback: string) => z.url().default(fallback).transform((url) => url.replace(/\/+$/, ""));

const schema = z.object({
  WECOM_API_ROOT: root(WECOM_API_ROOT),
  DINGTALK_API_ROOT: root(DINGTALK_API_ROOT),
  /** Template variables (70-character segments) per SMS. */
  SMS_MAX_SEGMENTS: z.coerce.number().int().min(1).max(10).default(3),
});

export type ChannelsConfig = z.output<typeof schema>;

export function loadChannelsConfig(env: Record<string, string | undefined> = process.env): { ok: true; config: ChannelsConfig } | { ok: false; error: string } {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `Invalid configuration: ${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid"}` };
}
