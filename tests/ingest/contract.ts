// Checks a value against the JSON contract of ../shared/eval/README.md, returning what is wrong.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FREQS = ["daily", "weekly", "monthly", "quarterly", "yearly"];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isDateOrNull = (v: unknown) => v === null || (typeof v === "string" && DATE.test(v));

function directiveProblems(d: unknown, path: string): string[] {
  if (!isObject(d)) return [`${path} is not an object`];
  const problems: string[] = [];
  if (!(d.marker === null || typeof d.marker === "string")) problems.push(`${path}.marker`);
  if (typeof d.text !== "string" || d.text === "") problems.push(`${path}.text`);
  if (!Array.isArray(d.units) || !d.units.every((u) => typeof u === "string" && u !== "")) problems.push(`${path}.units`);
  if (!isDateOrNull(d.deadline)) problems.push(`${path}.deadline`);
  if (!(d.deadlineText === null || typeof d.deadlineText === "string")) problems.push(`${path}.deadlineText`);
  const r = d.recurrence;
  if (!(r === null || (isObject(r) && FREQS.includes(String(r.freq)) && Number.isInteger(r.interval) && Number(r.interval) >= 1))) problems.push(`${path}.recurrence`);
  if (!Array.isArray(d.targets) || !d.targets.every((t) => isObject(t) && typeof t.text === "string" && Number.isFinite(t.value))) problems.push(`${path}.targets`);
  if (!Array.isArray(d.warnings) || !d.warnings.every((w) => isObject(w) && typeof w.kind === "string" && typeof w.text === "string")) problems.push(`${path}.warnings`);
  if (!Array.isArray(d.children)) return [...problems, `${path}.children`];
  return [...problems, ...d.children.flatMap((c, i) => directiveProblems(c, `${path}.children[${i}]`))];
}

export function contractProblems(plan: unknown): string[] {
  if (!isObject(plan)) return ["plan is not an object"];
  const m = plan.meeting;
  const problems: string[] = [];
  if (!isObject(m)) problems.push("meeting");
  else {
    if (typeof m.title !== "string") problems.push("meeting.title");
    if (!isDateOrNull(m.date)) problems.push("meeting.date");
    if (!isDateOrNull(m.publishedAt)) problems.push("meeting.publishedAt");
    if (!(m.place === null || typeof m.place === "string")) problems.push("meeting.place");
    if (!(m.convener === null || typeof m.convener === "string")) problems.push("meeting.convener");
    if (!Array.isArray(m.people)) problems.push("meeting.people");
  }
  if (!Array.isArray(plan.directives)) return [...problems, "directives"];
  if (!Array.isArray(plan.targets) || !Array.isArray(plan.warnings)) problems.push("targets/warnings");
  return [...problems, ...plan.directives.flatMap((d, i) => directiveProblems(d, `directives[${i}]`))];
}
