// A local WeCom (企业微信) group robot API for tests and the demo: the webhook endpoint with
// WeCom's answers (93000 invalid key, 45009 over 20 per minute, 40058 too long), and a
// page showing each group's messages (GET /, refreshing itself) for the demo's pane.
import { escapeHtml } from "../../bot/html.js";
import { FakeServer, jsonBody, type FakeReply } from "./fake-server.js";
import { RobotWindow, type WindowOptions } from "./robot-window.js";

export interface WecomGroupMessage {
  key: string;
  group: string;
  msgtype: string;
  content: string;
  at: Date;
}

const LIMITS: Record<string, number> = { text: 2048, markdown: 4096 };

export class FakeWecom {
  readonly server: FakeServer;
  readonly messages: WecomGroupMessage[] = [];
  private readonly groups = new Map<string, string>();
  private readonly window: RobotWindow;

  /** `now` stamps the messages (the demo's simulated clock); the limits count real time. */
  constructor(limits: WindowOptions = {}, private readonly now: () => Date = () => new Date()) {
    this.window = new RobotWindow(limits);
    this.server = new FakeServer((request) => (request.method === "POST" ? this.send(request.url, request.body) : this.page()));
  }

  /** A group with a robot: its webhook key. */
  addRobot(key: string, group: string): void {
    this.groups.set(key, group);
  }

  private send(url: URL, body: string): FakeReply {
    const key = url.searchParams.get("key") ?? "";
    const group = this.groups.get(key);
    if (url.pathname !== "/cgi-bin/webhook/send" || group === undefined) return { json: { errcode: 93000, errmsg: "invalid webhook url, hint: [fake]" } };
    const message = jsonBody(body);
    const msgtype = typeof message?.msgtype === "string" ? message.msgtype : "";
    const part = message?.[msgtype] as { content?: unknown } | undefined;
    const limit = LIMITS[msgtype];
    if (limit === undefined || typeof part?.content !== "string" || part.content === "") return { json: { errcode: 40008, errmsg: "invalid message type" } };
    if (Buffer.byteLength(part.content, "utf8") > limit) return { json: { errcode: 40058, errmsg: `${msgtype}.content exceed max length ${limit}. invalid Request Parameter` } };
    if (!this.window.admit(key)) return { json: { errcode: 45009, errmsg: "api freq out of limit" } };
    this.messages.push({ key, group, msgtype, content: part.content, at: this.now() });
    return { json: { errcode: 0, errmsg: "ok" } };
  }

  private page(): FakeReply {
    const items = this.messages
      .map((m) => `<li><b>${escapeHtml(m.group)}</b> <small>${m.at.toISOString().slice(11, 19)}</small><pre>${escapeHtml(m.content)}</pre></li>`)
      .join("");
    return { html: `<!doctype html><meta http-equiv="refresh" content="2"><title>WeCom group (local)</title><h3>企业微信群 · local fake</h3><ul>${items}</ul>` };
  }
}
