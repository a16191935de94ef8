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

test("names without a common family name: Tibetan, dotted Uyghur, compound family names", () => {
  const people = (text: string) => meeting(text, "2021-01-01").people;
  assert.deepEqual(people("11月15日,县委书记才让多杰主持召开县委常委会议。"), ["才让多杰"]);
  assert.deepEqual(people("10月27日,县长买买提·艾力主持召开推进会,副县长阿依古丽·吐尔逊参加会议。"), ["买买提·艾力", "阿依古丽·吐尔逊"]);
  assert.deepEqual(people("7月11日,州长欧阳明辉出席会议并讲话,副州长司马永康主持会议。"), ["欧阳明辉", "司马永康"]);
  assert.deepEqual(people("5月21日,鳳溪縣召開會議。縣委副書記司馬國棟出席會議並講話。"), ["司馬國棟"]);
  assert.deepEqual(people("6月16日,县长宇文思源主持召开常务会议,县长东方明出席。"), ["宇文思源", "东方明"]);
  // Four characters after a title are a name only before a chairing or speaking verb.
  assert.deepEqual(people("6月16日,县委书记高度重视在会上的部署,县长专题研究。"), []);
});

test("minutes dated in Chinese numerals, and the place a county TV station names", () => {
  const minutes = meeting("清江县人民政府常务会议纪要\n县政府办公室 二〇二〇年六月十八日\n6月16日,县长宇文思源主持召开县政府常务会议。");
  assert.equal(minutes.publishedAt, "2020-06-18");
  assert.equal(minutes.date, "2020-06-16");
  const tv = meeting("县政府召开学校安全工作会议\n发布时间:2021-09-10 来源:柳川县广播电视台\n9月9日,县政府召开学校安全工作会议。");
  assert.equal(tv.place, "柳川县");
  assert.equal(tv.level, "county");
  const daily = meeting("市政府召开经济运行调度会\n来源:金河日报 发布时间:2024-04-12\n4月11日,市政府召开一季度经济运行调度会。市长那日苏出席会议并讲话。");
  assert.deepEqual([daily.place, daily.level], ["金河市", "city"]);
});
