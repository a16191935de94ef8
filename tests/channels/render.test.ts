// Formats per channel (byte and character bounds, links back to the bot), what an admin
// may type as settings, DingTalk's signature against an independently computed vector.
import { test } from "node:test";
import assert from "node:assert/strict";
import { authHeader, dingtalkSecret, dingtalkToken, mobileList, wecomKey } from "../../src/channels/endpoint-config.js";
import { dingtalkSign } from "../../src/channels/dingtalk.js";
import { parseEndpointAddress } from "../../src/channels/endpoints.js";
import { htmlToMarkdown, renderDingtalk, renderSms, renderWecom, truncateBytes, WECOM_MARKDOWN_BYTES } from "../../src/channels/render.js";
import { normalizeMobile } from "../../src/channels/targets.js";

const links = { botLink: "https://t.me/duban_bot", actionLabel: "在 Telegram 中处理" };
const action = [[{ text: "签收", data: "tv:1" }]];

test("truncation counts UTF-8 bytes and never splits a character", () => {
  assert.equal(truncateBytes("督办abc", 7), "督办a");
  assert.equal(truncateBytes("督办", 5), "督");
  assert.equal(truncateBytes("短", 10), "短");
});

test("Telegram HTML becomes markdown with links and unescaped text", () => {
  assert.equal(htmlToMarkdown({ text: '<b>春耕</b> &lt;急&gt; <a href="https://x.cn/a">详情</a> <i>注</i>', html: true }), "**春耕** <急> [详情](https://x.cn/a) 注");
  assert.equal(htmlToMarkdown({ text: "<b>literal</b>", html: false }), "<b>literal</b>");
});

test("WeCom markdown stays within 2048 bytes and keeps the link back to the bot whole", () => {
  const rendered = renderWecom({ text: "督办事项".repeat(800), html: false, buttons: action }, links);
  const content = rendered.markdown.content;
  assert.ok(Buffer.byteLength(content, "utf8") <= WECOM_MARKDOWN_BYTES);
  assert.ok(content.endsWith("…\n\n[在 Telegram 中处理](https://t.me/duban_bot)"));
  assert.equal(renderWecom({ text: "无需操作", html: false }, links).markdown.content, "无需操作");
});

test("DingTalk markdown carries the keyword once, @mentions in text and in `at`", () => {
  const robot = { keyword: "督办", atMobiles: ["13800138000"] };
  const plain = renderDingtalk({ text: "春耕 今天到期", html: false }, links, robot);
  assert.equal(plain.markdown.title, "督办 春耕 今天到期");
  assert.equal(plain.markdown.text, "春耕 今天到期\n\n【督办】\n\n@13800138000");
  assert.deepEqual(plain.at, { atMobiles: ["13800138000"], isAtAll: false });
  const already = renderDingtalk({ text: "督办：春耕", html: false }, links, { keyword: "督办", atMobiles: [] });
  assert.equal(already.markdown.text, "督办：春耕");
});

test("SMS variables are 70-character segments; the bot link only where an action is needed", () => {
  assert.deepEqual(renderSms({ text: "<b>通知</b>：  明天开会", html: true }, links, 3), ["通知： 明天开会"]);
  const long = renderSms({ text: "字".repeat(300), html: false, buttons: action }, links, 2);
  assert.equal(long.length, 3);
  assert.equal([...(long[1] ?? "")].length, 70);
  assert.ok(long[1]?.endsWith("…"));
  assert.equal(long[2], "https://t.me/duban_bot");
  assert.deepEqual(renderSms({ text: "见链接", html: false, buttons: [[{ text: "官网", url: "https://x.cn" }]] }, links, 3), ["见链接"]);
});

test("DingTalk's signature matches an independently computed one", () => {
  assert.equal(dingtalkSign("SEC0123456789abcdef0123456789abcdef", 1700000000000), "hJ95/XWePTzrSwXDHEJJY1Ta0B6qiG/YMxNzB4v4U2w=");
});

test("settings typed by an admin: keys from webhook URLs, secrets, headers, mobiles", () => {
  assert.equal(wecomKey("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4"), "693a91f6-7aaa-4bc4");
  assert.equal(wecomKey("693a91f6-7aaa-4bc4"), "693a91f6-7aaa-4bc4");
  assert.equal(wecomKey("https://evil.example/?nokey=1"), null);
  assert.equal(dingtalkToken("https://oapi.dingtalk.com/robot/send?access_token=a1b2c3d4e5f60718293a"), "a1b2c3d4e5f60718293a");
  assert.equal(dingtalkSecret("SEC0123456789abcdef01"), "SEC0123456789abcdef01");
  assert.equal(dingtalkSecret("0123456789abcdef"), null);
  assert.deepEqual(authHeader("Authorization: Bearer abc"), { name: "Authorization", value: "Bearer abc" });
  assert.equal(authHeader("no header"), null);
  assert.deepEqual(mobileList("13800138000，13900139000"), ["13800138000", "13900139000"]);
  assert.deepEqual(mobileList("-"), []);
  assert.equal(mobileList("12345"), null);
  assert.equal(normalizeMobile("138 0013-8000"), "13800138000");
  assert.equal(normalizeMobile("无"), null);
});

test("endpoint addresses: a robot, or a gateway and one mobile", () => {
  assert.deepEqual(parseEndpointAddress("endpoint:7"), { endpointId: 7, phone: null });
  assert.deepEqual(parseEndpointAddress("endpoint:7:13800138000"), { endpointId: 7, phone: "13800138000" });
  assert.equal(parseEndpointAddress("12345"), null);
});
