import { test } from "node:test";
import assert from "node:assert/strict";
import { readReport } from "../../src/ingest/read.js";
import { ingestReport } from "../../src/ingest/plan.js";
import { fixtureBytes, fixtureText } from "./fixtures.js";
import { flatten, holder, warningKinds } from "./plan-helpers.js";

const lanxi = ingestReport(fixtureText("lanxi-web-simplified.txt"));
const heping = ingestReport(fixtureText("heping-pinyin-traditional.txt"));

test("web report: meeting facts from the dateline, source line and 我县", () => {
  assert.equal(lanxi.meeting.date, "2019-05-15");
  assert.equal(lanxi.meeting.publishedAt, "2019-05-16");
  assert.equal(lanxi.meeting.place, "岚溪县");
  assert.equal(lanxi.meeting.level, "county");
  assert.equal(lanxi.meeting.convener, "周明远");
  assert.equal(lanxi.meeting.title, "我县召开2019年第二次脱贫攻坚推进会");
});

test("web report: the numbered items of the speaker, nothing from the lead, attendance or boilerplate", () => {
  assert.deepEqual(lanxi.directives.map((d) => d.marker), ["一是", "二是", "三是", "四是"]);
  assert.ok(lanxi.directives.every((d) => d.speaker === "周明远"));
  const texts = flatten(lanxi.directives).map((d) => d.text).join("");
  for (const noise of ["上一篇", "责编", "参加会议", "累计完成"]) assert.ok(!texts.includes(noise), noise);
  assert.deepEqual(holder(lanxi, "帮扶责任要再压实").children.map((c) => c.marker), ["一方面,", "另一方面,"]);
});

test("units: actors of a sentence, lists, 等相关部门, lead and supporting, roles", () => {
  assert.deepEqual(holder(lanxi, "加快编制特色产业规划").units, ["县农业农村局"]);
  assert.deepEqual(holder(lanxi, "落实“一村一品”").units, ["各乡镇(街道)"]);
  assert.deepEqual(holder(lanxi, "加强项目监管").units, ["县发改委", "住建局", "交通局"]);
  const audit = holder(lanxi, "开展全面审计");
  assert.deepEqual(audit.lead, ["县财政局"]);
  assert.deepEqual(audit.supporting, ["县审计局", "县扶贫办"]);
  assert.deepEqual(holder(lanxi, "每周向乡镇报告").units, ["第一书记"]);
});

test("units: a sentence without an actor inherits the previous sentence's in the same item", () => {
  assert.deepEqual(holder(lanxi, "第三季度末前完成").units, ["县发改委", "住建局", "交通局"]);
  assert.deepEqual(holder(lanxi, "产业扶贫要再提速").units, []);
});

test("deadlines, recurrences and targets land on the sentence that states them", () => {
  assert.equal(holder(lanxi, "加快编制特色产业规划").deadline, "2019-05-31");
  assert.equal(holder(lanxi, "开展全面审计").deadline, "2019-10-15");
  assert.equal(holder(lanxi, "第三季度末前完成").deadline, "2019-09-30");
  assert.equal(holder(lanxi, "确保国庆节前").deadline, "2019-09-30");
  assert.equal(holder(lanxi, "加强项目监管").deadline, null);
  assert.deepEqual([holder(lanxi, "每季度电话回访").recurrence?.freq, holder(lanxi, "每季度电话回访").recurrence?.count], ["quarterly", 2]);
  assert.equal(holder(lanxi, "每年上门送达").recurrence?.freq, "yearly");
  assert.deepEqual(holder(lanxi, "每年上门送达").units, ["帮扶责任人"]);
  assert.deepEqual(holder(lanxi, "新建10个以上").targets.map((t) => t.value), [10, 30000]);
});

test("warnings: vague deadline, deadline before the meeting, implausible percentage", () => {
  const vague = holder(lanxi, "发现问题限期整改");
  assert.equal(vague.vague, true);
  assert.equal(vague.deadline, null);
  assert.ok(vague.warnings.some((w) => w.kind === "vague-deadline"));
  assert.ok(holder(lanxi, "危房改造扫尾").warnings.some((w) => w.kind === "deadline-before-meeting"));
  assert.ok(holder(lanxi, "满意度达到120%").warnings.some((w) => w.kind === "implausible-number" && w.text.includes("120%")));
});

test("traditional report with pinyin artifacts: output keeps traditional script, artifacts gone", () => {
  assert.equal(heping.meeting.place, "和平縣");
  assert.equal(heping.meeting.convener, "陳立新");
  assert.equal(heping.meeting.date, "2018-03-08");
  assert.ok(warningKinds(heping).includes("guessed-year"));
  const all = flatten(heping.directives);
  assert.ok(all.every((d) => !/\([a-zà-ü]+\)/.test(d.text)));
  assert.deepEqual(holder(heping, "建立整改臺賬").lead, ["縣扶貧辦"]);
  assert.deepEqual(holder(heping, "建立整改臺賬").supporting, ["縣督查室"]);
  assert.equal(holder(heping, "建立整改臺賬").deadline, "2018-04-30");
  assert.deepEqual(holder(heping, "指導合作社發展").units, ["縣農業局", "林業局", "供銷社"]);
  assert.equal(holder(heping, "每半年輪訓一次").recurrence?.interval, 6);
  assert.deepEqual(heping.directives.map((d) => d.marker), ["一要", "二要", "三要", "第一,", "第二,", "第三,"]);
});

test("formal numbering nests 一、 > (一) > 1. and reads 首先/其次/最后", () => {
  const plan = ingestReport(fixtureText("dongping-formal-numbered.txt"));
  assert.deepEqual(plan.directives.map((d) => d.marker), ["一、", "二、", "三、"]);
  assert.deepEqual(plan.directives.map((d) => d.children.map((c) => c.marker)), [["(一)", "(二)"], ["1.", "2."], ["首先,", "其次,", "最后,"]]);
  assert.equal(holder(plan, "对失职失责的要严肃追责").marker, "最后,");
  assert.equal(holder(plan, "组织一次综合演练").deadline, "2022-06-10");
  assert.deepEqual(holder(plan, "组织一次综合演练").supporting, ["区消防救援大队", "区武装部"]);
});

test("unnumbered parallel 要 items per speaker, including 会议强调", () => {
  const plan = ingestReport(fixtureText("qinghe-province-parallel.txt"));
  assert.deepEqual([...new Set(plan.directives.map((d) => d.speaker))], ["郑海川", "孔令远", "会议"]);
  assert.ok(plan.directives.every((d) => d.marker === null));
  assert.equal(plan.directives.filter((d) => d.text.startsWith("要下功夫")).length, 3);
  assert.equal(holder(plan, "解决安置点供暖问题").deadline, "2022-01-31");
  assert.equal(plan.meeting.place, "清河省");
  assert.equal(plan.meeting.level, "province");
});

test("a plain news story gives an empty plan and a warning", () => {
  const plan = ingestReport(fixtureText("news-story.txt"));
  assert.deepEqual(plan.directives, []);
  assert.ok(warningKinds(plan).includes("no-directives"));
});

test(".docx and GBK copies give the same plan as the UTF-8 text", async () => {
  for (const [name, copy] of [["heping-pinyin-traditional", "docx"], ["lanxi-web-simplified", "docx"], ["lanxi-web-simplified", "gbk.txt"], ["heping-pinyin-traditional", "gbk.txt"]] as const) {
    const read = await readReport(fixtureBytes(`${name}.${copy}`), `${name}.${copy}`);
    assert.ok(read.ok);
    const fromCopy = ingestReport(read.text);
    const fromText = ingestReport(fixtureText(`${name}.txt`));
    assert.deepEqual(flatten(fromCopy.directives).map((d) => [d.text, d.units, d.deadline]), flatten(fromText.directives).map((d) => [d.text, d.units, d.deadline]));
    assert.equal(fromCopy.meeting.date, fromText.meeting.date);
  }
});

test("--county sets the place; a directory maps aliases and flags unknown units", () => {
  const plan = ingestReport(fixtureText("lanxi-web-simplified.txt"), {
    county: "岚溪县",
    directory: [
      { name: "岚溪县扶贫开发领导小组办公室", aliases: [] },
      { name: "岚溪县财政局", aliases: ["财政局"] },
      { name: "岚溪县审计局", aliases: [] },
    ],
  });
  assert.equal(plan.meeting.place, "岚溪县");
  const audit = holder(plan, "开展全面审计");
  assert.deepEqual(audit.units, ["岚溪县财政局", "岚溪县审计局", "岚溪县扶贫开发领导小组办公室"]);
  assert.deepEqual([audit.lead, audit.supporting], [["岚溪县财政局"], ["岚溪县审计局", "岚溪县扶贫开发领导小组办公室"]]);
  assert.ok(!audit.warnings.some((w) => w.kind === "unknown-unit"));
  const roads = holder(plan, "加强项目监管");
  assert.ok(roads.warnings.some((w) => w.kind === "unknown-unit" && w.text.includes("交通局")));
});

test("source offsets point into the original text", () => {
  const text = fixtureText("heping-pinyin-traditional.txt");
  const d = holder(ingestReport(text), "建立整改臺賬");
  assert.ok(text.slice(d.source.start, d.source.end).startsWith("縣扶貧辦要會同"));
});

test("a semicolon that hands work to other actors splits the sentence into duties", () => {
  const plan = ingestReport("2019年8月5日,县委召开脱贫攻坚会议。\n会议强调:\n一是要抓好整改。县扶贫办要建立台账,9月15日前完成整改;各乡镇要开展回头看,每月上报一次进度。\n二是要抓好产业。县农业局要做好规划;做好技术服务。");
  const later = holder(plan, "各乡镇要开展回头看");
  assert.deepEqual([later.units, later.deadline, later.recurrence?.freq], [["各乡镇"], null, "monthly"]);
  assert.deepEqual([holder(plan, "县扶贫办要建立台账").units, holder(plan, "县扶贫办要建立台账").deadline], [["县扶贫办"], "2019-09-15"]);
  assert.equal(holder(plan, "做好技术服务").children.length, 0);
});
