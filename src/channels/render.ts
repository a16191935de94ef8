// One outbox message (Telegram HTML, maybe with buttons) in each channel's own format.
// Buttons cannot be pressed outside Telegram: a message that needs an action carries a
// link back to the bot instead, always after the (possibly shortened) body, so it is
// never cut off.
import type { OutgoingMessage } from "../scheduler/channel.js";

/**
 * WeCom accepts markdown.content up to 4096 bytes and text.content up to 2048 (UTF-8;
 * errcode 40058 beyond). We keep both within 2048: the older limit some deployments still
 * enforce, and a notice longer than that is unreadable in a group chat anyway.
 */
export const WECOM_MARKDOWN_BYTES = 2048;
/** DingTalk documents no firm bound; WeCom's keeps messages readable on a phone. */
export const DINGTALK_MARKDOWN_BYTES = 4096;
/** One SMS segment: 70 characters when any is Chinese (UCS-2). */
const SMS_SEGMENT_CHARS = 70;

export interface RenderLinks {
  /** https://t.me/<bot username>: where actions are done. */
  botLink: string;
  /** "在 Telegram 中处理", in the county's language. */
  actionLabel: string;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
const unescape = (text: string): string => text.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity);

/** Telegram HTML to the markdown subset WeCom and DingTalk share (bold, links, code). */
export function htmlToMarkdown(message: Pick<OutgoingMessage, "text" | "html">): string {
  if (!message.html) return message.text;
  const text = message.text
    .replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, url: string, label: string) => `[${label.replace(/<[^>]+>/g, "")}](${url})`)
    .replace(/<\/?(b|strong)>/gi, "**")
    .replace(/<\/?code>/gi, "`")
    .replace(/<[^>]+>/g, "");
  return unescape(text);
}

/** Telegram HTML to plain text; a link keeps its address in brackets. */
export function htmlToText(message: Pick<OutgoingMessage, "text" | "html">): string {
  if (!message.html) return message.text;
  const text = message.text
    .replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, url: string, label: string) => `${label.replace(/<[^>]+>/g, "")} (${url})`)
    .replace(/<[^>]+>/g, "");
  return unescape(text);
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let used = 0;
  let out = "";
  for (const char of text) {
    used += Buffer.byteLength(char, "utf8");
    if (used > maxBytes) break;
    out += char;
  }
  return out;
}

const needsAction = (message: OutgoingMessage): boolean => (message.buttons ?? []).some((row) => row.some((b) => b.url === undefined));
const urlButtons = (message: OutgoingMessage) => (message.buttons ?? []).flat().filter((b): b is { text: string; url: string } => b.url !== undefined);

/** Markdown lines after the body: URL buttons and, where a button needs Telegram, the bot. */
function markdownFooter(message: OutgoingMessage, links: RenderLinks): string[] {
  const lines = urlButtons(message).map((b) => `[${b.text}](${b.url})`);
  if (needsAction(message)) lines.push(`[${links.actionLabel}](${links.botLink})`);
  return lines;
}

/** Body shortened with "…" so that body, separator and footer fit `maxBytes`. */
function fit(body: string, footer: string, maxBytes: number): string {
  const separator = footer === "" ? "" : "\n\n";
  const room = maxBytes - Buffer.byteLength(separator + footer, "utf8");
  const shortened = Buffer.byteLength(body, "utf8") <= room ? body : `${truncateBytes(body, room - Buffer.byteLength("…", "utf8"))}…`;
  return `${shortened}${separator}${footer}`;
}

export function renderWecom(message: OutgoingMessage, links: RenderLinks): { msgtype: "markdown"; markdown: { content: string } } {
  const content = fit(htmlToMarkdown(message), markdownFooter(message, links).join("\n"), WECOM_MARKDOWN_BYTES);
  return { msgtype: "markdown", markdown: { content } };
}

export interface DingtalkMarkdown {
  msgtype: "markdown";
  markdown: { title: string; text: string };
  at: { atMobiles: string[]; isAtAll: false };
}

/**
 * DingTalk markdown: the robot's keyword must appear in the message (else 310000), and a
 * mobile is only notified when "@<mobile>" is in the text as well as in `at.atMobiles`.
 */
export function renderDingtalk(message: OutgoingMessage, links: RenderLinks, robot: { keyword: string | null; atMobiles: readonly string[] }): DingtalkMarkdown {
  const body = htmlToMarkdown(message);
  const footer = markdownFooter(message, links);
  if (robot.keyword !== null && !body.includes(robot.keyword)) footer.push(`【${robot.keyword}】`);
  if (robot.atMobiles.length > 0) footer.push(robot.atMobiles.map((m) => `@${m}`).join(" "));
  const text = fit(body, footer.join("\n\n"), DINGTALK_MARKDOWN_BYTES);
  const firstLine = htmlToText(message).split("\n").find((line) => line.trim() !== "") ?? robot.keyword ?? "";
  const short = [...firstLine.trim()].slice(0, 30).join("");
  const title = robot.keyword !== null && !short.includes(robot.keyword) ? `${robot.keyword} ${short}` : short;
  return { msgtype: "markdown", markdown: { title, text }, at: { atMobiles: [...robot.atMobiles], isAtAll: false } };
}

/**
 * SMS template variables: the plain text cut into segments of at most 70 characters,
 * at most `maxSegments` of them (the last ends in "…" when the text was longer), and the
 * bot's address as one more when an action is needed.
 */
export function renderSms(message: OutgoingMessage, links: RenderLinks, maxSegments: number): string[] {
  const chars = [...htmlToText(message).replace(/\s+/g, " ").trim()];
  const segments: string[] = [];
  for (let start = 0; start < chars.length && segments.length < maxSegments; start += SMS_SEGMENT_CHARS) {
    segments.push(chars.slice(start, start + SMS_SEGMENT_CHARS).join(""));
  }
  if (chars.length > maxSegments * SMS_SEGMENT_CHARS) {
    const last = [...(segments.pop() ?? "")];
    segments.push(`${last.slice(0, SMS_SEGMENT_CHARS - 1).join("")}…`);
  }
  if (needsAction(message)) segments.push(links.botLink);
  return segments;
}
