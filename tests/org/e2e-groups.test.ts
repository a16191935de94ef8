import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { BotHarness } from "../../src/testing/bot-harness.js";
import { inactiveRecipients } from "../../src/services/chats.js";
import { arrangeCounty, botMessage, buttonData, buttonsOf, deniedRows, plantButton, press, pressRefused, pressUntil, say, startOrgHarness } from "./e2e-helpers.js";

const ADMIN = 9302;
const MEMBER = 9303;
const GROUP_OWNER = 9304;
const OTHER_ADMIN = 9305;

describe("groups subscribe to counties", () => {
  let h: BotHarness;
  let regionId: number;
  let groupId: number;
  let unitId: number;

  before(async () => {
    h = await startOrgHarness();
    regionId = (await arrangeCounty(h, "云溪县", ADMIN)).region.id;
    unitId = (await h.database.db.unit.create({ data: { regionId, name: "县财政局" } })).id;
    await arrangeCounty(h, "河坪县", OTHER_ADMIN);
    for (const id of [MEMBER, GROUP_OWNER]) await h.client.createUser({ id, first_name: `用户${id}`, language_code: "zh-hans" });
    groupId = (await h.client.createGroup({ title: "财政工作群", memberIds: [ADMIN, MEMBER, OTHER_ADMIN], creatorId: ADMIN })).id;
  });
  after(async () => {
    await h.stop();
  });

  test("a county admin who administers the group subscribes it and chooses what and which units it receives", async () => {
    const choose = await say(h, ADMIN, "/subscribe", /选择本群要关注的县/, groupId);
    assert.deepEqual(buttonsOf(choose).map((b) => b.text), ["云溪县"], "only the counties this admin runs");
    const view = await press(h, ADMIN, groupId, choose, /云溪县/, /本群已订阅 云溪县/);
    const noDigests = await pressUntil(h, ADMIN, groupId, view, /每日汇总/, (m) => buttonsOf(m).some((b) => b.text === "⬜ 每日汇总"));
    const units = await pressUntil(h, ADMIN, groupId, noDigests, /选择单位/, (m) => /都不选表示全部单位/.test(m.text ?? ""));
    const ticked = await pressUntil(h, ADMIN, groupId, units, /县财政局/, (m) => buttonsOf(m).some((b) => b.text === "✅ 县财政局"));
    await pressUntil(h, ADMIN, groupId, ticked, /完成/, (m) => /单位：县财政局/.test(m.text ?? ""));
    const listed = await say(h, MEMBER, "/subscriptions", /本群的订阅/, groupId);
    assert.match(listed.text ?? "", /云溪县：通知、提醒（县财政局）/);
    const sub = await h.database.db.subscription.findFirstOrThrow({ include: { units: true } });
    assert.deepEqual([sub.notices, sub.reminders, sub.digests, sub.units.map((u) => u.unitId)], [true, true, false, [unitId]]);
    const actions = (await h.database.db.auditLog.findMany({ where: { regionId, action: { startsWith: "subscription." } } })).map((r) => r.action);
    assert.deepEqual(actions, ["subscription.create", "subscription.update", "subscription.unit"]);
  });

  test("a member who is not a group admin, and a group admin who is not a county admin, are refused (S4)", async () => {
    const refused = await say(h, MEMBER, "/subscribe", /抱歉/, groupId);
    assert.match(refused.text ?? "", /只有本群的管理员才能设置群订阅/);
    const ownGroup = (await h.client.createGroup({ title: "闲聊群", memberIds: [GROUP_OWNER, MEMBER], creatorId: GROUP_OWNER })).id;
    assert.match((await say(h, GROUP_OWNER, "/subscribe", /抱歉/, ownGroup)).text ?? "", /你不是这个县的管理员/);
    // Buttons in the group can be pressed by anyone in it: a plain member pressing the admin's is refused.
    const sub = await h.database.db.subscription.findFirstOrThrow();
    const panel = (await h.client.messages(groupId)).findLast((m) => buttonsOf(m).some((b) => b.data === `sbd:${sub.id}`));
    assert.ok(panel);
    assert.match(await pressRefused(h, MEMBER, groupId, panel.message_id, `sbd:${sub.id}`), /只有本群的管理员/);
    assert.equal(await h.database.db.subscription.count(), 1);
    assert.ok((await deniedRows(h, "command:subscribe")).length >= 2);
  });

  test("buttons naming another county, or one of its units, are refused even for a county admin (B3)", async () => {
    const other = await h.database.db.region.findFirstOrThrow({ where: { name: "河坪县" } });
    const otherUnit = await h.database.db.unit.create({ data: { regionId: other.id, name: "河坪县水利局" } });
    const sub = await h.database.db.subscription.findFirstOrThrow();
    const forged = `sbx:${sub.id}:${otherUnit.id}:0`;
    const message = await plantButton(h, groupId, forged);
    assert.match(await pressRefused(h, ADMIN, groupId, message, forged), /已不存在或不属于你能管理的范围/);
    assert.equal(await h.database.db.subscriptionUnit.count({ where: { unitId: otherUnit.id } }), 0);
    const foreign = `sbc:${other.id}`;
    assert.match(await pressRefused(h, ADMIN, groupId, await plantButton(h, groupId, foreign), foreign), /你不是这个县的管理员/);
    assert.equal(await h.database.db.subscription.count({ where: { regionId: other.id } }), 0);
  });

  test("a group upgraded to a supergroup keeps its subscriptions under the new id (F8)", async () => {
    const newId = await h.client.upgradeGroup(groupId, ADMIN);
    const listed = await say(h, MEMBER, "/subscriptions", /本群的订阅/, newId);
    assert.match(listed.text ?? "", /云溪县/);
    assert.equal(await h.database.db.chat.count({ where: { telegramChatId: BigInt(groupId) } }), 0);
    const chat = await h.database.db.chat.findUniqueOrThrow({ where: { telegramChatId: BigInt(newId) }, include: { subscriptions: true } });
    assert.equal(chat.subscriptions.length, 1);
    groupId = newId;
  });

  test("a group that removed the bot and a person who blocked it are marked inactive for the digest, and back when they return (F7)", async () => {
    await h.client.removeBotFromGroup(groupId, ADMIN);
    await say(h, ADMIN, "/me", /的身份/);
    await h.client.blockBot(ADMIN);
    await waitFor(async () => (await inactiveRecipients(h.database.db, regionId)).length === 2);
    const lost = await inactiveRecipients(h.database.db, regionId);
    assert.deepEqual(lost.map((r) => [r.kind, r.reason]), [["group", "removed"], ["person", "blocked"]]);
    assert.equal(lost[0]?.name, "财政工作群");
    await h.client.unblockBot(ADMIN);
    await h.client.addBotToGroup(groupId, ADMIN);
    await waitFor(async () => (await inactiveRecipients(h.database.db, regionId)).length === 0);
    const actions = (await h.database.db.auditLog.findMany({ where: { action: { in: ["chat.inactive", "chat.active"] } } })).map((r) => r.action);
    assert.deepEqual(actions.sort(), ["chat.active", "chat.active", "chat.inactive", "chat.inactive"]);
  });

  test("/unsubscribe lists the group's counties and removes the chosen one", async () => {
    const choose = await say(h, ADMIN, "/unsubscribe", /选择要取消订阅的县/, groupId);
    await h.client.pressButton(ADMIN, groupId, choose.message_id, buttonData(choose, /云溪县/));
    await botMessage(h, groupId, /本群已取消订阅 云溪县/, choose.message_id);
    assert.equal(await h.database.db.subscription.count(), 0);
    assert.match((await say(h, MEMBER, "/subscriptions", /还没有订阅/, groupId)).text ?? "", /本群还没有订阅任何县/);
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
