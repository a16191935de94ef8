import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ensureHouseholdDuties, planHouseholdReminders } from "../../src/services/household-duties.js";
import { scanBotRequests } from "../../src/testing/pii-scan.js";
import { csv, HEADER, idNumber, mobile, seedCounty, xlsx, type County } from "./fixtures.js";
import { buttonData as dataOf, plantButton, pressRefused } from "../org/e2e-helpers.js";
import { fromBot, press, say, startHouseholdHarness, type HouseholdHarness } from "./e2e-helpers.js";

const ADMIN = 501;
const WANG = 502;
const LI = 503;
const HOUSEHOLD = 601;
const STRANGER = 602;

const row = (n: number, helper: string): string[] => [`户主${n}`, idNumber(n), "城关镇", n < 3 ? "石桥村" : "桃园村", "广东东莞", `+86 ${mobile(n)}`, "4", helper, ""];

describe("outgoing households end to end (SQLite, emulator)", () => {
  let h: HouseholdHarness;
  let county: County;
  /** The county's household menu, opened afresh: screens replace the message they were opened from. */
  const menu = async () => press(h, ADMIN, await say(h, ADMIN, "/households", /外出贫困户/), /外出贫困户 · 云溪县/, /云溪县 · 外出贫困户：\d+ 户/);

  before(async () => {
    // 2026-03-20 10:00 in the county: the first quarter still has eleven days to run.
    h = await startHouseholdHarness(new Date("2026-03-20T02:00:00Z"));
    county = await seedCounty(h.database.db, { admin: BigInt(ADMIN), wang: BigInt(WANG), li: BigInt(LI) });
    for (const [id, name] of [[ADMIN, "县管理员"], [WANG, "王芳"], [LI, "李强"], [HOUSEHOLD, "户主1家"], [STRANGER, "路人"]] as const) {
      await h.client.createUser({ id, first_name: name, language_code: "zh-hans", startedBot: true });
    }
  });
  after(async () => {
    await h.stop();
  });

  test("an admin imports a GBK CSV with bad rows (all-or-nothing, then valid rows) and an XLSX; the template downloads", async () => {
    const first = await menu();
    assert.match(first.text ?? "", /外出贫困户：0 户/);
    await press(h, ADMIN, first, /导入贫困户/, /请发送 云溪县 的贫困户表格/);
    const wrongCheck = idNumber(9).slice(0, 17) + (idNumber(9).endsWith("1") ? "2" : "1");
    const file = csv([HEADER, row(1, "王芳"), row(2, "王芳"), row(3, "王芳"), ["错号", wrongCheck, "城关镇", "石桥村", "", "", "", "王芳", ""], ["无人", "", "城关镇", "石桥村", "", "", "", "赵六", ""], ["坏电话", "", "城关镇", "石桥村", "", "138123", "", "王芳", ""]], "gbk");
    const sent = await h.client.sendDocument(ADMIN, "外出户.csv", file);
    const rejected = await fromBot(h, ADMIN, /3 行有问题，3 行有效。本次未导入任何数据/, sent.message_id);
    assert.equal(rejected.document?.file_name, `rejected-rows-${county.regionId}.csv`);
    assert.equal(await h.database.db.household.count(), 0);
    await press(h, ADMIN, rejected, /只导入 3 行有效数据/, /已导入有效行：新增 3 户，更新 0 户；跳过 3 行/);

    await press(h, ADMIN, await menu(), /导入贫困户/, /请发送 云溪县 的贫困户表格/);
    const book = await h.client.sendDocument(ADMIN, "外出户.xlsx", await xlsx([HEADER, row(4, "李强"), row(5, "李强"), row(1, "王芳")]));
    await fromBot(h, ADMIN, /已导入贫困户：新增 2 户，更新 1 户/, book.message_id);
    assert.equal(await h.database.db.household.count(), 5);
    assert.equal(await h.database.db.householdDuty.count({ where: { purpose: "contact", periodStart: "2026-01-01" } }), 5, "this quarter's duties");

    const template = await press(h, ADMIN, await menu(), /导入模板/, /贫困户导入模板/);
    assert.equal(template.document?.file_name, "households-template.xlsx");
  });

  test("a cadre sees only their households, phones masked", async () => {
    const mine = await say(h, WANG, "/households", /你在 云溪县 的帮扶户（3 户）/);
    assert.match(mine.text ?? "", /户主1 \(石桥村\) · 139\*{4}0001 · 从未联系 · 待联系 · 待寄宣传单/);
    assert.doesNotMatch(mine.text ?? "", /户主4/);
    assert.doesNotMatch(mine.text ?? "", new RegExp(mobile(1)));
  });

  test("the quarter rolls over: the cadre is reminded, logs a contact with a note and a leaflet with a photo; coverage rises", async () => {
    const coverageBefore = await press(h, ADMIN, await menu(), /本期联系覆盖率/, /联系覆盖率 2026-01-01 – 2026-03-31/);
    assert.match(coverageBefore.text ?? "", /0\/5 \(0%\)/);

    // 2026-06-23 08:30 in the county, a week before the second quarter ends.
    h.clock.set(new Date("2026-06-23T00:30:00Z"));
    assert.equal(await ensureHouseholdDuties(h.database, h.clock, county.regionId), 5, "Q2 contact duties (this year's leaflet duties exist since the import)");
    await planHouseholdReminders(h.planDeps, county.regionId);
    const before = (await h.client.messages(WANG)).length;
    h.clock.set(new Date("2026-06-23T01:05:00Z"));
    h.dispatcher.trigger();
    const reminder = await fromBot(h, WANG, /联系外出贫困户.*还有 3 户，截止 2026-06-30/s, before);
    assert.match(reminder.text ?? "", /户主1 \(石桥村\)/);
    assert.match(reminder.text ?? "", /已逾期/, "last quarter's open duties are merged into the same message (L2)");
    await fromBot(h, ADMIN, /督办.*王芳 有 3 户尚未联系/s);

    const coverageQ2 = await press(h, ADMIN, await menu(), /本期联系覆盖率/, /联系覆盖率 2026-04-01 – 2026-06-30/);
    assert.match(coverageQ2.text ?? "", /0\/5 \(0%\)/);

    const picker = await say(h, WANG, "/contacted", /登记联系.*请选择贫困户（3 户待办）/s);
    const channels = await press(h, WANG, picker, /户主1/, /你是通过什么方式联系 户主1/);
    const noteAsk = await press(h, WANG, channels, /电话/, /可发送一句备注或一张照片/);
    assert.ok(dataOf(noteAsk, /直接保存/));
    await say(h, WANG, "已电话联系，<b>一切正常</b>", /已登记：户主1。本期任务已完成/);
    const log = await h.database.db.contactLog.findFirstOrThrow({ where: { channel: "phone" } });
    assert.equal(log.note, "已电话联系，<b>一切正常</b>");

    const coverage = await press(h, ADMIN, await menu(), /本期联系覆盖率/, /1\/5 \(20%\)/);
    assert.match(coverage.text ?? "", /王芳: 1\/3 \(33%\)/);
    const open = await press(h, ADMIN, await menu(), /尚未联系/, /尚未联系 2026-04-01 – 2026-06-30（4 户）/);
    assert.doesNotMatch(open.text ?? "", /户主1 /);

    const leafletPicker = await press(h, WANG, await say(h, WANG, "/contacted", /登记联系/), /改为登记已寄宣传单/, /已寄宣传单.*请选择贫困户/s);
    const leafletChannels = await press(h, WANG, leafletPicker, /户主2/, /联系 户主2/);
    const photoAsk = await press(h, WANG, leafletChannels, /走访/, /可发送一句备注或一张照片/);
    await h.client.sendPhoto(WANG, "送达.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), { caption: "已送达" });
    await fromBot(h, WANG, /已登记：户主2。本期任务已完成/, photoAsk.message_id);
    const leaflet = await h.database.db.contactLog.findFirstOrThrow({ where: { purpose: "leaflet" } });
    assert.equal(leaflet.note, "已送达");
    assert.equal((leaflet.evidence as string[]).length, 1);

    const exportMenu = await menu();
    await h.client.pressButton(ADMIN, ADMIN, exportMenu.message_id, dataOf(exportMenu, /导出/));
    await h.client.waitForMessage(ADMIN, (m) => m.message_id > exportMenu.message_id && /^households-\d+-2026-06-23\.xlsx$/.test(m.document?.file_name ?? ""));
    assert.equal(await h.database.db.auditLog.count({ where: { action: "household.export" } }), 1);
  });

  test("a household joins by its invite, receives a notice and its leaflet, replies to its cadre, and leaves with /stop", async () => {
    const mine = await say(h, WANG, "/households", /你在 云溪县 的帮扶户/);
    const card = await press(h, WANG, mine, /^户主1$/, /户主1.*电话：139\*{4}0001/s);
    assert.throws(() => dataOf(card, /显示完整电话/), "no reveal where the county does not allow it");
    const invite = await press(h, WANG, card, /邀请链接/, /户主1 的邀请链接/);
    const token = /start=(hh_[A-Za-z0-9_-]+)/.exec(invite.text ?? "")?.[1];
    assert.ok(token);
    const qr = await fromBot(h, WANG, /户主1/, invite.message_id + 1);
    assert.ok(qr.photo && qr.photo.length > 0, "the QR code is sent as an image");

    await say(h, HOUSEHOLD, `/start ${token}`, /你已连接到 云溪县/);
    await say(h, HOUSEHOLD, "/start", /你已连接到 云溪县/);
    await say(h, STRANGER, `/start ${token}`, /该链接无效、已使用或已过期/);

    await press(h, ADMIN, await menu(), /向贫困户发通知/, /请发送给 云溪县 贫困户的通知/);
    const fileAsk = await say(h, ADMIN, "2026年外出务工交通补贴开始申请。", /现在可发送要附上的宣传单文件/);
    const pdf = await h.client.sendDocument(ADMIN, "政策宣传单.pdf", new TextEncoder().encode("%PDF-1.4 leaflet"));
    await fromBot(h, ADMIN, /通知已排队发送给 1 户/, Math.max(fileAsk.message_id, pdf.message_id));
    h.dispatcher.trigger();
    const notice = await fromBot(h, HOUSEHOLD, /云溪县\n2026年外出务工交通补贴开始申请/);
    await h.client.pressButton(HOUSEHOLD, HOUSEHOLD, notice.message_id, dataOf(notice, /政策宣传单\.pdf/));
    const file = await h.client.waitForMessage(HOUSEHOLD, (m) => m.document?.file_name === "政策宣传单.pdf");
    assert.ok(file);

    const forged = await plantButton(h, STRANGER, dataOf(notice, /政策宣传单/));
    assert.match(await pressRefused(h, STRANGER, STRANGER, forged, dataOf(notice, /政策宣传单/)), /仅限本县的贫困户/);

    const before = (await h.client.messages(WANG)).length;
    await say(h, HOUSEHOLD, `收到，谢谢！我的新号码 ${mobile(77)}`, /已转给你的帮扶责任人/);
    h.dispatcher.trigger();
    const relayed = await fromBot(h, WANG, /户主1（石桥村）来信/, before);
    assert.match(relayed.text ?? "", /139\*{4}0077/);
    assert.equal(await h.database.db.contactLog.count({ where: { channel: "telegram" } }), 1, "the reply counts as a contact");

    await say(h, HOUSEHOLD, "/stop", /你已退出/);
    await press(h, ADMIN, await menu(), /向贫困户发通知/, /请发送给/);
    const again = await say(h, ADMIN, "第二份通知", /现在可发送/);
    await press(h, ADMIN, again, /不附文件直接发送/, /通知已排队发送给 0 户/);
  });

  test("P1: no Bot API request of this suite carried an unmasked ID or mobile number, documents included", async () => {
    assert.deepEqual(await scanBotRequests(h.client, h.emulator.url), []);
  });
});

describe("revealing a phone is allowed only where the county says so, and audited (P3)", () => {
  let h: HouseholdHarness;
  before(async () => {
    h = await startHouseholdHarness(new Date("2026-05-06T02:00:00Z"));
  });
  after(async () => {
    await h.stop();
  });

  test("reveal on: the helper sees the number once per press, audited; reveal off: refused", async () => {
    const { db } = h.database;
    const open = await seedCounty(db, { admin: 701n, wang: 702n, li: 703n }, "甲县");
    const closed = await seedCounty(db, { admin: 711n, wang: 712n, li: 713n }, "乙县");
    await db.region.update({ where: { id: open.regionId }, data: { settings: { households: { phoneReveal: "helper" } } } });
    const shown = await db.household.create({ data: { regionId: open.regionId, name: "甲户", phone: mobile(42), helperId: open.cadres.wang } });
    const hidden = await db.household.create({ data: { regionId: closed.regionId, name: "乙户", phone: mobile(43), helperId: closed.cadres.wang } });
    for (const id of [702, 703, 712]) await h.client.createUser({ id, first_name: `干部${id}`, language_code: "zh-hans", startedBot: true });

    const card = await press(h, 702, await say(h, 702, "/households", /甲县 的帮扶户/), /甲户/, /甲户.*电话：139\*{4}0042/s);
    const since = (await h.client.requests()).at(-1)?.seq ?? 0;
    await press(h, 702, card, /显示完整电话/, new RegExp(mobile(42)));
    assert.equal(await db.auditLog.count({ where: { action: "household.phone.reveal", subject: `household:${shown.id}`, actorId: open.cadres.wang } }), 1);
    const findings = await scanBotRequests(h.client, h.emulator.url, since);
    assert.deepEqual(findings.map((f) => f.value), [mobile(42)], "the scan catches the one number revealed on purpose");

    const revealShown = dataOf(card, /显示完整电话/);
    assert.match(await pressRefused(h, 703, 703, await plantButton(h, 703, revealShown), revealShown), /只有该户的帮扶责任人/);
    const revealHidden = revealShown.replace(String(shown.id), String(hidden.id));
    assert.match(await pressRefused(h, 712, 712, await plantButton(h, 712, revealHidden), revealHidden), /不允许在聊天中显示完整电话/);
    assert.equal(await db.auditLog.count({ where: { action: "household.phone.reveal" } }), 1);
  });

  test("a reminder for one duty keeps its button, which opens the picker", async () => {
    const region = await h.database.db.region.findFirstOrThrow({ where: { name: "甲县" } });
    await ensureHouseholdDuties(h.database, h.clock, region.id);
    h.clock.set(new Date("2026-06-23T00:30:00Z"));
    await planHouseholdReminders(h.planDeps, region.id);
    h.clock.set(new Date("2026-06-23T01:05:00Z"));
    h.dispatcher.trigger();
    const reminder = await fromBot(h, 702, /联系外出贫困户.*还有 1 户，截止 2026-06-30/s);
    await press(h, 702, reminder, /登记联系/, /登记联系.*请选择贫困户（1 户待办）/s);
  });

  test("a county admin switches phone reveal off, and deactivates a household from the list of those not contacted", async () => {
    const { db } = h.database;
    const region = await db.region.findFirstOrThrow({ where: { name: "甲县" } });
    await ensureHouseholdDuties(h.database, h.clock, region.id);
    await h.client.createUser({ id: 701, first_name: "管理员", language_code: "zh-hans", startedBot: true });
    const openMenu = async () => press(h, 701, await say(h, 701, "/households", /外出贫困户/), /外出贫困户 · 甲县/, /甲县 · 外出贫困户：1 户/);
    await press(h, 701, await openMenu(), /完整电话：帮扶责任人可查看/, /完整电话：聊天中一律不显示/);
    assert.deepEqual((await db.region.findUniqueOrThrow({ where: { id: region.id } })).settings, { households: { phoneReveal: "off", retentionDays: 365, contactRule: { freq: "quarterly", interval: 1, count: 1 }, leafletRule: { freq: "yearly", interval: 1, count: 1 } } });
    assert.equal(await db.auditLog.count({ where: { action: "household.settings", regionId: region.id } }), 1);
    const menu = await openMenu();
    const list = await press(h, 701, menu, /尚未联系/, /尚未联系 2026-04-01 – 2026-06-30（1 户）/);
    const card = await press(h, 701, list, /^甲户$/, /甲户.*电话：139\*{4}0042/s);
    const confirm = await press(h, 701, card, /停用/, /确定停用 甲户 吗？.*365 天后删除/s);
    await press(h, 701, confirm, /确定停用/, /已停用 甲户/);
    assert.equal((await db.household.findFirstOrThrow({ where: { name: "甲户" } })).active, false);
    assert.equal(await db.auditLog.count({ where: { action: "household.deactivate" } }), 1);
  });
});
