// Telegram's answers sorted into what the dispatcher does about them (F3–F9, F19).
// Texts follow the Bot API's own wording (../shared/docs/reliability.md).
import { GrammyError, HttpError } from "grammy";
import type { SendOutcome } from "./channel.js";

/** Network errors raised before a connection existed: the request cannot have arrived. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function networkCode(error: HttpError): string | undefined {
  const inner = error.error as { code?: unknown; errno?: unknown; cause?: { code?: unknown } } | null;
  const code = inner?.code ?? inner?.cause?.code ?? inner?.errno;
  return typeof code === "string" ? code : undefined;
}

function classifyApiError(error: GrammyError): SendOutcome {
  const reason = `${error.error_code} ${error.description}`;
  const description = error.description.toLowerCase();
  if (error.error_code === 429) return { kind: "rate-limited", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000, reason };
  if (error.error_code === 401) return { kind: "unauthorized", reason };
  if (error.parameters.migrate_to_chat_id !== undefined) return { kind: "moved", newAddress: String(error.parameters.migrate_to_chat_id), reason };
  if (error.error_code === 403 && /blocked by the user|user is deactivated/.test(description)) return { kind: "gone", reason };
  if (error.error_code >= 500) return { kind: "retry", reason };
  return { kind: "rejected", reason };
}

export function classifyTelegramError(error: unknown): SendOutcome {
  if (error instanceof GrammyError) return classifyApiError(error);
  if (error instanceof HttpError) {
    const code = networkCode(error);
    const reason = `${error.message}${code ? ` (${code})` : ""}`;
    return code !== undefined && NOT_CONNECTED.has(code) ? { kind: "retry", reason } : { kind: "unknown", reason };
  }
  return { kind: "unknown", reason: error instanceof Error ? error.message : String(error) };
}
