import { test } from "node:test";
import assert from "node:assert/strict";
import { ingestReport } from "../../src/ingest/plan.js";
import { flatten, holder } from "./plan-helpers.js";

const markers = (text: string) => ingestReport(text).directives.map((d) => d.marker);

const LEAD = "6月3日,白沙县召开脱贫攻坚调度会。县委书记林清源主持会议并讲话。\n";

test("inline lists after a colon, a comma or a semicolon: 一是…;二是…, 一是要, 一要", () => {
  assert.deepEqual(markers(`${LEAD}会议要求:一是要抓好排查,县扶贫办负责;二是要抓好整改,各乡镇要落实;三是要抓好督查。`), ["一是", "二是", "三是"]);
  assert.deepEqual(markers(`${LEAD}林清源强调,做好下步工作,一要提高认识。二要压实责任。`), ["一要", "二要"]);
});

test("a lone 一是 or 首先 is no list; 第一书记 is no marker", () => {
  const plan = ingestReport(`${LEAD}林清源指出,首先是思想认识问题,第一书记要带头。一是一、二是二,要实事求是。`);
  assert.ok(flatten(plan.directives).every((d) => d.marker === null));
});

test("lists of different speakers are separate groups with their speaker", () => {
  const plan = ingestReport(`${LEAD}林清源指出,一要抓产业,二要抓就业。\n县长苏明强调,一是要加强监管。二是要严格考核。\n他还要求,第一,要落实责任;第二,要加强宣传。`);
  assert.deepEqual(plan.directives.map((d) => [d.speaker, d.marker]), [["林清源", "一要"], ["林清源", "二要"], ["苏明", "一是"], ["苏明", "二是"], ["苏明", "第一,"], ["苏明", "第二,"]]);
});

test("nesting to any depth: (一) inside 一、, 1. inside (一)", () => {
  const text = `${LEAD}林清源提出要求:\n一、强化责任\n(一)县直部门要落实责任。\n1.县水利局要在7月底前完成排查。\n2.县交通局要加强巡查。\n(二)各乡镇要压实责任。\n二、强化保障\n要加大投入。`;
  const plan = ingestReport(text, { referenceDate: "2022-01-10" });
  assert.deepEqual(plan.directives.map((d) => d.marker), ["一、", "二、"]);
  const first = plan.directives[0];
  assert.deepEqual(first?.children.map((c) => c.marker), ["(一)", "(二)"]);
  assert.deepEqual(first?.children[0]?.children.map((c) => c.marker), ["1.", "2."]);
  assert.equal(plan.meeting.date, "2022-06-03");
  assert.equal(holder(plan, "完成排查").deadline, "2022-07-31");
});

test("a list whose items ask nothing is narrative, not a plan", () => {
  const plan = ingestReport(`${LEAD}林清源指出,今年以来成效明显,一是产业发展加快,二是群众收入提高,三是基础设施改善。`);
  assert.deepEqual(plan.directives, []);
});

test("parallel unnumbered 要 sentences become items; sentences after one belong to it", () => {
  const plan = ingestReport(`${LEAD}林清源强调,要下功夫补齐短板,抓好饮水安全。要下功夫巩固成果。关心关爱扶贫干部。要下功夫抓好整改,确保9月底前完成。`);
  assert.deepEqual(plan.directives.map((d) => d.text.slice(0, 5)), ["要下功夫补", "要下功夫巩", "要下功夫抓"]);
  assert.equal(holder(plan, "关心关爱扶贫干部").marker, null);
  assert.ok(plan.directives[1]?.text.includes("关心关爱扶贫干部"));
});

test("a single-paragraph report under a title still gives its lists", () => {
  const plan = ingestReport("白沙县部署防汛工作\n7月2日,白沙县召开防汛会议,县长苏明要求,一要落实责任,县应急局要每天调度一次。二要备足物资。");
  assert.deepEqual(plan.directives.map((d) => d.marker), ["一要", "二要"]);
  assert.equal(holder(plan, "每天调度一次").recurrence?.freq, "daily");
});

test("a list of bare imperatives counts when its introduction announces duties", () => {
  assert.deepEqual(markers(`${LEAD}会议要求:一是加强组织领导;二是整合涉农资金;三是强化督查考核。`), ["一是", "二是", "三是"]);
  assert.deepEqual(markers(`${LEAD}林清源指出,扶贫是系统工程,注重“两个结合”。一是结合乡村振兴谋划产业。二是结合基层治理改进作风。`), []);
});

test("when the lead is the whole body, its unnumbered requirements are the plan", () => {
  const plan = ingestReport("白沙县部署防汛工作\n7月2日,白沙县召开防汛会议,县长苏明强调,要落实防汛责任。要备足防汛物资。");
  assert.deepEqual(plan.directives.map((d) => d.text), ["要落实防汛责任。", "要备足防汛物资。"]);
});

test("markers keep the source's script and width, and the comma written after them", () => {
  const plan = ingestReport("6月3日,白沙縣召開會議。\n林清源強調,首先,要壓實責任。其次,要加強督查。最後,要嚴肅問責。\n會議要求:（一）要抓整改;（二）要抓落實。");
  assert.deepEqual(plan.directives.map((d) => d.marker), ["首先,", "其次,", "最後,", "（一）", "（二）"]);
});
