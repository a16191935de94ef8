import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanReport } from "../../src/ingest/clean.js";

test("pinyin left by script converters goes, real parentheses stay", () => {
  const { src } = cleanReport("昨(14)日,內(nèi)鄉(xiāng)縣召開常務(wù)(擴大)會議,要求各鄉(鎮)和乡镇(街道)、县(市)抓好落實。");
  assert.equal(src, "昨(14)日,內鄉縣召開常務(擴大)會議,要求各鄉(鎮)和乡镇(街道)、县(市)抓好落實。");
});

test("breadcrumbs, source lines, share widgets and editor credits are removed, their facts kept", () => {
  const page = [
    "您當(dāng)前位置：青禾網 > 要聞",
    "全縣召開督辦會",
    "來源:青禾日報 作者:王小青 2021年04月02日 08:15",
    "  本報訊(記者 方圓)4月1日,縣裡召開督辦會。",
    "分享到:微信 微博",
    "(責編:李木)",
    "· 上一篇:春耕忙",
  ].join("\n");
  const clean = cleanReport(page);
  assert.equal(clean.src, "全縣召開督辦會\n本報訊4月1日,縣裡召開督辦會。");
  assert.equal(clean.header.source, "青禾日報");
  assert.deepEqual(clean.header.dates, ["2021年04月02日"]);
});

test("spaces from line wrapping inside Chinese text go; the analysis view is simplified and half-width", () => {
  const clean = cleanReport("資料齊全 規范，社會保 障兜底（試點）。Phase 2 starts");
  assert.equal(clean.src, "資料齊全規范，社會保障兜底（試點）。Phase 2 starts");
  assert.equal(clean.ana, "资料齐全规范,社会保障兜底(试点)。Phase 2 starts");
});

test("every cleaned character maps back to its offset in the original", () => {
  const original = "  您所在的位置:首页\n乡(xiāng)镇要在 5月底前完成。\n";
  const clean = cleanReport(original);
  assert.equal(clean.src.length, clean.origin.length);
  for (let i = 0; i < clean.src.length; i++) {
    if (clean.src[i] !== "\n") assert.equal(original[clean.origin[i] ?? -1], clean.src[i]);
  }
});

test("WeChat layout: bullets and emoji at line starts, rule lines and comma-broken lines", () => {
  const { src } = cleanReport("━━━━━━\n📌 林清源强调\n👉 一要压实责任\n各乡镇要落实属地责任，\n确保6月底前签订。\n🔹🔹🔹\n▲会议现场");
  assert.equal(src, "林清源强调\n一要压实责任\n各乡镇要落实属地责任，确保6月底前签订。\n会议现场");
});
