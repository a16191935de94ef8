import { test } from "node:test";
import assert from "node:assert/strict";
import { occurrenceOn, occurrencesBetween, parseRecurrence, RecurrenceError } from "../../src/domain/recurrence.js";

const spans = (list: Array<{ start: string; end: string }>) => list.map((o) => `${o.start}..${o.end}`);

test("quarterly duties follow calendar quarters, due on the quarter's last day", () => {
  const rule = parseRecurrence({ freq: "quarterly", interval: 1, count: 1 });
  const list = occurrencesBetween(rule, "2026-02-10", "2026-02-10", "2026-12-31");
  assert.deepEqual(spans(list), ["2026-01-01..2026-03-31", "2026-04-01..2026-06-30", "2026-07-01..2026-09-30", "2026-10-01..2026-12-31"]);
  assert.equal(list[0]?.due, "2026-03-31");
  assert.equal(occurrenceOn(rule, "2026-02-10", "2026-05-15")?.index, 1);
});

test("half-yearly, monthly (leap February), yearly, weekly and fortnightly periods", () => {
  assert.deepEqual(spans(occurrencesBetween(parseRecurrence({ freq: "monthly", interval: 6 }), "2026-03-01", "2026-03-01", "2027-01-01")), ["2026-01-01..2026-06-30", "2026-07-01..2026-12-31", "2027-01-01..2027-06-30"]);
  assert.equal(occurrenceOn(parseRecurrence({ freq: "monthly", interval: 1 }), "2028-01-15", "2028-02-10")?.due, "2028-02-29");
  assert.equal(occurrenceOn(parseRecurrence({ freq: "yearly", interval: 1 }), "2026-05-01", "2027-03-01")?.due, "2027-12-31");
  // 2026-03-04 is a Wednesday: weeks run Monday–Sunday.
  assert.deepEqual(spans(occurrencesBetween(parseRecurrence({ freq: "weekly", interval: 1 }), "2026-03-04", "2026-03-04", "2026-03-10")), ["2026-03-02..2026-03-08", "2026-03-09..2026-03-15"]);
  assert.deepEqual(spans(occurrencesBetween(parseRecurrence({ freq: "weekly", interval: 2 }), "2026-03-04", "2026-03-20", "2026-03-20")), ["2026-03-16..2026-03-29"]);
});

test("the required count per period comes from 不少于N次", () => {
  assert.equal(occurrenceOn(parseRecurrence({ freq: "quarterly", interval: 1, count: 2 }), "2026-01-01", "2026-01-01")?.required, 2);
});

test("unusable rules are refused with a message", () => {
  assert.throws(() => parseRecurrence({ freq: "hourly", interval: 1 }), RecurrenceError);
  assert.throws(() => parseRecurrence({ freq: "weekly", interval: 0 }), /interval/);
  assert.throws(() => parseRecurrence(null), RecurrenceError);
  assert.throws(() => occurrencesBetween(parseRecurrence({ freq: "weekly", interval: 1 }), "2026-02-30", "2026-03-01", "2026-03-02"), RecurrenceError);
});
