import { test } from "node:test";
import assert from "node:assert/strict";
import { ingestReport } from "../../src/ingest/plan.js";

const meeting = (text: string, ref?: string) => ingestReport(text, ref ? { referenceDate: ref } : {}).meeting;

test("a news-agency dateline gives the publication day; the meeting's own date follows it", () => {
  const m = meeting("东川网8月3日讯  7月30日,东川县委书记何立主持召开2019年县委常委会议,研究脱贫攻坚工作。");
  assert.equal(m.date, "2019-07-30");
  assert.equal(m.publishedAt, "2019-08-03");
  assert.equal(m.place, "东川县");
  assert.equal(m.convener, "何立");
});

test("昨(14)日 is the day before publication; 日期: and 年月日 header lines give the publication date", () => {
  assert.equal(meeting("全市召开会议\n日期:2018-03-15\n昨(14)日,我市召开扶贫工作会议。").date, "2018-03-14");
  assert.equal(meeting("全市召开会议\n青禾日报 2018年03月15日\n昨日,我市召开扶贫工作会议。").date, "2018-03-14");
});

test("a meeting later in the year than its publication happened the year before", () => {
  assert.equal(meeting("来源:某某日报 日期:2019-01-05\n12月28日,全县召开年终工作会议。").date, "2018-12-28");
});

test("without any year the reference date supplies it, with a warning", () => {
  const plan = ingestReport("5月6日,县政府召开常务会议,县长王东主持。", { referenceDate: "2024-02-01" });
  assert.equal(plan.meeting.date, "2024-05-06");
  assert.ok(plan.warnings.some((w) => w.kind === "guessed-year"));
});

test("我州/全省 resolve through the source name; --county overrides", () => {
  assert.deepEqual(
    [meeting("来源:凉山日报\n3月2日,我州召开乡村振兴推进会。").place, meeting("来源:凉山日报\n3月2日,我州召开乡村振兴推进会。").level],
    ["凉山州", "prefecture"],
  );
  assert.equal(meeting("來源:雲南日報\n3月2日,全省召開脫貧攻堅推進會。").place, "雲南省");
  assert.equal(ingestReport("3月2日,我县召开会议。", { county: "白沙县" }).meeting.place, "白沙县");
});

test("the convener (主持) and the leaders who speak are recorded", () => {
  const m = meeting("9月1日,全省召开电视电话会议。省委书记赵东平出席并讲话,省长钱西林主持会议。\n赵东平强调,要抓好落实。");
  assert.equal(m.convener, "钱西林");
  assert.deepEqual(m.people, ["赵东平", "钱西林"]);
});

test("a national outlet is no place: the place of that level named in the report is", () => {
  const m = meeting("来源:人民网\n3月2日,我州召开乡村振兴推进会,黔南州委书记王东主持会议。");
  assert.equal(m.place, "黔南州");
  assert.equal(m.level, "prefecture");
});

test("a place made from the source name keeps the report's script", () => {
  assert.equal(meeting("來源:臨江日報\n8月5日,我縣召開脫貧攻堅會議。").place, "臨江縣");
});

test("a source that is the county government names the place", () => {
  assert.equal(meeting("來源:臨江縣人民政府\n8月5日,我縣召開脫貧攻堅會議。").place, "臨江縣");
  assert.equal(meeting("来源:石门县人民政府\n7月11日,我县召开整改推进会。").place, "石门县");
});
