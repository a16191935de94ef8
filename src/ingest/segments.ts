// Paragraph, sentence and clause spans over the analysis view.

export interface Span {
  start: number;
  end: number;
}

export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

const SENTENCE_END = /[。!?！？\n]/;
const CLOSING = /[”’"』」)]/;

/** Sentences of text[start, end), each ending after its full stop (and a closing quote). */
export function sentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!SENTENCE_END.test(text[i] ?? "")) continue;
    let stop = i + 1;
    while (stop < end && CLOSING.test(text[stop] ?? "")) stop++;
    if (text.slice(from, stop).trim() !== "") spans.push(trimSpan(text, { start: from, end: stop }));
    from = stop;
    i = stop - 1;
  }
  if (from < end && text.slice(from, end).trim() !== "") spans.push(trimSpan(text, { start: from, end }));
  return spans;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

/** Clauses of a sentence, split after , ; : (the separator stays with the clause before it). */
export function clauses(text: string, span: Span): Span[] {
  const spans: Span[] = [];
  let from = span.start;
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i] ?? "";
    if (ch === "“" || ch === "(") depth++;
    else if ((ch === "”" || ch === ")") && depth > 0) depth--;
    else if (depth === 0 && /[,;:]/.test(ch)) {
      spans.push({ start: from, end: i + 1 });
      from = i + 1;
    }
  }
  if (from < span.end) spans.push({ start: from, end: span.end });
  return spans;
}
