// Constructions of the genre beyond numbered lists: bare headings, continued items,
// concrete lone exhortations, sectioned minutes, names without a common family name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ingestReport } from "../../src/ingest/plan.js";
import { flatten, holder } from "./plan-helpers.js";

const LEAD = "2021年6月3日,白沙县召开防汛工作会议。县委书记林清源主持会议并讲话,县长苏明出席。\n";

test("bare heading lines, each followed by its body, are the items of a list", () => {
  const plan = ingestReport(`${LEAD}林清源就做好防汛工作提出要求:\n压实防汛责任\n各乡镇要落实属地责任,6月30日前签订责任书。\n加强隐患排查\n县水利局要每周巡查一次水库。\n县长苏明出席会议。`);
  assert.deepEqual(plan.directives.map((d) => [d.marker, d.text.split("\n")[0]]), [[null, "压实防汛责任"], [null, "加强隐患排查"]]);
  assert.equal(holder(plan, "签订责任书").deadline, "2021-06-30");
  assert.equal(holder(plan, "每周巡查一次").recurrence?.freq, "weekly");
});

test("a lone heading line or a heading without a body is no list", () => {
  const plan = ingestReport(`${LEAD}林清源要求:\n压实防汛责任\n各乡镇要落实属地责任。\n苏明出席会议并讲话。`);
  assert.ok(flatten(plan.directives).every((d) => !d.text.startsWith("压实防汛责任")));
});

test("the last item goes on into the next paragraph while it asks for something", () => {
  const plan = ingestReport(`${LEAD}林清源要求,一是压实责任。各乡镇要落实属地责任。二是备足物资。县应急局要补充储备。\n县水利局要在6月底前完成水库除险。\n县防汛办负责同志参加会议。`);
  const last = plan.directives[1];
  assert.ok(last?.text.includes("县水利局要在6月底前完成水库除险"));
  assert.ok(!last?.text.includes("参加会议"));
});

test("a marker line that is only a title takes the paragraph after it as its body", () => {
  const plan = ingestReport(`${LEAD}一、关于水库安全\n会议议定:(一)县水利局要排查水库。(二)各乡镇要落实巡查。\n二、关于物资储备\n会议同意由县应急局牵头,县财政局配合,7月10日前补齐物资。`);
  assert.deepEqual(plan.directives.map((d) => d.marker), ["一、", "二、"]);
  assert.deepEqual(holder(plan, "补齐物资").units, ["县应急局", "县财政局"]);
});

test("in minutes sectioned by 一、二、, paragraphs opening with 会议 stay in the section", () => {
  const plan = ingestReport(`${LEAD}一、关于水库安全\n会议听取了县水利局的汇报。会议明确:1.县水利局要排查水库。2.各乡镇要落实巡查。\n二、关于物资储备\n会议强调,物资储备必须到位。会议明确:1.县应急局要补充物资。2.县财政局要保障经费。`);
  assert.deepEqual(plan.directives.map((d) => [d.marker, d.children.map((c) => c.marker).filter(Boolean)]), [["一、", ["1.", "2."]], ["二、", ["1.", "2."]]]);
});

test("in a numbered report, a later speaker's exhortation is kept when it assigns concrete work", () => {
  const plan = ingestReport(`${LEAD}林清源要求,一要压实责任,各乡镇要落实属地责任。二要备足物资,县应急局要补充储备。\n苏明强调,县水利局要会同县气象局,于7月15日前完成汛情会商机制建设。\n他强调,各级干部要爱岗敬业,切实扛起责任。`);
  const kept = holder(plan, "县水利局要会同县气象局");
  assert.equal(kept.marker, null);
  assert.equal(kept.speaker, "苏明");
  assert.ok(flatten(plan.directives).every((d) => !d.text.includes("爱岗敬业")));
});

test("a 会议要求 paragraph of semicolon-separated duties gives one duty per actor", () => {
  const plan = ingestReport(`${LEAD}会议要求,各乡镇要落实属地责任,6月30日前完成排查;县教育局要每半年组织一次培训;县公安局要在国庆节后开展一次整治。`);
  assert.equal(holder(plan, "各乡镇要落实属地责任").deadline, "2021-06-30");
  assert.deepEqual([holder(plan, "县教育局要").recurrence?.freq, holder(plan, "县教育局要").recurrence?.interval], ["monthly", 6]);
  assert.equal(holder(plan, "县公安局要").deadline, null);
  assert.deepEqual(holder(plan, "县公安局要").units, ["县公安局"]);
});

test("WeChat layout: emoji bullets, rule lines and lines broken after a comma", () => {
  const plan = ingestReport(`${LEAD}━━━━━━\n📌 林清源强调\n👉 一要压实责任\n各乡镇要落实属地责任,\n确保6月30日前签订责任书。\n👉 二要备足物资\n县应急局要补充储备。\n🔹🔹🔹`);
  assert.deepEqual(plan.directives.map((d) => d.marker), ["一要", "二要"]);
  assert.ok(holder(plan, "确保6月30日前签订责任书").text.startsWith("各乡镇要落实属地责任,"));
  assert.ok(flatten(plan.directives).every((d) => !/[📌👉🔹━]/u.test(d.text)));
  assert.equal(plan.directives[1]?.text, "备足物资\n县应急局要补充储备。");
});
