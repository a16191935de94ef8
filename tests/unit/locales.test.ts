import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { createI18n, localeFromTelegram } from "../../src/bot/i18n.js";

/** Each locale is a folder of .ftl files (one per feature), merged by the i18n plugin. */
function keysOf(locale: string): string[] {
  const dir = `locales/${locale}`;
  const text = readdirSync(dir)
    .filter((f) => f.endsWith(".ftl"))
    .map((f) => readFileSync(`${dir}/${f}`, "utf8"))
    .join("\n");
  return [...text.matchAll(/^(-?[a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] ?? "").sort();
}

test("no key is defined twice within a locale", () => {
  for (const locale of SUPPORTED_LOCALES) {
    const keys = keysOf(locale);
    assert.deepEqual(keys, [...new Set(keys)], locale);
  }
});

test("every locale has exactly the same keys", () => {
  const reference = keysOf("zh-CN");
  assert.ok(reference.length > 10);
  for (const locale of SUPPORTED_LOCALES) assert.deepEqual(keysOf(locale), reference, locale);
});

test("every message renders in every locale without missing variables", () => {
  const i18n = createI18n("zh-CN");
  const vars = { name: "王", region: "云溪县", unit: "", role: "cadre", memberships: "-", title: "春耕", days: 3, due: "2026-03-31", colour: "red", count: 2, year: 2027,
    id: 7, uses: 5, hint: "ab12", expires: "2026-03-09 02:00", link: "https://t.me/duban_bot?start=inv_x", zone: "Asia/Shanghai", quiet: "21:00–08:00", calendar: "on", kind: "township", aliases: "扶贫办", parent: "-", head: "-", members: 3, created: 4, skipped: "-", updated: 1, names: "县财政局", source: "甲", target: "乙", row: 3, problem: "duplicate", value: "甲", mb: 1, rows: 2000, lines: "-", kinds: "通知", units: "全部",
    date: "2026-03-01", rule: "每月", lead: "县财政局", supporting: "-", state: "done", done: 1, total: 3, assignments: 4, text: "要", convener: "张", page: 1, pages: 2,
    number: "1.2", speaker: "张", on: "yes", reason: "empty", cards: 9, unassigned: 1, vague: 1, unknown: 2, action: "ack", files: 1, who: "王", current: "2026-03-31",
    at: "2026-03-01 09:00", filter: "week", late: "", note: "好", freq: "monthly", month: 11, day: 25, time: "09:00" };
  for (const locale of SUPPORTED_LOCALES) {
    for (const key of keysOf(locale)) {
      const text = i18n.t(locale, key, vars);
      assert.ok(text.length > 0 && !text.includes("{"), `${locale} ${key}: ${text}`);
    }
  }
  assert.match(i18n.t("zh-TW", "start-joined", vars), /幫扶幹部/);
  assert.match(i18n.t("en", "start-joined", vars), /helper cadre/);
});

test("Telegram language codes map to our locales", () => {
  assert.equal(localeFromTelegram("zh-hans", "en"), "zh-CN");
  assert.equal(localeFromTelegram("zh-TW", "en"), "zh-TW");
  assert.equal(localeFromTelegram("zh-hk", "en"), "zh-TW");
  assert.equal(localeFromTelegram("en-GB", "zh-CN"), "en");
  assert.equal(localeFromTelegram("ru", "zh-CN"), "zh-CN");
  assert.equal(localeFromTelegram(undefined, "zh-TW"), "zh-TW");
});
