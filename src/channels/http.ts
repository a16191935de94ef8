// One JSON POST to a provider, with network failures sorted the way the dispatcher needs:
// refused before connecting = safe to retry; lost or timed out after writing = maybe
// delivered (`unknown`, resent at most once).
import type { SendOutcome } from "../scheduler/channel.js";

export type HttpAnswer = { kind: "answered"; status: number; body: unknown; headers: Headers } | { kind: "failed"; outcome: SendOutcome };

const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export async function postJson(url: string, body: unknown, options: { headers?: Record<string, string>; timeoutMs: number }): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { kind: "answered", status: response.status, body: parsed, headers: response.headers };
  } catch (error) {
    const code = causeCode(error);
    const reason = `${error instanceof Error ? error.name : "error"}${code ? ` (${code})` : ""}`;
    return { kind: "failed", outcome: code !== undefined && NOT_CONNECTED.has(code) ? { kind: "retry", reason } : { kind: "unknown", reason } };
  }
}

