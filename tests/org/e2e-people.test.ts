import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { BotHarness } from "../../src/testing/bot-harness.js";
import {
  arrangeCounty, botMessage, buttonData, buttonsOf, deniedRows, openCounty, plantButton, press, pressRefused, pressUntil, say, startOrgHarness, tokenIn,
} from "./e2e-helpers.js";

const ADMIN = 9202;
const HEAD = 9203;
const OFFICIAL = 9204;
const OTHER_ADMIN = 9205;

describe("invites, people and the limits of each role", () => {
  let h: BotHarness;
  let regionId: number;
  let unitId: number;
  let otherUnitId: number;

  before(async () => {
    h = await startOrgHarness();
    regionId = (await arrangeCounty(h, "云溪县", ADMIN)).region.id;
    unitId = (await h.database.db.unit.create({ data: { regionId, name: "县财政局" } })).id;
    const other = await arrangeCounty(h, "河坪县", OTHER_ADMIN);
    otherUnitId = (await h.database.db.unit.create({ data: { regionId: other.region.id, name: "河坪县水利局" } })).id;
    for (const id of [HEAD, OFFICIAL]) await h.client.createUser({ id, first_name: `用户${id}`, language_code: "zh-hans" });
  });
  after(async () => {
    await h.stop();
  });

  test("the admin invites a unit head with buttons; the head invites an official of their own unit; each redemption is audited", async () => {
    const county = await openCounty(h, ADMIN, "云溪县");
    const list = await press(h, ADMIN, ADMIN, county, /邀请链接/, /有效的邀请链接/);
    const roles = await press(h, ADMIN, ADMIN, list, /新建邀请/, /选择身份/);
    const units = await press(h, ADMIN, ADMIN, roles, /单位负责人/, /选择单位负责人所在的单位/);
    const limits = await press(h, ADMIN, ADMIN, units, /县财政局/, /选择可用人数和有效期/);
    const created = await press(h, ADMIN, ADMIN, limits, /^1 人 · 7 天$/, /邀请链接已生成/);
    const headToken = tokenIn(created);
    assert.ok(headToken.length <= 64 && /^[A-Za-z0-9_-]+$/.test(headToken), "a valid deep-link payload");
    assert.match((await say(h, HEAD, `/start ${headToken}`, /你已加入/)).text ?? "", /县财政局，身份：单位负责人/);

    const menu = await say(h, HEAD, "/admin", /管理菜单/);
    const unitMenu = await press(h, HEAD, HEAD, menu, /县财政局/, /单位负责人$/);
    const headRoles = await press(h, HEAD, HEAD, unitMenu, /新建邀请/, /选择身份/);
    assert.deepEqual(buttonsOf(headRoles).map((b) => b.text).slice(0, 2), ["单位干部", "帮扶干部"], "a head may hand out only these roles");
    const headLimits = await press(h, HEAD, HEAD, headRoles, /单位干部/, /选择可用人数和有效期/);
    const official = await press(h, HEAD, HEAD, headLimits, /^10 人 · 30 天$/, /邀请链接已生成/);
    assert.match((await say(h, OFFICIAL, `/start ${tokenIn(official)}`, /你已加入/)).text ?? "", /县财政局，身份：单位干部/);
    assert.equal(await h.database.db.auditLog.count({ where: { action: "invite.redeem", regionId } }), 2);

    // The head's own invite list shows the open invite; revoking it is audited and the link stops working.
    const headList = await press(h, HEAD, HEAD, await press(h, HEAD, HEAD, await say(h, HEAD, "/admin", /管理菜单/), /县财政局/, /单位负责人$/), /邀请链接/, /有效的邀请链接（1 个）/);
    await press(h, HEAD, HEAD, headList, /作废/, /已作废/);
    assert.equal(await h.database.db.auditLog.count({ where: { action: "invite.revoke" } }), 1);
    await h.client.createUser({ id: 9299, first_name: "迟到者" });
    assert.match((await say(h, 9299, `/start ${tokenIn(official)}`, /邀请链接/)).text ?? "", /无效、已过期或已用完/);
  });

  test("a unit head is refused admin invites and other units, even with forged buttons (B3)", async () => {
    const adminInvite = await plantButton(h, HEAD, `inq:${regionId}:0:admin`);
    assert.match(await pressRefused(h, HEAD, HEAD, adminInvite, `inq:${regionId}:0:admin`), /只有该单位的负责人/);
    const otherUnit = await h.database.db.unit.create({ data: { regionId, name: "县教育局" } });
    const data = `innu:${otherUnit.id}`;
    assert.match(await pressRefused(h, HEAD, HEAD, await plantButton(h, HEAD, data), data), /只有该单位的负责人/);
    const cadreToAdmin = `ink:${regionId}:${unitId}:unit_head:1:7`;
    assert.match(await pressRefused(h, HEAD, HEAD, await plantButton(h, HEAD, cadreToAdmin), cadreToAdmin), /只能邀请本单位的单位干部和帮扶干部/);
    assert.equal(await h.database.db.inviteToken.count({ where: { role: { in: ["admin", "unit_head"] }, regionId } }), 1, "only the admin's one head invite exists");
  });

  test("/me shows each county, unit and role", async () => {
    const me = await say(h, HEAD, "/me", /的身份/);
    assert.match(me.text ?? "", /云溪县 · 县财政局 — 单位负责人/);
    assert.match((await say(h, 9299, "/me", /还没有加入/)).text ?? "", /还没有加入任何县/);
  });

  test("the admin lists a unit's members, makes one head, changes a role and removes a person, all audited", async () => {
    const units = await press(h, ADMIN, ADMIN, await openCounty(h, ADMIN, "云溪县"), /单位目录/, /单位目录（共/);
    const unit = await press(h, ADMIN, ADMIN, units, /^县财政局$/, /成员：/);
    const heads = await press(h, ADMIN, ADMIN, unit, /设置负责人/, /请选择 县财政局 的负责人/);
    await press(h, ADMIN, ADMIN, heads, new RegExp(`用户${OFFICIAL}`), new RegExp(`负责人：用户${OFFICIAL}`));
    const county = await openCounty(h, ADMIN, "云溪县");
    const people = await press(h, ADMIN, ADMIN, county, /人员/, /人员：选择单位/);
    const members = await press(h, ADMIN, ADMIN, people, /县财政局/, /县财政局（3 人）/);
    const person = await press(h, ADMIN, ADMIN, members, /单位干部/, /— 单位干部/);
    const changed = await pressUntil(h, ADMIN, ADMIN, person, /改为帮扶干部/, (m) => /— 帮扶干部/.test(m.text ?? ""));
    await botMessage(h, ADMIN, /身份已改为帮扶干部/, person.message_id);
    const confirm = await press(h, ADMIN, ADMIN, changed, /移出本县/, /确定把/);
    await press(h, ADMIN, ADMIN, confirm, /确定移出/, /移出本县。?$/);
    const official = await h.database.db.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(OFFICIAL) } });
    assert.equal(await h.database.db.membership.count({ where: { personId: official.id } }), 0);
    assert.equal((await h.database.db.unit.findUniqueOrThrow({ where: { id: unitId } })).headPersonId, null, "a removed head is no longer head");
    const actions = (await h.database.db.auditLog.findMany({ where: { regionId } })).map((r) => r.action);
    for (const action of ["unit.head", "membership.role", "membership.remove"]) assert.ok(actions.includes(action), action);
    assert.match((await say(h, OFFICIAL, "/me", /还没有加入/)).text ?? "", /还没有加入任何县/);
  });

  test("an admin of one county cannot touch another county's units, members or invites (B3)", async () => {
    const otherMembership = await h.database.db.membership.findFirstOrThrow({ where: { person: { telegramUserId: BigInt(OTHER_ADMIN) } } });
    const forged = [`unv:${otherUnitId}`, `cty:${otherMembership.regionId}`, `mbr:${otherMembership.id}`, `mrm:${otherMembership.id}`, `inq:${regionId}:${otherUnitId}:official`, `mrg:${unitId}:${otherUnitId}`, `unv:not-a-number`];
    for (const data of forged) {
      const refusal = await pressRefused(h, ADMIN, ADMIN, await plantButton(h, ADMIN, data), data);
      assert.match(refusal, /不是这个县的管理员|已不存在或不属于你能管理的范围|只有该单位的负责人或县管理员/, data);
    }
    assert.equal(await h.database.db.membership.count({ where: { id: otherMembership.id } }), 1);
    assert.equal(await h.database.db.unit.count({ where: { id: otherUnitId } }), 1);
    const denied = await deniedRows(h, "button:");
    assert.ok(denied.length >= forged.length);
    assert.ok(denied.some((r) => r.regionId === otherMembership.regionId), "the refusal is recorded against the county that was touched");
  });

  test("a button pressed after the person lost the role is refused", async () => {
    const menu = await say(h, HEAD, "/admin", /管理菜单/);
    assert.deepEqual(buttonsOf(menu).map((b) => b.data.split(":")[0]), ["ulm"], "a unit head sees their unit, no county");
    const head = await h.database.db.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(HEAD) } });
    await h.database.db.membership.deleteMany({ where: { personId: head.id } });
    await h.database.db.unit.updateMany({ where: { headPersonId: head.id }, data: { headPersonId: null } });
    assert.match(await pressRefused(h, HEAD, HEAD, menu.message_id, buttonData(menu, /县财政局/)), /只有该单位的负责人/);
  });
});
