import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import type { BotHarness } from "../../src/testing/bot-harness.js";
import { findUnitByName } from "../../src/services/units.js";
import { STARTER_DIRECTORY } from "../../src/domain/starter-directory.js";
import { arrangeCounty, botMessage, buttonsOf, openCounty, press, pressUntil, say, startOrgHarness } from "./e2e-helpers.js";

const ADMIN = 9102;

describe("the unit directory from chat", () => {
  let h: BotHarness;
  let regionId: number;

  before(async () => {
    h = await startOrgHarness();
    regionId = (await arrangeCounty(h, "河坪县", ADMIN)).region.id;
  });
  after(async () => {
    await h.stop();
  });

  test("the starter directory loads with one button, and the long list pages by eight (B7)", async () => {
    const county = await openCounty(h, ADMIN, "河坪县");
    const confirm = await press(h, ADMIN, ADMIN, county, /常用目录/, /载入常用单位目录/);
    const loaded = await press(h, ADMIN, ADMIN, confirm, /^载入$/, /目录已更新/);
    assert.match(loaded.text ?? "", new RegExp(`新增 ${STARTER_DIRECTORY.length} 个`));
    const list = await press(h, ADMIN, ADMIN, loaded, /单位目录/, /单位目录（共 25 个）/);
    const unitButtons = (m: typeof list) => buttonsOf(m).filter((b) => b.data.startsWith("unv:"));
    assert.equal(unitButtons(list).length, 8);
    assert.ok(buttonsOf(list).some((b) => b.text === "1/4"));
    const second = await pressUntil(h, ADMIN, ADMIN, list, /^▶$/, (m) => buttonsOf(m).some((b) => b.text === "2/4"));
    assert.equal(unitButtons(second).length, 8, "the same message now shows page 2");
    assert.notDeepEqual(unitButtons(second), unitButtons(list));
    assert.equal(await h.database.db.auditLog.count({ where: { action: "directory.load", regionId } }), 1);
  });

  test("units are added, renamed, aliased, parented and merged by typed answers; names show literally (B2)", async () => {
    const county = await openCounty(h, ADMIN, "河坪县");
    const list = await press(h, ADMIN, ADMIN, county, /单位目录/, /单位目录（共/);
    await press(h, ADMIN, ADMIN, list, /添加单位/, /每行一个/);
    const added = await say(h, ADMIN, "<b>青石镇</b>\n白岩村\n县财政局", /已添加/);
    assert.match(added.text ?? "", /已添加 2 个单位。已存在而跳过：县财政局/);
    const odd = await findUnitByName(h.database.db, regionId, "<b>青石镇</b>");
    assert.ok(odd);

    const village = await findUnitByName(h.database.db, regionId, "白岩村");
    assert.ok(village);
    const view = await openUnit(h, village.id);
    await press(h, ADMIN, ADMIN, view, /设置上级/, /上级单位名称/);
    const parented = await say(h, ADMIN, "<b>青石镇</b>", /上级单位：/);
    assert.match(parented.text ?? "", /上级单位：<b>青石镇<\/b>/, "a name with tags is shown as typed, not as bold");

    await press(h, ADMIN, ADMIN, parented, /改名/, /新名称/);
    await say(h, ADMIN, "白岩村村委会", /白岩村村委会/);
    const renamed = await botMessage(h, ADMIN, /别名：白岩村/);
    await press(h, ADMIN, ADMIN, renamed, /添加别名/, /别名，例如简称/);
    assert.match((await say(h, ADMIN, "财政局", /已有单位/)).text ?? "", /本县已有单位使用这个名称或别名/);

    const dup = await h.database.db.unit.create({ data: { regionId, name: "白岩村委" } });
    const dupView = await openUnit(h, dup.id);
    await press(h, ADMIN, ADMIN, dupView, /合并到/, /合并进去的单位名称/);
    const confirm = await say(h, ADMIN, "白岩村", /确定把 白岩村委 合并到 白岩村村委会/);
    await press(h, ADMIN, ADMIN, confirm, /确定合并/, /已把 白岩村委 合并到 白岩村村委会/);
    assert.equal(await h.database.db.unit.count({ where: { id: dup.id } }), 0);
    assert.equal((await findUnitByName(h.database.db, regionId, "白岩村委"))?.id, village.id);
    const actions = (await h.database.db.auditLog.findMany({ where: { regionId } })).map((r) => r.action);
    for (const action of ["unit.create", "unit.parent", "unit.rename", "unit.merge"]) assert.ok(actions.includes(action), action);
  });

  test("a directory file with bad rows is answered row by row and nothing is imported; the corrected file is", async () => {
    const county = await openCounty(h, ADMIN, "河坪县");
    await press(h, ADMIN, ADMIN, county, /导入目录/, /单位目录文件/);
    const before = await h.database.db.unit.count();
    const bad = "单位名称,类型,上级单位\n县林业局,部门,\n东村,星球,\n西村,村,不存在的镇\n";
    const sent = await h.client.sendDocument(ADMIN, "目录.csv", iconv.encode(bad, "gbk"), { mimeType: "text/csv" });
    const report = await botMessage(h, ADMIN, /什么都没有导入/, sent.message_id);
    assert.match(report.text ?? "", /第 3 行：不认识的类型「星球」/);
    assert.match(report.text ?? "", /第 4 行：找不到上级单位「不存在的镇」/);
    assert.equal(await h.database.db.unit.count(), before);

    const good = "单位名称,类型,别名,上级单位\n县林业局,部门,林业局,\n东村,村,,城关镇\n";
    const fixed = await h.client.sendDocument(ADMIN, "目录.csv", Buffer.from(good), { mimeType: "text/csv" });
    const done = await botMessage(h, ADMIN, /目录已更新/, fixed.message_id);
    assert.match(done.text ?? "", /新增 2 个/);
    assert.equal((await findUnitByName(h.database.db, regionId, "林业局"))?.name, "县林业局");

    await press(h, ADMIN, ADMIN, await openCounty(h, ADMIN, "河坪县"), /导入目录/, /单位目录文件/);
    const photo = await h.client.sendDocument(ADMIN, "scan.pdf", Buffer.from("%PDF-1.4"), { mimeType: "application/pdf" });
    assert.match((await botMessage(h, ADMIN, /CSV 或 XLSX/, photo.message_id)).text ?? "", /只能导入 CSV 或 XLSX 文件/);
  });

  async function openUnit(harness: BotHarness, unitId: number) {
    const county = await openCounty(harness, ADMIN, "河坪县");
    const list = await press(harness, ADMIN, ADMIN, county, /单位目录/, /单位目录（共/);
    const unit = await harness.database.db.unit.findUniqueOrThrow({ where: { id: unitId } });
    // The unit may be on a later page: walk the pages until its button shows.
    let page = list;
    for (let n = 2; !buttonsOf(page).some((b) => b.data === `unv:${unitId}`); n++) {
      page = await pressUntil(harness, ADMIN, ADMIN, page, /^▶$/, (m) => buttonsOf(m).some((b) => b.text.startsWith(`${n}/`)));
    }
    return press(harness, ADMIN, ADMIN, page, new RegExp(`^${unit.name}$`), new RegExp(`成员：`));
  }
});
