// A local SMS gateway speaking the generic contract of ../sms-gateway.ts: checks the auth
// header, the template, each variable's 70 characters and the number; can answer 429 or
// go down (connections refused) for a while.
import type { SmsRequest } from "../sms-gateway.js";
import { FakeServer, jsonBody, type FakeReply } from "./fake-server.js";
import { RobotWindow, type WindowOptions } from "./robot-window.js";

export interface FakeSmsOptions {
  authHeader: { name: string; value: string };
  templates: readonly string[];
  /** Numbers the carrier reports as unreachable. */
  invalidNumbers?: readonly string[];
  limits?: WindowOptions;
}

export class FakeSmsGateway {
  readonly server: FakeServer;
  readonly delivered: SmsRequest[] = [];
  private readonly window: RobotWindow;

  constructor(private readonly options: FakeSmsOptions) {
    this.window = new RobotWindow({ limit: 1000, ...options.limits });
    this.server = new FakeServer((request) => this.send(request.headers, request.body));
  }

  private send(headers: Record<string, string | string[] | undefined>, body: string): FakeReply {
    const { authHeader, templates, invalidNumbers = [] } = this.options;
    if (headers[authHeader.name.toLowerCase()] !== authHeader.value) return { status: 401, json: { code: "unauthorized", message: "bad credentials" } };
    const request = jsonBody(body);
    const to = typeof request?.to === "string" ? request.to : "";
    const params = Array.isArray(request?.params) ? request.params : [];
    if (typeof request?.templateId !== "string" || !templates.includes(request.templateId)) return { status: 400, json: { code: "bad_template", message: "unknown template" } };
    if (params.some((p) => typeof p !== "string" || [...p].length > 70)) return { status: 400, json: { code: "param_too_long", message: "a variable is over 70 characters" } };
    if (!/^\+?\d{6,15}$/.test(to) || invalidNumbers.includes(to)) return { status: 400, json: { code: "invalid_phone", message: "number unreachable" } };
    if (!this.window.admit("gateway")) return { status: 429, headers: { "retry-after": "1" }, json: { code: "rate_limited" } };
    this.delivered.push({ to, templateId: request.templateId, params: params.filter((p): p is string => typeof p === "string") });
    return { json: { id: `sms-${this.delivered.length}` } };
  }
}
