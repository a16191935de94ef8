// The readable plan: one screen an admin can check at a glance — meeting facts, then
// items grouped by speaker, each with units, deadline and recurrence aligned, and
// warnings marked with "!".
import type { Directive, Plan, PlanWarning } from "./types.js";

const WIDTH = 60;

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  return [...flat].length > width ? `${[...flat].slice(0, width - 1).join("")}…` : flat;
}

const warningLine = (indent: string, w: PlanWarning) => `${indent}  ! ${w.kind}: ${w.text}`;

function facts(d: Directive): string {
  const parts: string[] = [];
  parts.push(d.units.length > 0 ? `units: ${d.units.join("、")}` : "units: —");
  if (d.deadline) parts.push(`due ${d.deadline} (${d.deadlineText ?? ""})`);
  else if (d.vague) parts.push("due: ? (set a date)");
  if (d.recurrence) parts.push(`every ${d.recurrence.interval > 1 ? `${d.recurrence.interval} ` : ""}${d.recurrence.freq}${d.recurrence.count ? ` ×${d.recurrence.count}` : ""}`);
  if (d.targets.length > 0) parts.push(`targets: ${d.targets.map((t) => t.text).join("; ")}`);
  return parts.join(" | ");
}

function directiveLines(d: Directive, number: string, depth: number): string[] {
  const indent = "  ".repeat(depth);
  const label = d.marker ?? number;
  const lines = [`${indent}${label.padEnd(4, " ")} ${clip(d.text, WIDTH - indent.length)}`, `${indent}     ${facts(d)}`];
  lines.push(...d.warnings.map((w) => warningLine(indent, w)));
  d.children.forEach((c, i) => lines.push(...directiveLines(c, `${number}.${i + 1}`, depth + 1)));
  return lines;
}

export function renderPlan(plan: Plan): string {
  const m = plan.meeting;
  const lines = [
    `会议 ${m.title}`,
    `日期 ${m.date ?? "?"}   发布 ${m.publishedAt ?? "?"}   地点 ${m.place ?? "?"} (${m.level ?? "?"})`,
    `主持 ${m.convener ?? "?"}   领导 ${m.people.join("、") || "—"}`,
    "",
  ];
  let speaker: string | null | undefined;
  plan.directives.forEach((d, i) => {
    if (d.speaker !== speaker) {
      speaker = d.speaker;
      lines.push(`【${speaker ?? "—"}】`);
    }
    lines.push(...directiveLines(d, String(i + 1), 1));
  });
  if (plan.warnings.length > 0) lines.push("", ...plan.warnings.map((w) => warningLine("", w)));
  return lines.join("\n");
}
