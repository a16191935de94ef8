import { test } from "node:test";
import assert from "node:assert/strict";
import { findDeadline, findVague } from "../../src/ingest/deadlines.js";

const meeting = { y: 2017, m: 4, d: 28 };
const due = (text: string, at = meeting) => findDeadline(text, at)?.date ?? null;

test("month ends, days, ten-day periods and quarters resolve in the meeting's year", () => {
  assert.equal(due("务必在5月底前录入台账"), "2017-05-31");
  assert.equal(due("6月底前高质量完成整改"), "2017-06-30");
  assert.equal(due("10月15日前形成报告"), "2017-10-15");
  assert.equal(due("6月上旬前组织演练"), "2017-06-10");
  assert.equal(due("7月中旬完成摸底"), "2017-07-20");
  assert.equal(due("9月下旬前完成验收"), "2017-09-30");
  assert.equal(due("第三季度末前完成验收"), "2017-09-30");
  assert.equal(due("八月底前完成"), "2017-08-31");
});

test("years: 年底, 今年, an explicit year end, 到2020年", () => {
  assert.equal(due("年底前全面完成"), "2017-12-31");
  assert.equal(due("今年要建成15个示范村"), "2017-12-31");
  assert.equal(due("争取实现2018年底脱贫目标"), "2018-12-31");
  assert.equal(due("到2020年全部脱贫"), "2020-12-31");
  assert.equal(due("今年以来成效明显"), null);
  assert.equal(due("今年是收官之年"), null);
});

test("a year that qualifies a noun is not the deadline's year", () => {
  assert.equal(due("8月底前对2015年的易地搬迁工程组织复查"), "2017-08-31");
  assert.equal(due("对2015年的工程组织审计"), null);
});

test("a day already past at the meeting means next year, unless the year is written", () => {
  assert.equal(due("3月底前完成"), "2018-03-31");
  const written = findDeadline("2017年3月底前完成", meeting);
  assert.equal(written?.date, "2017-03-31");
  assert.equal(written?.beforeMeeting, true);
});

test("holidays: the deadline is the day before", () => {
  assert.equal(due("“五一”前完成排查"), "2017-04-30");
  assert.equal(due("国庆节前完成"), "2017-09-30");
  assert.equal(due("春节前解决供暖问题"), "2018-02-15");
  assert.equal(due("春节前解决供暖问题", { y: 2021, m: 11, d: 2 }), "2022-01-31");
});

test("a start date is not a deadline; the first deadline of a sentence wins", () => {
  assert.equal(due("自6月1日起开展专项整治"), null);
  assert.equal(due("自6月1日起开展专项整治,9月底前完成"), "2017-09-30");
  assert.equal(due("5月底前摸底,10月底前完成"), "2017-05-31");
});

test("限期 and 尽快 ask for speed without a date", () => {
  assert.equal(due("发现问题限期整改"), null);
  assert.ok(findVague("发现问题限期整改"));
  assert.ok(findVague("尽快制定监管制度"));
  assert.equal(findVague("按期完成"), null);
});

test("without a meeting date a deadline is found but not resolved", () => {
  const found = findDeadline("5月底前完成", null);
  assert.ok(found);
  assert.equal(found.date, null);
});

test("a date that reports progress is no deadline", () => {
  assert.equal(due("截至2016年底,全县减贫1万人"), null);
  assert.equal(due("2016年底已完成搬迁"), null);
});

test("Chinese numerals in days and years, half years, spans of months; 节后 is no deadline", () => {
  const at = { y: 2023, m: 9, d: 5 };
  assert.equal(due("各市要在十一月十五日前修订预案", at), "2023-11-15");
  assert.equal(due("二〇二三年底前全面完成", at), "2023-12-31");
  assert.equal(due("二〇二四年三月底前完成验收", at), "2024-03-31");
  assert.equal(due("各市要在下半年完成锅炉淘汰任务", at), "2023-12-31");
  assert.equal(due("要在6月至8月开展百日攻坚行动", { y: 2024, m: 5, d: 20 }), "2024-08-31");
  assert.equal(due("在国庆节后开展一次专项整治", at), null);
  assert.equal(due("省气象局要每月5日前报送趋势预测", at), null);
  assert.equal(due("下半年要重点抓好项目建设", at), null);
});
