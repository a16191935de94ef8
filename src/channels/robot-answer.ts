// WeCom and DingTalk robots answer every request with HTTP 200 and { errcode, errmsg };
// each provider's codes sort into the same few outcomes.
import type { TransportAnswer } from "./endpoint-channel.js";

export interface RobotCodes {
  /** For providerMessageId: robots return no message id. */
  provider: string;
  /** Codes that mean the endpoint itself is refused (key, token, signature, keyword). */
  faults: readonly number[];
  /** The code of the per-robot rate limit, and how long the robot then waits. */
  tooFast: number;
  waitMs: number;
}

/** errcode 0 = sent, -1 (system busy) or a 5xx = try again, anything else refused. */
export function classifyRobot(status: number, body: unknown, codes: RobotCodes): TransportAnswer {
  const { errcode, errmsg } = typeof body === "object" && body !== null ? (body as { errcode?: unknown; errmsg?: unknown }) : {};
  if (status >= 500 || typeof errcode !== "number") return { kind: "retry", reason: `HTTP ${status}` };
  const reason = `${errcode} ${typeof errmsg === "string" ? errmsg : ""}`;
  if (errcode === 0) return { kind: "sent", providerMessageId: `${codes.provider}-${Date.now()}` };
  if (errcode === -1) return { kind: "retry", reason };
  if (codes.faults.includes(errcode)) return { kind: "endpoint-fault", reason };
  if (errcode === codes.tooFast) return { kind: "endpoint-blocked", blockMs: codes.waitMs, reason };
  return { kind: "rejected", reason };
}
