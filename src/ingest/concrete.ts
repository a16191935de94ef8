// Whether an exhortation assigns concrete work: it names an organisation as its actor,
// or sets a date or a rhythm. In a report that enumerates its directives, a lone
// exhortation elsewhere (他强调, 会议要求) is kept only when it is concrete, because the
// generic ones (要切实扛起责任, 干部要爱岗敬业) restate the lists as commentary.
import { findDeadline } from "./deadlines.js";
import { findRecurrences } from "./recurrence.js";
import type { Span } from "./segments.js";
import { sentenceActors } from "./units.js";

// Exhortations address people in roles (干部要爱岗敬业) and everyone at once (各级各部门,
// 各有关部门); work is assigned to a named body.
const GENERIC_ACTOR = /(干部|领导|工作者|人员|同志|各级|各地|各部门|有关部门|相关部门)$/;

export function isConcrete(ana: string, sentence: Span): boolean {
  const text = ana.slice(sentence.start, sentence.end);
  if (findDeadline(text, null) || findRecurrences(text).length > 0) return true;
  const actors = sentenceActors(ana, ana, sentence);
  return [...actors.lead, ...actors.supporting].some((unit) => !GENERIC_ACTOR.test(unit));
}
