import { test } from "node:test";
import assert from "node:assert/strict";
import { findRecurrences } from "../../src/ingest/recurrence.js";
import { findTargets, plausibility } from "../../src/ingest/targets.js";

const freqs = (text: string) => findRecurrences(text).map((r) => `${r.freq}/${r.interval}${r.count ? `x${r.count}` : ""}`);

test("recurrences: frequency, interval and count; one sentence can hold two", () => {
  assert.deepEqual(freqs("网格员每季度入户走访不少于一次,每年发放一份惠民明白纸"), ["quarterly/1x1", "yearly/1"]);
  assert.deepEqual(freqs("每月通报一次进展"), ["monthly/1"]);
  assert.deepEqual(freqs("每周开展一次巡查"), ["weekly/1"]);
  assert.deepEqual(freqs("每半年轮训一次"), ["monthly/6"]);
  assert.deepEqual(freqs("每两周调度一次"), ["weekly/2"]);
  assert.deepEqual(freqs("9月底前完成"), []);
});

test("targets: numbers with their measure and subject, in Arabic and Chinese numerals", () => {
  const values = (text: string) => findTargets(text).map((t) => [t.text, t.value]);
  assert.deepEqual(values("要确保58个贫困村出列、2万余户增收"), [["58个贫困村出列", 58], ["2万余户增收", 20000]]);
  assert.deepEqual(values("今年要完成20个以上的村(社区)"), [["20个以上的村", 20]]);
  assert.deepEqual(values("带动5.08万人就业"), [["5.08万人就业", 50800]]);
  assert.deepEqual(values("新建一百二十个示范点"), [["一百二十个示范点", 120]]);
  assert.deepEqual(values("识别准确率达到百分之九十八"), [["百分之九十八", 98]]);
});

test("completed totals, attendance and ordinals are not targets", () => {
  assert.deepEqual(findTargets("全县已累计完成1.2万户危房改造"), []);
  assert.deepEqual(findTargets("18个乡镇党委书记参加会议"), []);
  assert.deepEqual(findTargets("召开第3次会议"), []);
  assert.deepEqual(findTargets("一户一户过关"), []);
});

test("implausible numbers: more people than the place holds, percentages over 100", () => {
  assert.equal(plausibility({ text: "96000000名群众受益", value: 96000000, unit: "名" }, "prefecture")?.kind, "implausible-number");
  assert.equal(plausibility({ text: "96000000名群众受益", value: 96000000, unit: "名" }, "province"), null);
  assert.equal(plausibility({ text: "5.08万人", value: 50800, unit: "人" }, "county"), null);
  assert.equal(plausibility({ text: "满意度达到120%", value: 120, unit: "%" }, null)?.kind, "implausible-number");
  assert.equal(plausibility({ text: "98%", value: 98, unit: "%" }, null), null);
});

test("a count in 万 may name its noun directly, and then counts people", () => {
  const [target] = findTargets("确保剩余的1.2万贫困人口全部脱贫");
  assert.equal(target?.value, 12000);
  assert.equal(target?.unit, "人");
  assert.deepEqual(findTargets("带动3万余户增收").map((t) => t.value), [30000]);
  assert.deepEqual(freqs("每半月调度一次"), ["weekly/2"]);
});
