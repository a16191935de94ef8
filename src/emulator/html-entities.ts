// Telegram's HTML parse_mode, following TDLib's parser (td/telegram/MessageEntity.cpp)
// closely enough that a text Telegram rejects is rejected here with the same words,
// and a text it accepts yields the same plain text and entity offsets (UTF-16 units).
import { BotApiError } from "./errors.js";
import type { MessageEntity } from "./types.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const TAG_TYPES: Readonly<Record<string, string>> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

function parseError(detail: string): BotApiError {
  return new BotApiError(400, `Bad Request: can't parse entities: ${detail}`);
}

/** Decodes the entity at `pos` (which holds "&"); returns null when TDLib keeps it literally. */
function decodeEntity(text: string, pos: number): { char: string; end: number } | null {
  let end = pos + 1;
  let code = 0;
  if (text[end] === "#") {
    end++;
    const hex = text[end] === "x";
    if (hex) end++;
    const digit = hex ? /^[0-9A-Fa-f]$/ : /^[0-9]$/;
    while (text[end] !== undefined && digit.test(text[end] as string)) {
      code = code * (hex ? 16 : 10) + parseInt(text[end] as string, 16);
      end++;
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (isAlpha(text[end])) end++;
    const named = NAMED_ENTITIES[text.slice(pos + 1, end)];
    if (named === undefined) return null;
    code = named.charCodeAt(0);
  }
  if (text[end] === ";") end++;
  return { char: String.fromCodePoint(code), end };
}

/** Reads one attribute value (quoted or a name token) starting at `pos`. */
function readAttributeValue(text: string, pos: number): { value: string; end: number } | "bad-token" {
  const quote = text[pos];
  if (quote !== '"' && quote !== "'") {
    let end = pos;
    while (end < text.length && /^[A-Za-z0-9.-]$/.test(text[end] as string)) end++;
    if (end < text.length && !isSpace(text[end]) && text[end] !== ">") return "bad-token";
    return { value: text.slice(pos, end).toLowerCase(), end };
  }
  let value = "";
  let i = pos + 1;
  while (i < text.length && text[i] !== quote) {
    const decoded = text[i] === "&" ? decodeEntity(text, i) : null;
    if (decoded) {
      value += decoded.char;
      i = decoded.end;
    } else {
      value += text[i];
      i++;
    }
  }
  if (text[i] === quote) i++;
  return { value, end: i };
}

/** The argument a tag's attribute contributes (href, language, spoiler class, emoji id). */
function tagArgument(tag: string, name: string, value: string): string | null {
  if (tag === "a" && name === "href") return value;
  if (tag === "code" && name === "class" && value.startsWith("language-")) return value.slice(9);
  if (tag === "span" && name === "class" && value.startsWith("tg-")) return value.slice(3);
  if (tag === "tg-emoji" && name === "emoji-id") return value;
  return null;
}

/** Parses a start tag at `begin` ("<" position); returns the open tag and the index after ">". */
function parseStartTag(text: string, begin: number, offset: number, byteAt: (i: number) => number): { tag: OpenTag; end: number } {
  let i = begin + 1;
  while (i < text.length && !isSpace(text[i]) && text[i] !== ">") i++;
  if (i >= text.length) throw parseError(`Unclosed start tag at byte offset ${byteAt(begin)}`);
  const name = text.slice(begin + 1, i).toLowerCase();
  if (TAG_TYPES[name] === undefined) {
    throw parseError(`Unsupported start tag "${name}" at byte offset ${byteAt(begin)}`);
  }
  let argument = "";
  while (text[i] !== ">") {
    while (i < text.length && isSpace(text[i])) i++;
    if (text[i] === ">") break;
    const attrBegin = i;
    while (i < text.length && !isSpace(text[i]) && text[i] !== "=" && text[i] !== ">") i++;
    const attr = text.slice(attrBegin, i);
    if (attr === "") throw parseError(`Empty attribute name in the tag "${name}" at byte offset ${byteAt(begin)}`);
    while (i < text.length && isSpace(text[i])) i++;
    if (text[i] !== "=") {
      if (name === "blockquote" && attr === "expandable") {
        argument = "expandable";
        continue;
      }
      throw parseError(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteAt(begin)}`);
    }
    i++;
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) throw parseError(`Unclosed start tag "${name}" at byte offset ${byteAt(begin)}`);
    const read = readAttributeValue(text, i);
    if (read === "bad-token") throw parseError(`Unexpected end of name token at byte offset ${byteAt(i)}`);
    i = read.end;
    if (i >= text.length) throw parseError(`Unclosed start tag at byte offset ${byteAt(begin)}`);
    argument = tagArgument(name, attr, read.value) ?? argument;
  }
  if (name === "span" && argument !== "spoiler") {
    throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
  }
  return { tag: { name, argument, offset }, end: i + 1 };
}

function closedEntity(open: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | null {
  const length = end - open.offset;
  if (length <= 0) return null;
  const base = { offset: open.offset, length };
  switch (open.name) {
    case "a":
      return open.argument === "" ? null : { type: "text_link", ...base, url: open.argument };
    case "pre":
      return { type: "pre", ...base, ...(open.argument ? { language: open.argument } : {}) };
    case "code":
      // <pre><code class="language-x"> is one pre entity carrying the language.
      if (parent?.name === "pre" && parent.offset === open.offset) {
        parent.argument ||= open.argument;
        return null;
      }
      return { type: "code", ...base };
    case "blockquote":
      return { type: open.argument === "expandable" ? "expandable_blockquote" : "blockquote", ...base };
    case "tg-emoji":
      return { type: "custom_emoji", ...base, custom_emoji_id: open.argument };
    default:
      return { type: TAG_TYPES[open.name] as string, ...base };
  }
}

/** Parses `html` the way Telegram does for parse_mode "HTML"; throws BotApiError 400 on bad markup. */
export function parseHtml(html: string): FormattedText {
  const byteAt = (i: number): number => Buffer.byteLength(html.slice(0, i));
  const open: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const c = html[i] as string;
    if (c === "&") {
      const decoded = decodeEntity(html, i);
      if (decoded) {
        text += decoded.char;
        i = decoded.end;
        continue;
      }
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    if (html[i + 1] !== "/") {
      const { tag, end } = parseStartTag(html, i, text.length, byteAt);
      open.push(tag);
      i = end;
      continue;
    }
    const top = open.pop();
    if (!top) throw parseError(`Unexpected end tag at byte offset ${byteAt(i)}`);
    let j = i + 2;
    while (j < html.length && !isSpace(html[j]) && html[j] !== ">") j++;
    const endName = html.slice(i + 2, j).toLowerCase();
    while (j < html.length && isSpace(html[j])) j++;
    if (html[j] !== ">") throw parseError(`Unclosed end tag at byte offset ${byteAt(i)}`);
    if (endName !== "" && endName !== top.name) {
      throw parseError(`Unmatched end tag at byte offset ${byteAt(i)}, expected "</${top.name}>", found "</${endName}>"`);
    }
    const entity = closedEntity(top, text.length, open[open.length - 1]);
    if (entity) entities.push(entity);
    i = j + 1;
  }
  const unclosed = open[open.length - 1];
  if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}
