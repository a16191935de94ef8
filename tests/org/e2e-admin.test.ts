import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { BotHarness } from "../../src/testing/bot-harness.js";
import { botMessage, buttonData, buttonsOf, deniedRows, OWNER_ID, press, say, startOrgHarness, tokenIn } from "./e2e-helpers.js";

const ADMIN = 9002;
const CADRE = 9003;
const STRANGER = 9009;

describe("a county set up from chat: counties, settings, refusals", () => {
  let h: BotHarness;
  let regionId: number;

  before(async () => {
    h = await startOrgHarness();
    for (const id of [OWNER_ID, ADMIN, CADRE, STRANGER]) await h.client.createUser({ id, first_name: `用户${id}`, language_code: "zh-hans" });
  });
  after(async () => {
    await h.stop();
  });

  test("an operator creates a county and hands the admin invite over; nobody else can create one", async () => {
    const created = await say(h, OWNER_ID, "/newcounty 云溪县", /已新建/);
    assert.match(created.text ?? "", /已新建 云溪县/);
    const region = await h.database.db.region.findFirstOrThrow({ where: { name: "云溪县" } });
    regionId = region.id;
    const joined = await say(h, ADMIN, `/start ${tokenIn(created)}`, /你已加入/);
    assert.match(joined.text ?? "", /你已加入 云溪县，身份：县级管理员/);
    // The county has its admin now, so the operator's own "I will be its admin" button no longer works.
    await h.client.pressButton(OWNER_ID, OWNER_ID, created.message_id, buttonData(created, /我来担任管理员/));
    await botMessage(h, OWNER_ID, /.*/, created.message_id);
    assert.equal(await h.database.db.membership.count({ where: { regionId, role: "admin" } }), 1);

    const refused = await say(h, STRANGER, "/newcounty 假县", /抱歉/);
    assert.match(refused.text ?? "", /只有本系统的运维人员才能新建县/);
    assert.equal(await h.database.db.region.count(), 1);
    assert.equal((await deniedRows(h, "command:newcounty")).length, 1);
  });

  test("a cadre or a stranger asking for the admin menu is refused politely, and each refusal is audited (S4)", async () => {
    const unit = await h.database.db.unit.create({ data: { regionId, name: "县财政局" } });
    const person = await h.database.db.person.create({ data: { name: "陈干事", telegramUserId: BigInt(CADRE) } });
    await h.database.db.membership.create({ data: { personId: person.id, regionId, unitId: unit.id, role: "cadre" } });
    for (const id of [CADRE, STRANGER, OWNER_ID]) {
      const reply = await say(h, id, "/admin", /抱歉/);
      assert.match(reply.text ?? "", /你不是这个县的管理员/);
    }
    await h.client.createUser({ id: 9010, first_name: "Lee", language_code: "en" });
    assert.match((await say(h, 9010, "/admin", /Sorry/)).text ?? "", /you are not an admin of this county/);
    await h.client.createUser({ id: 9011, first_name: "林", language_code: "zh-TW" });
    assert.match((await say(h, 9011, "/admin", /抱歉/)).text ?? "", /你不是這個縣的管理員/);
    assert.equal((await deniedRows(h, "command:admin")).length, 5);
  });

  test("the admin changes the county's settings from the menu; bad input is refused with a reason", async () => {
    const menu = await say(h, ADMIN, "/admin", /管理菜单/);
    const county = await press(h, ADMIN, ADMIN, menu, /云溪县/, /云溪县 · 管理/);
    const settings = await press(h, ADMIN, ADMIN, county, /县设置/, /工作日历/);
    assert.match(settings.text ?? "", /免打扰时段：21:00–08:00/);
    const off = await press(h, ADMIN, ADMIN, settings, /关闭工作日历/, /工作日历（节假日、调休不提醒）：关闭/);
    assert.equal((await h.database.db.region.findUniqueOrThrow({ where: { id: regionId } })).workingCalendar, false);

    await press(h, ADMIN, ADMIN, off, /时区/, /请发送时区名称/);
    assert.match((await say(h, ADMIN, "Mars/Olympus", /时区/)).text ?? "", /没有这个时区/);
    const fresh = await say(h, ADMIN, "/admin", /管理菜单/);
    const again = await press(h, ADMIN, ADMIN, await press(h, ADMIN, ADMIN, fresh, /云溪县/, /云溪县 · 管理/), /县设置/, /工作日历/);
    await press(h, ADMIN, ADMIN, again, /免打扰/, /请发送免打扰时段/);
    const saved = await say(h, ADMIN, "22:30-07:00", /免打扰时段：22:30–07:00/);
    assert.match(saved.text ?? "", /时区：Asia\/Shanghai/);
    const audited = await h.database.db.auditLog.findMany({ where: { action: "county.update" } });
    assert.equal(audited.length, 2);
    assert.ok(buttonsOf(saved).length > 0, "the settings screen comes back with its buttons");
  });
});
