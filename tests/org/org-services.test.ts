import assert from "node:assert/strict";
import { createCounty, updateCounty } from "../../src/services/regions.js";
import { addAlias, addUnits, findUnitByName, loadStarterDirectory, mergeUnits, renameUnit, setHead, setParent } from "../../src/services/units.js";
import { changeRole, loadActor, removeFromCounty } from "../../src/services/memberships.js";
import { subscribe, toggleKind, toggleUnit, unsubscribe } from "../../src/services/subscriptions.js";
import { inactiveRecipients, migrateChat, setChatActive, touchChat } from "../../src/services/chats.js";
import { askFor, takePrompt } from "../../src/services/prompts.js";
import { STARTER_DIRECTORY } from "../../src/domain/starter-directory.js";
import { createManualClock } from "../../src/clock.js";
import { clock, onBothDatabases, seedCounty } from "./helpers.js";

const actions = async (db: { auditLog: { findMany(a: object): Promise<Array<{ action: string }>> } }) =>
  (await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((r) => r.action);

onBothDatabases("counties and units", {
  "a county is created and edited with checked settings, each change audited": async ({ db }) => {
    const created = await createCounty(db, clock, { name: "  云溪县 ", timeZone: "Asia/Shanghai", actorId: null });
    assert.ok(created.ok);
    assert.equal(created.region.name, "云溪县");
    assert.deepEqual(await updateCounty(db, clock, created.region.id, { timeZone: "Mars/Base" }, null), { ok: false, reason: "bad-time-zone" });
    assert.deepEqual(await updateCounty(db, clock, created.region.id, { quietStart: "25:00" }, null), { ok: false, reason: "bad-time" });
    assert.deepEqual(await createCounty(db, clock, { name: "   ", timeZone: "Asia/Shanghai", actorId: null }), { ok: false, reason: "bad-name" });
    const updated = await updateCounty(db, clock, created.region.id, { name: "云溪区", timeZone: "Asia/Urumqi", quietStart: "22:00", workingCalendar: false }, null);
    assert.ok(updated.ok);
    assert.equal(updated.region.timeZone, "Asia/Urumqi");
    assert.equal(updated.region.workingCalendar, false);
    assert.deepEqual(await actions(db), ["county.create", "county.update"]);
  },

  "units are added, renamed (old name kept as alias), aliased and found by any name": async ({ db }) => {
    const { region, finance, town } = await seedCounty(db);
    const added = await addUnits(db, clock, region.id, ["县扶贫开发领导小组办公室", "财政局", "", "县扶贫开发领导小组办公室"], null);
    assert.deepEqual(added, { created: ["县扶贫开发领导小组办公室"], skipped: ["财政局", "县扶贫开发领导小组办公室"] });
    const poverty = await findUnitByName(db, region.id, "县扶贫开发领导小组办公室");
    assert.ok(poverty);
    assert.deepEqual(await addAlias(db, clock, poverty.id, "扶贫办", null), { ok: true, alias: "扶贫办" });
    assert.equal((await findUnitByName(db, region.id, "扶贫办"))?.id, poverty.id);
    assert.deepEqual(await addAlias(db, clock, poverty.id, "财政局", null), { ok: false, reason: "name-taken" });
    assert.deepEqual(await renameUnit(db, clock, finance.id, town.name, null), { ok: false, reason: "name-taken" });
    assert.deepEqual(await renameUnit(db, clock, finance.id, "县财政局", null), { ok: true, name: "县财政局" });
    assert.equal((await findUnitByName(db, region.id, "云溪县财政局"))?.id, finance.id, "the old name still finds the unit");
    assert.deepEqual(await actions(db), ["unit.create", "unit.alias", "unit.rename"]);
  },

  "parents form a tree: no unit is its own ancestor": async ({ db }) => {
    const { region, town } = await seedCounty(db);
    await addUnits(db, clock, region.id, ["白岩村"], null);
    const village = await findUnitByName(db, region.id, "白岩村");
    assert.ok(village);
    assert.deepEqual(await setParent(db, clock, village.id, town.id, null), { ok: true });
    assert.deepEqual(await setParent(db, clock, town.id, village.id, null), { ok: false, reason: "cycle" });
    assert.deepEqual(await setParent(db, clock, town.id, town.id, null), { ok: false, reason: "same-unit" });
    assert.equal((await db.unit.findUniqueOrThrow({ where: { id: village.id } })).parentId, town.id);
  },

  "merging a duplicate moves its people and group subscriptions and keeps its names as aliases": async ({ db }) => {
    const { region, finance } = await seedCounty(db);
    const dup = await db.unit.create({ data: { regionId: region.id, name: "财政局(旧)", aliases: ["县财政"] } });
    const person = await db.person.create({ data: { name: "李科长", telegramUserId: 501n } });
    await db.membership.create({ data: { personId: person.id, regionId: region.id, unitId: dup.id, role: "official" } });
    await db.membership.create({ data: { personId: person.id, regionId: region.id, unitId: finance.id, role: "official" } });
    const chat = await db.chat.create({ data: { telegramChatId: -100n, type: "group" } });
    const sub = await subscribe(db, clock, chat.id, region.id, null);
    await toggleUnit(db, clock, sub.id, dup.id, null);
    const merged = await mergeUnits(db, clock, dup.id, finance.id, null);
    assert.ok(merged.ok);
    assert.equal(await db.unit.count({ where: { id: dup.id } }), 0);
    assert.equal(await db.membership.count({ where: { personId: person.id } }), 1, "the duplicate membership is folded");
    assert.deepEqual((await db.subscriptionUnit.findMany()).map((s) => s.unitId), [finance.id]);
    assert.equal((await findUnitByName(db, region.id, "县财政"))?.id, finance.id);
    assert.equal((await findUnitByName(db, region.id, "财政局(旧)"))?.id, finance.id);
    assert.ok((await actions(db)).includes("unit.merge"));
  },

  "the starter directory loads once; loading again changes nothing": async ({ db }) => {
    const { region } = await seedCounty(db);
    const first = await loadStarterDirectory(db, clock, region.id, null);
    assert.equal(first.created, STARTER_DIRECTORY.length - 1, "财政局 is already there under an alias");
    const second = await loadStarterDirectory(db, clock, region.id, null);
    assert.equal(second.created, 0);
    const team = await findUnitByName(db, region.id, "城关镇驻村工作队");
    const seat = await findUnitByName(db, region.id, "城关镇");
    assert.equal(team?.parentId, seat?.id);
    assert.equal((await findUnitByName(db, region.id, "扶贫办"))?.name, "县扶贫开发领导小组办公室");
  },
});

onBothDatabases("people, subscriptions and chats", {
  "heads, role changes and removal keep the county with an admin and are audited": async ({ db }) => {
    const { region, finance, admin } = await seedCounty(db);
    const li = await db.person.create({ data: { name: "李科长", telegramUserId: 601n } });
    const membership = await db.membership.create({ data: { personId: li.id, regionId: region.id, unitId: finance.id, role: "official" } });
    const stranger = await db.person.create({ data: { name: "外人", telegramUserId: 602n } });
    assert.deepEqual(await setHead(db, clock, finance.id, stranger.id, null), { ok: false, reason: "not-a-member" });
    assert.deepEqual(await setHead(db, clock, finance.id, li.id, null), { ok: true });
    const actor = await loadActor(db, 601, []);
    assert.ok(actor.grants.some((g) => g.role === "unit_head" && g.unitId === finance.id));
    assert.deepEqual(await changeRole(db, clock, membership.id, "cadre", null), { ok: true });
    const adminMembership = await db.membership.findFirstOrThrow({ where: { personId: admin.id } });
    assert.deepEqual(await changeRole(db, clock, adminMembership.id, "official", null), { ok: false, reason: "unit-required" });
    assert.deepEqual(await removeFromCounty(db, clock, region.id, admin.id, null), { ok: false, reason: "last-admin" });
    assert.deepEqual(await removeFromCounty(db, clock, region.id, li.id, null), { ok: true, removed: 2 });
    assert.equal((await db.unit.findUniqueOrThrow({ where: { id: finance.id } })).headPersonId, null);
    assert.deepEqual(await actions(db), ["membership.grant", "unit.head", "membership.role", "membership.remove"]);
  },

  "a subscription is created once and its kinds and units toggle": async ({ db }) => {
    const { region, finance } = await seedCounty(db);
    const other = await seedCounty(db, "河坪县");
    const chat = await touchChat(db, clock, { telegramChatId: -200, type: "group", title: "财政群" });
    const sub = await subscribe(db, clock, chat.id, region.id, null);
    assert.equal((await subscribe(db, clock, chat.id, region.id, null)).id, sub.id);
    await toggleKind(db, clock, sub.id, "digests", null);
    await toggleUnit(db, clock, sub.id, finance.id, null);
    await assert.rejects(toggleUnit(db, clock, sub.id, other.finance.id, null), /not in the county/);
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: sub.id }, include: { units: true } });
    assert.equal(stored.digests, false);
    assert.deepEqual(stored.units.map((u) => u.unitId), [finance.id]);
    await unsubscribe(db, clock, sub.id, null);
    assert.equal(await db.subscription.count(), 0);
    assert.deepEqual(await actions(db), ["subscription.create", "subscription.update", "subscription.unit", "subscription.delete"]);
  },

  "an upgraded group keeps its subscriptions under the new id, whichever migration message comes first (F8)": async ({ db }) => {
    const { region } = await seedCounty(db);
    const chat = await touchChat(db, clock, { telegramChatId: -300, type: "group", title: "镇群" });
    await subscribe(db, clock, chat.id, region.id, null);
    await touchChat(db, clock, { telegramChatId: -1000300, type: "supergroup", title: "镇群" });
    await migrateChat(db, clock, -300, -1000300);
    await migrateChat(db, clock, -300, -1000300);
    const moved = await db.chat.findUniqueOrThrow({ where: { telegramChatId: -1000300n }, include: { subscriptions: true } });
    assert.equal(moved.subscriptions.length, 1);
    assert.equal(await db.chat.count({ where: { telegramChatId: -300n } }), 0);
  },

  "chats the bot lost are listed for the county's digest until they come back (F7)": async ({ db }) => {
    const { region } = await seedCounty(db);
    const group = await touchChat(db, clock, { telegramChatId: -400, type: "group", title: "村群" });
    await subscribe(db, clock, group.id, region.id, null);
    const wang = await db.person.create({ data: { name: "王干事", telegramUserId: 701n } });
    await db.membership.create({ data: { personId: wang.id, regionId: region.id, role: "admin" } });
    await touchChat(db, clock, { telegramChatId: 701, type: "private", personId: wang.id });
    await setChatActive(db, clock, -400, false, "removed");
    await setChatActive(db, clock, 701, false, "blocked");
    await setChatActive(db, clock, 701, false, "blocked");
    const lost = await inactiveRecipients(db, region.id);
    assert.deepEqual(lost.map((r) => [r.kind, r.name, r.reason]), [["group", "村群", "removed"], ["person", "王干事", "blocked"]]);
    await touchChat(db, clock, { telegramChatId: 701, type: "private", personId: wang.id });
    assert.deepEqual((await inactiveRecipients(db, region.id)).map((r) => r.name), ["村群"]);
    assert.deepEqual((await actions(db)).filter((a) => a.startsWith("chat.")), ["chat.inactive", "chat.inactive", "chat.active"]);
  },

  "a pending question is answered once and lapses": async ({ db }) => {
    const person = await db.person.create({ data: { name: "王", telegramUserId: 801n } });
    const where = { telegramChatId: 801, personId: person.id };
    await askFor(db, clock, where, "unit.rename", { unitId: 5 });
    assert.deepEqual(await takePrompt(db, clock, where), { kind: "unit.rename", payload: { unitId: 5 } });
    assert.equal(await takePrompt(db, clock, where), null);
    await askFor(db, clock, where, "unit.rename", { unitId: 5 });
    const later = createManualClock(new Date(clock.now().getTime() + 3_600_000));
    assert.equal(await takePrompt(db, later, where), null);
  },
});
