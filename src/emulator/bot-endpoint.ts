// One Bot API call over HTTP: latency, injected faults, authentication, the method
// itself and the journal entry, answered in Telegram's {ok, result | error_code} shape.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { SEND_METHODS, callMethod } from "./bot-api.js";
import type { EmulatorCore } from "./core.js";
import { BotApiError, tooManyRequests, unauthorized } from "./errors.js";
import type { FaultRule } from "./faults.js";
import { readBody, readParams, sendJson } from "./http.js";
import { loggableParams } from "./journal.js";
import type { Params } from "./params.js";

interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

function failure(error: unknown): Outcome {
  const apiError = error instanceof BotApiError ? error : new BotApiError(500, "Internal Server Error");
  return {
    status: apiError.code,
    body: {
      ok: false,
      error_code: apiError.code,
      description: apiError.description,
      ...(apiError.parameters ? { parameters: apiError.parameters } : {}),
    },
  };
}

async function run(core: EmulatorCore, token: string, method: string, params: Params): Promise<Outcome> {
  try {
    const bot = core.state.botForToken(token);
    if (!bot) throw unauthorized();
    const result = await callMethod(method, { state: core.state, flood: core.flood, bot, params });
    return { status: 200, body: { ok: true, result } };
  } catch (error) {
    return failure(error);
  }
}

/** What an injected fault answers, or "pass" when the call should then go through normally. */
async function applyFault(rule: FaultRule): Promise<Outcome | "pass" | "hang" | "reset"> {
  switch (rule.kind) {
    case "delay":
      await sleep(rule.delayMs ?? 1000);
      return "pass";
    case "5xx": {
      const status = rule.status ?? 500;
      return failure(new BotApiError(status, status === 502 ? "Bad Gateway" : "Internal Server Error"));
    }
    case "429":
      return failure(tooManyRequests(rule.retryAfter ?? 5));
    case "401":
      return failure(unauthorized());
    case "hang":
      return "hang";
    case "reset":
      return "reset";
  }
}

function faultChatId(params: Params): number | undefined {
  const value = Number(params["chat_id"]);
  return Number.isFinite(value) ? value : undefined;
}

export async function handleBotCall(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, token: string, method: string, url: URL): Promise<void> {
  let params: Params;
  try {
    params = await readParams(req, url, await readBody(req));
  } catch {
    sendJson(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse request body" });
    return;
  }
  if (core.latencyMs > 0) await sleep(core.latencyMs);
  const botId = Number(token.split(":")[0]) || null;
  const record = (status: number, response: unknown, delivered: boolean): void =>
    core.journal.record({ botId, method, params: loggableParams(params), status, response }, delivered && SEND_METHODS.has(method.toLowerCase()));

  const rule = core.faults.match(method, faultChatId(params));
  const fault = rule ? await applyFault(rule) : "pass";
  if (rule && fault !== "pass") core.journal.countFault();
  if (fault === "hang") {
    record(0, "hang", false);
    return;
  }
  if (fault === "reset") {
    // With `applied`, the call takes effect (a message is delivered) and only the answer is lost.
    const outcome = rule?.applied ? await run(core, token, method, params) : null;
    record(0, "connection reset", outcome?.status === 200);
    req.socket.destroy();
    return;
  }
  const outcome = fault === "pass" ? await run(core, token, method, params) : fault;
  record(outcome.status, outcome.body, outcome.status === 200);
  sendJson(res, outcome.status, outcome.body);
}
