import { test } from "node:test";
import assert from "node:assert/strict";
import { createI18n } from "../../src/bot/i18n.js";
import { paginate, renderPlanPage, type OutlineItem } from "../../src/bot/plan-pages.js";
import { bind } from "../../src/messages/translate.js";

const i18n = createI18n("zh-CN");
const t = bind((locale, key, vars) => i18n.t(locale, key, vars), "zh-CN");
const meeting = { title: "<b>县委常委会</b>".repeat(20), timeZone: "Asia/Shanghai", meetingDate: null, metadata: { warnings: [{ kind: "guessed-year", text: "2017" }] } };

function item(i: number, extra: Partial<OutlineItem> = {}): OutlineItem {
  return {
    id: i, meetingId: 1, number: String(i), depth: i % 3, marker: null, speaker: i < 50 ? "张学锋" : "覃昌德",
    text: `要<落实>第${i}项工作，`.repeat(80), deadline: null, vague: i % 2 === 0, recurrence: i % 5 === 0 ? { freq: "monthly", interval: 1 } : null,
    requiresEvidence: i % 7 === 0,
    warnings: Array.from({ length: 6 }, () => ({ kind: "unknown-unit", text: "某某单位".repeat(40) })),
    unitPlan: Array.from({ length: 60 }, (_, k) => ({ name: `第${k}个很长名字的责任单位`, unitId: k % 2 === 0 ? k : null, role: k % 3 === 0 ? "lead" : "supporting" })),
    ...extra,
  };
}

test("a long plan splits into pages within Telegram's 4096 characters, every directive once and in order", () => {
  const items = Array.from({ length: 120 }, (_, i) => item(i + 1));
  const pages = paginate(t, items, "Asia/Shanghai");
  assert.ok(pages.length > 10);
  assert.deepEqual(pages.flat().map((d) => d.id), items.map((d) => d.id));
  for (const [index] of pages.entries()) {
    const text = renderPlanPage(t, meeting, pages, index, items.length);
    assert.ok(text.length <= 4096, `page ${index + 1} has ${text.length} characters`);
    assert.ok(!text.includes("<落实>") && text.includes("&lt;落实&gt;"), "directive text is escaped");
  }
  assert.match(renderPlanPage(t, meeting, pages, pages.length - 1, items.length), /【覃昌德】/);
});

test("an empty plan is one page", () => {
  const pages = paginate(t, [], "Asia/Shanghai");
  assert.equal(pages.length, 1);
  assert.match(renderPlanPage(t, meeting, pages, 0, 0), /共 0 项部署/);
});
