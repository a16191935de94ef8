import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ingestReport } from "../../src/ingest/plan.js";
import { renderPlan } from "../../src/ingest/render.js";
import { contractProblems } from "./contract.js";
import { fixtureText } from "./fixtures.js";

const reports = ["lanxi-web-simplified.txt", "heping-pinyin-traditional.txt", "qinghe-province-parallel.txt", "dongping-formal-numbered.txt", "news-story.txt", "kurgan-wechat-emoji.txt", "qingjiang-minutes.txt", "quma-county-tv-headings.txt"].map(fixtureText);

// Pieces of the genre, so that random text often looks like a report and reaches deep code paths.
const PIECES = ["一是", "二要", "(三)", "1.", "首先,", "其次", "最后", "一方面", "另一方面", "县财政局要", "由县扶贫办牵头,", "配合", "各乡镇(街道)", "5月底前", "2018年底", "今年", "每季度", "不少于一次", "限期", "自6月1日起", "3万余户", "120%", "4294967296名", "昨(14)日", "中国网5月3日讯", "來源:某某日報", "內(nèi)", "。", ",", "\n", " ", "“", "”", "要", "指出,", "强调,", "会议强调,"];

const genreText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 80 }).map((parts) => parts.join(""));

const mutated = fc
  .tuple(fc.constantFrom(...reports), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 6 })), { maxLength: 12 }))
  .map(([text, edits]) =>
    edits.reduce((t, [at, len, insert]) => {
      const i = t.length === 0 ? 0 : at % t.length;
      return t.slice(0, i) + insert + t.slice(i + len);
    }, text),
  );

const check = (text: string, ref?: string) => {
  const plan = ingestReport(text, ref ? { referenceDate: ref } : {});
  assert.deepEqual(contractProblems(JSON.parse(JSON.stringify(plan))), []);
  assert.equal(typeof renderPlan(plan), "string");
};

test("random genre-like text never throws and always matches the contract", () => {
  fc.assert(fc.property(genreText, fc.option(fc.constantFrom("2017-06-01", "2020-01-31", "1999-12-31"), { nil: undefined }), (text, ref) => check(text, ref)), { numRuns: 400 });
});

test("mutated sample reports never throw and always match the contract", () => {
  fc.assert(fc.property(mutated, (text) => check(text)), { numRuns: 300 });
});

test("arbitrary unicode never throws", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => check(text)), { numRuns: 300 });
});

test("the same text always gives the same plan", () => {
  fc.assert(fc.property(mutated, (text) => assert.deepEqual(ingestReport(text), ingestReport(text))), { numRuns: 50 });
});
