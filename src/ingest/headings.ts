// Bare headings: web pages print bold sub-headings (压紧压实防火责任) as short lines of
// their own, with no enumeration marker. Two or more of them in one speaker's group,
// each followed by a longer paragraph of body text, are the items of a list.
import type { Span } from "./segments.js";

const MAX_HEADING = 25;
// A heading is a phrase, not a sentence: no sentence or clause punctuation inside.
const SENTENCE_PUNCT = /[。!?;,:“”"]/;

/** A short phrase standing as a line of its own (a heading, or the title on a marker's line). */
export function isHeadingLine(text: string): boolean {
  const phrase = text.replace(/:$/, "");
  return phrase.length >= 4 && phrase.length <= MAX_HEADING && !SENTENCE_PUNCT.test(phrase) && !/\d{1,2}月\d{1,2}日|\d{4}年/.test(phrase);
}

/**
 * The paragraphs (indices into `paras`) of a group that are bare headings: a heading
 * line not opening with a marker, directly followed by a longer paragraph that is not a
 * heading. Fewer than two make no list, so none are returned.
 */
export function headingParagraphs(ana: string, paras: Span[], groupParas: number[], opensWithMarker: (p: number) => boolean): number[] {
  const text = (p: number) => {
    const span = paras[p];
    return span ? ana.slice(span.start, span.end).trim() : "";
  };
  const found = groupParas.filter((p, k) => {
    const next = groupParas[k + 1];
    if (k === 0 || next === undefined || opensWithMarker(p) || !isHeadingLine(text(p))) return false;
    const body = text(next);
    return !isHeadingLine(body) && body.length > text(p).length && /[。!?;]/.test(body);
  });
  return found.length >= 2 ? found : [];
}
