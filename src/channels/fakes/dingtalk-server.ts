// A local DingTalk (钉钉) custom robot API: checks the token, the signature (timestamp
// within an hour, HmacSHA256 as DingTalk specifies), the keyword, and the limit of 20 per
// minute with the 10-minute block, answering with DingTalk's error codes.
import { dingtalkSign } from "../dingtalk.js";
import { FakeServer, jsonBody, type FakeReply } from "./fake-server.js";
import { RobotWindow, type WindowOptions } from "./robot-window.js";

export interface DingtalkRobot {
  secret: string;
  keyword?: string;
}

export interface DingtalkGroupMessage {
  token: string;
  title: string;
  text: string;
  atMobiles: string[];
}

const HOUR_MS = 3_600_000;

export class FakeDingtalk {
  readonly server: FakeServer;
  readonly messages: DingtalkGroupMessage[] = [];
  private readonly robots = new Map<string, DingtalkRobot>();
  private readonly window: RobotWindow;

  constructor(limits: WindowOptions = {}) {
    this.window = new RobotWindow({ blockMs: 10 * 60_000, ...limits });
    this.server = new FakeServer((request) => this.send(request.url, request.body));
  }

  addRobot(token: string, robot: DingtalkRobot): void {
    this.robots.set(token, robot);
  }

  private send(url: URL, body: string): FakeReply {
    const token = url.searchParams.get("access_token") ?? "";
    const robot = this.robots.get(token);
    if (url.pathname !== "/robot/send" || robot === undefined) return { json: { errcode: 300001, errmsg: "token is not exist" } };
    const timestamp = Number(url.searchParams.get("timestamp"));
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > HOUR_MS) return { json: { errcode: 310000, errmsg: "invalid timestamp" } };
    if (url.searchParams.get("sign") !== dingtalkSign(robot.secret, timestamp)) {
      return { json: { errcode: 310000, errmsg: "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]" } };
    }
    const message = jsonBody(body);
    const markdown = message?.markdown as { title?: unknown; text?: unknown } | undefined;
    const at = message?.at as { atMobiles?: unknown } | undefined;
    if (message?.msgtype !== "markdown" || typeof markdown?.title !== "string" || typeof markdown.text !== "string") return { json: { errcode: 40035, errmsg: "缺少参数 json" } };
    if (robot.keyword !== undefined && !`${markdown.title}${markdown.text}`.includes(robot.keyword)) return { json: { errcode: 310000, errmsg: "keywords not in content" } };
    if (!this.window.admit(token)) return { json: { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" } };
    const atMobiles = Array.isArray(at?.atMobiles) ? at.atMobiles.filter((m): m is string => typeof m === "string") : [];
    this.messages.push({ token, title: markdown.title, text: markdown.text, atMobiles });
    return { json: { errcode: 0, errmsg: "ok" } };
  }
}
