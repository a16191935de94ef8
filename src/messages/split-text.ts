// Telegram refuses a text over 4096 characters ("message is too long", B1): a longer one
// goes out as several messages, in order. Cuts fall where a reader expects a break — between
// paragraphs, else lines, else after a sentence mark or a space, else between two graphemes —
// and never inside an HTML tag or entity, a surrogate pair or an emoji sequence. Formatting
// open at a cut is closed at the end of the part and opened again at the start of the next.
// Lengths are UTF-16 units of the raw text, never less than what Telegram counts after parsing.
import { TELEGRAM_TEXT_LIMIT } from "../scheduler/merge.js";

export interface SplitOptions {
  /** The text is in Telegram's HTML parse mode. */
  html: boolean;
  limit?: number;
}

interface Tag {
  name: string;
  /** The opening tag as written, to open it again in the next part. */
  raw: string;
}

interface Atom {
  raw: string;
  /** Visible text (a grapheme or an entity); false for a tag. */
  text: boolean;
  open?: Tag;
  close?: string;
  /** How good a cut right after this atom is: 0 never, 1 any grapheme … 4 a paragraph. */
  rank: number;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>/y;
const ENTITY = /&(?:#[xX][0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);?/y;
const SENTENCE_END = /^[\s。！？；，、：…!?;,:.]$/u;
/** The rank of the cut after the last atom: the whole rest. */
const END = 5;
/** A grapheme this long (combining marks piled up) is cut between code points instead. */
const LONGEST_GRAPHEME = 64;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The graphemes of `text`; `before` is the visible atom just ahead of it (a paragraph is two line breaks). */
function textAtoms(text: string, before: Atom | undefined): Atom[] {
  const atoms: Atom[] = [];
  let last = before;
  for (const { segment } of segmenter.segment(text)) {
    const pieces = segment.length > LONGEST_GRAPHEME ? Array.from(segment) : [segment];
    for (const raw of pieces) {
      const rank = raw.includes("\n") ? (last?.raw.includes("\n") ? 4 : 3) : SENTENCE_END.test(raw) ? 2 : 1;
      last = { raw, text: true, rank };
      atoms.push(last);
    }
  }
  return atoms;
}

function atomsOf(text: string, html: boolean): Atom[] {
  if (!html) return textAtoms(text, undefined);
  const atoms: Atom[] = [];
  let lastText: Atom | undefined;
  let plainStart = 0;
  const flushPlain = (end: number): void => {
    if (end <= plainStart) return;
    const plain = textAtoms(text.slice(plainStart, end), lastText);
    atoms.push(...plain);
    lastText = plain.at(-1) ?? lastText;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    const pattern = c === "<" ? TAG : c === "&" ? ENTITY : null;
    if (pattern === null) {
      i++;
      continue;
    }
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) {
      i++;
      continue;
    }
    flushPlain(i);
    const raw = match[0];
    if (c === "&") atoms.push((lastText = { raw, text: true, rank: 1 }));
    else if (match[1] === "/") atoms.push({ raw, text: false, close: (match[2] ?? "").toLowerCase(), rank: atoms.at(-1)?.rank ?? 0 });
    else atoms.push({ raw, text: false, open: { name: (match[2] ?? "").toLowerCase(), raw }, rank: 0 });
    i += raw.length;
    plainStart = i;
  }
  flushPlain(text.length);
  return atoms;
}

const closers = (stack: readonly Tag[]): string => stack.map((t) => `</${t.name}>`).reverse().join("");

function applyTag(stack: Tag[], atom: Atom): void {
  if (atom.open) stack.push(atom.open);
  else if (atom.close !== undefined) {
    const at = stack.map((t) => t.name).lastIndexOf(atom.close);
    if (at >= 0) stack.splice(at, 1);
  }
}

/**
 * The text as parts of at most `limit` characters each; one part when it fits. A text of
 * nothing but spaces stays one (empty) part, which Telegram refuses as such.
 */
export function splitText(text: string, options: SplitOptions): string[] {
  const limit = options.limit ?? TELEGRAM_TEXT_LIMIT;
  if (text.length <= limit) return [text];
  const atoms = atomsOf(text, options.html);
  const parts: string[] = [];
  let stack: Tag[] = [];
  let start = 0;
  while (start < atoms.length) {
    const prefix = stack.map((t) => t.raw).join("");
    const open = [...stack];
    // Each cut that fits: after atom `end`, with the tags then open closed again.
    const fits: Array<{ end: number; length: number; rank: number; stack: Tag[] }> = [];
    let length = prefix.length;
    for (let i = start; i < atoms.length; i++) {
      const atom = atoms[i] as Atom;
      length += atom.raw.length;
      if (length > limit && fits.length > 0) break;
      applyTag(open, atom);
      const closing = closers(open).length;
      if (length + closing <= limit || fits.length === 0) fits.push({ end: i, length, rank: i === atoms.length - 1 ? END : atom.rank, stack: [...open] });
    }
    const cut = bestCut(fits, prefix.length + (limit - prefix.length) / 2);
    const body = atoms.slice(start, cut.end + 1);
    // A part of nothing but spaces and tags would be refused as empty; its spaces are dropped.
    if (body.some((a) => a.text && a.raw.trim() !== "")) parts.push(prefix + body.map((a) => a.raw).join("") + closers(cut.stack));
    stack = cut.stack;
    start = cut.end + 1;
  }
  return parts.length > 0 ? parts : [""];
}

/** The rest when it fits; else the last cut of the best rank that still fills half a message; else the last cut there is. */
function bestCut<T extends { length: number; rank: number }>(fits: readonly T[], halfFull: number): T {
  const last = fits.at(-1) as T;
  if (last.rank === END) return last;
  for (let rank = 4; rank >= 1; rank--) {
    const found = fits.findLast((f) => f.rank >= rank && f.length >= halfFull);
    if (found) return found;
  }
  // Not right after an opening tag, which would leave an empty element behind.
  return fits.findLast((f) => f.rank >= 1) ?? last;
}
