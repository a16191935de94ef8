// Finds directives in a plan by the words they hold, the way an admin scans it.
import type { Directive, Plan } from "../../src/ingest/types.js";

export const flatten = (list: Directive[]): Directive[] => list.flatMap((d) => [d, ...flatten(d.children)]);

/** The smallest directive whose text contains the words. */
export function holder(plan: Plan, words: string): Directive {
  const found = flatten(plan.directives)
    .filter((d) => d.text.includes(words))
    .sort((a, b) => a.text.length - b.text.length)[0];
  if (!found) throw new Error(`no directive holds ${words}`);
  return found;
}

export const warningKinds = (plan: Plan): string[] => [...plan.warnings, ...flatten(plan.directives).flatMap((d) => d.warnings)].map((w) => w.kind);
