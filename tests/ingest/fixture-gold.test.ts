// The invented reports in tests/fixtures/reports against their gold facts (gold.json, the
// schema of ../shared/eval/seeds.gold.json): every item found, every task's units and
// deadline, no directives in the news story.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ingestReport } from "../../src/ingest/plan.js";
import type { Directive } from "../../src/ingest/types.js";
import { fixtureText } from "./fixtures.js";
import { flatten } from "./plan-helpers.js";

interface GoldTask {
  cue: string;
  units: string[][];
  deadline: string | null;
}
interface GoldDoc {
  file: string;
  negative?: boolean;
  meeting: { date: string | null };
  items: string[];
  tasks: GoldTask[];
}

const gold = JSON.parse(fixtureText("gold.json")) as { docs: GoldDoc[] };
// As the scorer reads texts: no blanks, half-width punctuation.
const squeeze = (s: string) => s.replace(/\s+/g, "").replace(/，/g, ",").replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":").replace(/；/g, ";");
const hay = (d: Directive) => squeeze(`${d.marker ?? ""}${d.text}`);

for (const doc of gold.docs) {
  test(`gold facts of ${doc.file}`, () => {
    const plan = ingestReport(fixtureText(doc.file));
    const all = flatten(plan.directives);
    if (doc.negative) return assert.equal(all.length, 0);
    assert.equal(plan.meeting.date, doc.meeting.date);
    for (const cue of doc.items) assert.ok(all.some((d) => hay(d).includes(squeeze(cue))), `item ${cue}`);
    for (const task of doc.tasks) {
      const holder = all.filter((d) => hay(d).includes(squeeze(task.cue))).sort((a, b) => hay(a).length - hay(b).length)[0];
      assert.ok(holder, `task ${task.cue}`);
      assert.equal(holder.deadline, task.deadline, `deadline of ${task.cue}`);
      for (const variants of task.units) assert.ok(holder.units.some((u) => variants.some((v) => squeeze(u).endsWith(squeeze(v)))), `${variants[0]} on ${task.cue}`);
    }
  });
}
