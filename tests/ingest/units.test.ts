import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanReport } from "../../src/ingest/clean.js";
import { sentenceActors } from "../../src/ingest/units.js";

const actors = (sentence: string) => {
  const { ana, src } = cleanReport(sentence);
  return sentenceActors(ana, src, { start: 0, end: ana.length });
};
const units = (sentence: string) => {
  const a = actors(sentence);
  return [...a.lead, ...a.supporting];
};

test("lists joined by 、/和/及/与, with level prefixes and 等相关部门", () => {
  assert.deepEqual(units("县交通局、水利局、住建局等相关部门要建立巡查制度。"), ["县交通局", "水利局", "住建局"]);
  assert.deepEqual(units("县农业局和林业局要指导合作社发展。"), ["县农业局", "林业局"]);
  assert.deepEqual(units("州教育局及卫健委要做好保障。"), ["州教育局", "卫健委"]);
  assert.deepEqual(units("省民政厅与省财政厅要加强协作。"), ["省民政厅", "省财政厅"]);
  assert.deepEqual(units("县人力资源和社会保障局要开展培训。"), ["县人力资源和社会保障局"]);
});

test("各X, roles and work teams as actors, without 要 too", () => {
  assert.deepEqual(units("各乡镇(街道)切实担起属地责任。"), ["各乡镇(街道)"]);
  assert.deepEqual(units("各县(市、区)要加快进度。"), ["各县(市、区)"]);
  assert.deepEqual(units("乡镇党委书记要亲自部署。"), ["乡镇党委书记"]);
  assert.deepEqual(units("对留守老人,驻村工作队、帮扶责任人每月上门探访一次。"), ["驻村工作队", "帮扶责任人"]);
  assert.deepEqual(units("牵头重点项目的县直单位要倒排工期。"), ["县直单位"]);
  assert.deepEqual(units("山区乡和有搬迁任务的各县(市),要先行试点。"), ["山区乡", "各县(市)"]);
});

test("由X牵头, Y配合 gives lead and supporting units", () => {
  const a = actors("由县财政局牵头,县审计局、县扶贫办配合,开展全面审计。");
  assert.deepEqual(a.lead, ["县财政局"]);
  assert.deepEqual(a.supporting, ["县审计局", "县扶贫办"]);
});

test("reporters, attendees, objects and abstract subjects are not actors", () => {
  assert.deepEqual(units("扶贫办负责同志通报了核查情况。"), []);
  assert.deepEqual(units("县直相关部门主要负责人参加会议。"), []);
  assert.deepEqual(units("要防止村干部截留资金。"), []);
  assert.deepEqual(units("全县上下要对标检查验收标准。"), []);
  assert.deepEqual(units("宣传发动要进一步加强。"), []);
});

test("units keep the source's script", () => {
  assert.deepEqual(units("縣財政局、扶貧辦要加強資金監管。"), ["縣財政局", "扶貧辦"]);
});

test("offices held by one person and bodies like 机关, 企业 are actors too", () => {
  assert.deepEqual(units("各乡镇长要亲自抓。"), ["各乡镇长"]);
  assert.deepEqual(units("各级纪检监察机关要强化监督。"), ["各级纪检监察机关"]);
  assert.deepEqual(units("县委、县政府要统筹推进。"), ["县委", "县政府"]);
});

test("X要会同Y: Y shares the duty as a supporting unit", () => {
  assert.deepEqual(actors("县发改委要会同县住建局,督促供热企业储备燃煤。"), { lead: ["县发改委"], supporting: ["县住建局"] });
  assert.deepEqual(actors("省生态环境厅要会同省工业和信息化厅,在十月底前完成评估。"), { lead: ["省生态环境厅"], supporting: ["省工业和信息化厅"] });
  assert.deepEqual(actors("县应急管理局要会同县消防救援大队修订完善应急预案。"), { lead: ["县应急管理局"], supporting: ["县消防救援大队"] });
  assert.deepEqual(actors("会议同意由县教育局牵头,县住建局配合,年底前完成改造。"), { lead: ["县教育局"], supporting: ["县住建局"] });
});
